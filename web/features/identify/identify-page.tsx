// The identification aid: a clinician with a patient in front of them walks one step per screen (privacy, what they
// observe, asking safely, danger, age, the patient's choice) to an outcome. Public; nothing leaves the browser.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AidContent, AidStepId } from '#shared/identify/aid-content.ts';
import type { Country } from '#shared/directory/regions.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { useAidContent } from './aid-content.ts';
import { useWarmOfflineAid } from './aid-offline.ts';
import { flagsOf, freshState, keepState, keptState, stepsFor, type AidState } from './aid-state.ts';
import { AidStart } from './aid-start.tsx';
import { AidStepView } from './aid-step.tsx';
import { AidOutcome } from './aid-outcome.tsx';

/** Norwegian readers most likely work in Norway; everyone else starts from Romania (they can change it). */
const LIKELY_COUNTRY: Record<LibraryLanguage, Country> = { nb: 'NO', ro: 'RO', en: 'RO' };

export function IdentifyPage() {
  const { t } = useTranslation('identify');
  const lang = useReaderLanguage();
  const content = useAidContent(lang);
  useWarmOfflineAid();
  return (
    <Page title={t('title')}>
      {content.data ? <AidFlow content={content.data} lang={lang} /> : content.isError ? <Banner tone="error">{t('loadFailed')}</Banner> : <Loading />}
    </Page>
  );
}

function AidFlow({ content, lang }: { content: AidContent; lang: LibraryLanguage }) {
  const { t } = useTranslation('identify');
  const [state, setState] = useState<AidState>(() => keptState() ?? freshState(LIKELY_COUNTRY[lang]));
  useEffect(() => keepState(state), [state]);
  const flags = flagsOf(state);
  const path = stepsFor(flags);
  const index = Math.max(0, path.indexOf(state.step));
  const heading = useStepFocus(state.step);
  const go = (step: AidStepId) => setState((s) => ({ ...s, step }));
  const step = content.steps.find((s) => s.id === state.step)!;
  return (
    <div className="aid">
      {/* NOTE: on the first and last screens, where the clinician decides; on a phone, every step stays short. */}
      {(state.step === 'start' || state.step === 'outcome') && <p className="aid-not-a-test">{content.notATest}</p>}
      <Progress index={index} total={path.length} />
      <section aria-labelledby="aid-step-title" className="aid-step">
        <h2 id="aid-step-title" tabIndex={-1} ref={heading} aria-describedby="aid-progress">
          {step.title}
        </h2>
        {state.step === 'outcome' ? (
          <AidOutcome content={content} state={state} setState={setState} flags={flags} lang={lang} />
        ) : (
          <AidStepView step={step} state={state} setState={setState} flags={flags} lang={lang}>
            {state.step === 'start' && <AidStart content={content} state={state} setState={setState} />}
          </AidStepView>
        )}
      </section>
      <nav aria-label={t('nav.label')} className="aid-nav">
        {index > 0 && (
          <button type="button" className="secondary" onClick={() => go(path[index - 1]!)}>
            {t('nav.back')}
          </button>
        )}
        {index < path.length - 1 ? (
          <button type="button" onClick={() => go(path[index + 1]!)}>
            {index === 0 ? t('nav.begin') : index === path.length - 2 ? t('nav.toOutcome') : t('nav.next')}
          </button>
        ) : (
          <button type="button" className="secondary" onClick={() => setState(freshState(state.country))}>
            {t('nav.restart')}
          </button>
        )}
      </nav>
    </div>
  );
}

function Progress({ index, total }: { index: number; total: number }) {
  const { t } = useTranslation('identify');
  return (
    <div className="aid-progress">
      <p id="aid-progress">{t('progress', { step: index + 1, total })}</p>
      <div className="aid-progress-bar" aria-hidden="true">
        <span style={{ width: `${((index + 1) / total) * 100}%` }} />
      </div>
    </div>
  );
}

/** After each step change (not on the first render), focus the step's heading so screen readers announce it. */
function useStepFocus(step: AidStepId) {
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);
  return heading;
}
