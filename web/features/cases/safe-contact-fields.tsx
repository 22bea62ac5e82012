// How the person may be reached and what must never be done (sealed on the server), and on the child path the
// referral to child protection with its outcome: a child's case cannot close without that outcome.
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, needsChildPath } from '#shared/cases/case-vocabulary.ts';
import { CHILD_PROTECTION_OUTCOMES, SAFE_CONTACT_NEVER } from '#shared/cases/case.schema.ts';
import { SelectField, TextField } from '#web/components/ui/form.tsx';
import type { GeneralDraft } from './case-form-model.ts';
import type { DraftProps } from './general-fields.tsx';

function Ticks(props: { legend: string; codes: readonly string[]; chosen: string[]; label(code: string): string; onChange(v: string[]): void }) {
  const toggle = (code: string) => props.onChange(props.chosen.includes(code) ? props.chosen.filter((c) => c !== code) : [...props.chosen, code]);
  return (
    <fieldset className="case-answer">
      <legend>{props.legend}</legend>
      <div className="check-grid">
        {props.codes.map((code) => (
          <label key={code} className="checkbox">
            <input type="checkbox" checked={props.chosen.includes(code)} onChange={() => toggle(code)} /> {props.label(code)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function SafeContactFields({ value, onChange, idPrefix }: DraftProps) {
  const { t } = useTranslation('cases');
  const sc = value.safeContact;
  const set = (patch: Partial<GeneralDraft['safeContact']>) => onChange({ ...value, safeContact: { ...sc, ...patch } });
  return (
    <fieldset className="case-fieldset">
      <legend>{t('safeContact.title')}</legend>
      <p className="hint">{t('form.safeContactHint')}</p>
      <Ticks legend={t('safeContact.channels')} codes={CONTACT_CHANNELS} chosen={sc.channels} label={(c) => t(`channel.${c}`)} onChange={(channels) => set({ channels })} />
      <TextField id={`${idPrefix}-sc-times`} label={t('safeContact.times')} hint={t('form.timesHint')} value={sc.times} onChange={(times) => set({ times })} maxLength={200} />
      <TextField id={`${idPrefix}-sc-code-word`} label={t('safeContact.codeWord')} hint={t('form.codeWordHint')} value={sc.codeWord} onChange={(codeWord) => set({ codeWord })} maxLength={100} />
      <Ticks legend={t('safeContact.never')} codes={SAFE_CONTACT_NEVER} chosen={sc.never} label={(c) => t(`never.${c}`)} onChange={(never) => set({ never })} />
      <div className="field">
        <label htmlFor={`${idPrefix}-sc-note`}>{t('safeContact.note')}</label>
        <textarea id={`${idPrefix}-sc-note`} rows={3} maxLength={1000} value={sc.note} onChange={(e) => set({ note: e.target.value })} />
      </div>
    </fieldset>
  );
}

export function ChildProtectionFields({ value, onChange, idPrefix }: DraftProps) {
  const { t } = useTranslation('cases');
  if (!needsChildPath(value.ageBand)) return null;
  const cp = value.childProtection;
  const set = (patch: Partial<GeneralDraft['childProtection']>) => onChange({ ...value, childProtection: { ...cp, ...patch } });
  return (
    <fieldset className="case-fieldset">
      <legend>{t('childProtection.title')}</legend>
      <p className="hint">{t('childProtection.prompt')}</p>
      <TextField id={`${idPrefix}-cp-referred`} type="date" label={t('childProtection.referredOn')} value={cp.referredOn} onChange={(referredOn) => set({ referredOn })} />
      <SelectField
        id={`${idPrefix}-cp-outcome`}
        label={t('childProtection.outcome')}
        value={cp.outcome}
        onChange={(outcome) => set({ outcome })}
        options={[{ value: '', label: t('form.notRecorded') }, ...CHILD_PROTECTION_OUTCOMES.map((o) => ({ value: o, label: t(`childOutcome.${o}`) }))]}
      />
      <TextField id={`${idPrefix}-cp-outcome-on`} type="date" label={t('childProtection.outcomeOn')} value={cp.outcomeOn} onChange={(outcomeOn) => set({ outcomeOn })} />
    </fieldset>
  );
}
