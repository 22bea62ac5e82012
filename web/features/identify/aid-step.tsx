// One step of the aid: its introduction, its questions (radio buttons), things to tick (checkboxes), advice and
// phrasings to use or avoid, and the library sections behind it. Blocks and lines that do not apply are left out.
import { useId, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { libraryPath, shows, type AidBlock, type AidFlag, type AidStep } from '#shared/identify/aid-content.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { answerOf, isTicked, type AidState } from './aid-state.ts';
import { DangerNow } from './aid-help.tsx';

interface StepProps {
  step: AidStep;
  state: AidState;
  setState: Dispatch<SetStateAction<AidState>>;
  flags: ReadonlySet<AidFlag>;
  lang: LibraryLanguage;
}

/** `children`: the step's own parts, after its introduction (the first step's country choice). */
export function AidStepView({ step, state, setState, flags, lang, children }: StepProps & { children?: ReactNode }) {
  return (
    <>
      <p className="aid-intro">{step.intro}</p>
      {children}
      {step.id === 'danger' && flags.has('danger') && <DangerNow country={state.country} lang={lang} />}
      <AidBlocks step={step} state={state} setState={setState} flags={flags} />
      <LibraryLinks step={step} />
    </>
  );
}

export function AidBlocks({ step, state, setState, flags }: Omit<StepProps, 'lang'>) {
  return (
    <div className="aid-blocks">
      {step.blocks
        .filter((block) => shows(block, flags))
        .map((block) => (
          <Block key={block.id} stepId={step.id} block={block} state={state} setState={setState} flags={flags} />
        ))}
    </div>
  );
}

function Block({ stepId, block, state, setState, flags }: { stepId: string; block: AidBlock; state: AidState; setState: Dispatch<SetStateAction<AidState>>; flags: ReadonlySet<AidFlag> }) {
  const id = useId();
  const key = `${stepId}.${block.id}`;
  const items = block.items.filter((item) => shows(item, flags));
  const hint = block.hint ? <p className="hint" id={`${id}-hint`}>{block.hint}</p> : null;
  if (block.type === 'question' || block.type === 'checklist') {
    const radio = block.type === 'question';
    return (
      <fieldset className="field aid-choices" aria-describedby={block.hint ? `${id}-hint` : undefined}>
        <legend>{block.title}</legend>
        {hint}
        {items.map((item) => {
          const itemKey = `${key}.${item.id}`;
          const checked = radio ? answerOf(state, stepId as AidState['step'], block.id) === item.id : isTicked(state, itemKey);
          const change = () =>
            setState((s) =>
              radio
                ? { ...s, answers: { ...s.answers, [key]: item.id } }
                : { ...s, ticked: s.ticked.includes(itemKey) ? s.ticked.filter((k) => k !== itemKey) : [...s.ticked, itemKey] },
            );
          return (
            <label key={item.id} className="choice">
              <input type={radio ? 'radio' : 'checkbox'} name={key} value={item.id} checked={checked} onChange={change} />
              <span>{item.text}</span>
            </label>
          );
        })}
      </fieldset>
    );
  }
  return (
    <div className={`aid-advice aid-${block.type}`}>
      <h3>{block.title}</h3>
      {hint}
      <ul>
        {items.map((item) => (
          <li key={item.id}>{item.text}</li>
        ))}
      </ul>
    </div>
  );
}

export function LibraryLinks({ step }: { step: AidStep }) {
  const { t } = useTranslation('identify');
  return (
    <aside className="aid-library" aria-labelledby={`aid-library-${step.id}`}>
      <h3 id={`aid-library-${step.id}`}>{t('library')}</h3>
      <ul>
        {step.links.map((link) => (
          <li key={`${link.chapter}#${link.section}`}>
            <Link to={libraryPath(link)}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}
