// The person in codes (age band, gender, citizenship, languages) and the trafficking status with who decided it: the
// same fields on the new-case page and in the overview's edit form. Errors arrive as keys of the `cases` namespace.
import { useTranslation } from 'react-i18next';
import { CASE_AGE_BANDS, GENDERS, needsChildPath, STATUS_DECIDERS, TRAFFICKING_STATUSES, type CaseAgeBand } from '#shared/cases/case-vocabulary.ts';
import { SelectField, TextField, type FieldErrors } from '#web/components/ui/form.tsx';
import type { GeneralDraft } from './case-form-model.ts';

export interface DraftProps {
  value: GeneralDraft;
  onChange(next: GeneralDraft): void;
  errors: FieldErrors;
  /** Prefix of every field id, so two forms never share ids. */
  idPrefix: string;
}

export function PersonFields({ value, onChange, errors, idPrefix }: DraftProps) {
  const { t } = useTranslation('cases');
  const set = (patch: Partial<GeneralDraft>) => onChange({ ...value, ...patch });
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  const none = { value: '', label: t('form.notRecorded') };
  return (
    <fieldset className="case-fieldset">
      <legend>{t('form.person')}</legend>
      <SelectField
        id={`${idPrefix}-age-band`}
        label={t('overview.ageBand')}
        hint={t('form.ageBandHint')}
        value={value.ageBand}
        onChange={(ageBand) => set({ ageBand: ageBand as CaseAgeBand })}
        options={CASE_AGE_BANDS.map((a) => ({ value: a, label: t(`ageBand.${a}`) }))}
      />
      {needsChildPath(value.ageBand) && <p className="case-child-note">{t('overview.childPath')}</p>}
      <SelectField id={`${idPrefix}-gender`} label={t('overview.gender')} value={value.gender} onChange={(gender) => set({ gender })} options={[none, ...GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))]} />
      <TextField id={`${idPrefix}-citizenship`} label={t('overview.citizenship')} hint={t('form.citizenshipHint')} value={value.citizenship} onChange={(citizenship) => set({ citizenship })} error={err('citizenship')} maxLength={40} />
      <TextField id={`${idPrefix}-languages`} label={t('overview.languages')} hint={t('form.languagesHint')} value={value.languages} onChange={(languages) => set({ languages })} error={err('languages')} maxLength={60} />
    </fieldset>
  );
}

export function StatusFields({ value, onChange, idPrefix }: DraftProps) {
  const { t } = useTranslation('cases');
  const set = (patch: Partial<GeneralDraft>) => onChange({ ...value, ...patch });
  const none = { value: '', label: t('form.notRecorded') };
  return (
    <fieldset className="case-fieldset">
      <legend>{t('form.traffickingStatus')}</legend>
      <SelectField
        id={`${idPrefix}-trafficking-status`}
        label={t('overview.traffickingStatus')}
        value={value.traffickingStatus}
        onChange={(traffickingStatus) => set({ traffickingStatus })}
        options={[none, ...TRAFFICKING_STATUSES.map((s) => ({ value: s, label: t(`traffickingStatus.${s}`) }))]}
      />
      <SelectField
        id={`${idPrefix}-decided-by`}
        label={t('overview.decidedBy')}
        hint={t('form.decidedByHint')}
        value={value.statusDecidedBy}
        onChange={(statusDecidedBy) => set({ statusDecidedBy })}
        options={[none, ...STATUS_DECIDERS.map((s) => ({ value: s, label: t(`decider.${s}`) }))]}
      />
    </fieldset>
  );
}
