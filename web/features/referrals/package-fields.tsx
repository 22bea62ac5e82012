// Step 3 of a new referral: the minimum dataset. Identity fields appear only when the chosen consent covers identity.
import { useTranslation } from 'react-i18next';
import { SERVICE_CATEGORIES, CATEGORY_LABELS } from '#shared/directory/taxonomy.ts';
import { AGE_BANDS, SEXES, URGENCIES } from '#shared/referrals/referral-vocabulary.ts';
import { SelectField, TextField } from '#web/components/ui/form.tsx';

export interface PackageDraft {
  subjectCode: string;
  ageBand: string;
  sex: string;
  languages: string;
  needs: string[];
  urgency: string;
  safeContact: string;
  note: string;
  name: string;
  birthYear: string;
  phone: string;
}

export const emptyPackage: PackageDraft = { subjectCode: '', ageBand: 'unknown', sex: 'unknown', languages: '', needs: [], urgency: 'routine', safeContact: '', note: '', name: '', birthYear: '', phone: '' };

export function PackageFields(props: { value: PackageDraft; onChange(v: PackageDraft): void; errors: Record<string, string | undefined>; identityAllowed: boolean }) {
  const { t, i18n } = useTranslation('referrals');
  const lang = (['en', 'ro', 'nb'].includes(i18n.language) ? i18n.language : 'en') as 'en' | 'ro' | 'nb';
  const v = props.value;
  const set = (patch: Partial<PackageDraft>) => props.onChange({ ...v, ...patch });
  const toggle = (need: string) => set({ needs: v.needs.includes(need) ? v.needs.filter((n) => n !== need) : [...v.needs, need] });
  return (
    <fieldset className="stack">
      <legend>{t('form.packageStep')}</legend>
      <TextField id="package-code" label={t('form.code')} hint={t('form.codeHint')} value={v.subjectCode} onChange={(subjectCode) => set({ subjectCode })} error={props.errors.subjectCode} maxLength={40} required />
      <SelectField id="package-age" label={t('form.ageBand')} value={v.ageBand} onChange={(ageBand) => set({ ageBand })} options={AGE_BANDS.map((a) => ({ value: a, label: t(`ageBand.${a}`) }))} />
      <SelectField id="package-sex" label={t('form.sex')} value={v.sex} onChange={(sex) => set({ sex })} options={SEXES.map((s) => ({ value: s, label: t(`sex.${s}`) }))} />
      <TextField id="package-languages" label={t('form.languages')} hint={t('form.languagesHint')} value={v.languages} onChange={(languages) => set({ languages })} error={props.errors.languages} maxLength={60} />
      <fieldset>
        <legend>{t('form.needs')}</legend>
        <div className="check-grid">
          {SERVICE_CATEGORIES.map((c) => (
            <label key={c} className="checkbox">
              <input type="checkbox" checked={v.needs.includes(c)} onChange={() => toggle(c)} /> {CATEGORY_LABELS[c][lang]}
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField id="package-urgency" label={t('form.urgency')} value={v.urgency} onChange={(urgency) => set({ urgency })} options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
      <Area id="package-safe-contact" label={t('form.safeContact')} hint={t('form.safeContactHint')} value={v.safeContact} onChange={(safeContact) => set({ safeContact })} max={2000} />
      <Area id="package-note" label={t('form.note')} hint={t('form.noteHint')} value={v.note} onChange={(note) => set({ note })} max={4000} />
      {props.identityAllowed && (
        <fieldset className="stack">
          <legend>{t('form.identity')}</legend>
          <TextField id="package-name" label={t('form.identityName')} value={v.name} onChange={(name) => set({ name })} maxLength={200} />
          <TextField id="package-birth-year" label={t('form.identityBirthYear')} value={v.birthYear} onChange={(birthYear) => set({ birthYear })} inputMode="numeric" maxLength={4} error={props.errors.birthYear} />
          <TextField id="package-phone" type="tel" label={t('form.identityPhone')} value={v.phone} onChange={(phone) => set({ phone })} maxLength={50} />
        </fieldset>
      )}
    </fieldset>
  );
}

function Area(props: { id: string; label: string; hint: string; value: string; onChange(v: string): void; max: number }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <span className="hint" id={`${props.id}-hint`}>
        {props.hint}
      </span>
      <textarea id={props.id} rows={3} maxLength={props.max} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-describedby={`${props.id}-hint`} />
    </div>
  );
}
