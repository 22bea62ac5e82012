// The request-access form: who is asking, where they work, which organisation should decide; each field says why it
// is asked. Errors are summarised (and focused) on submit and tied to their inputs.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFESSIONS } from '#shared/access-requests/access-request.schema.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, apiError, useFormErrors, type FieldErrors } from '#web/components/ui/form.tsx';
import { isLanguage } from '#web/lib/i18n.ts';
import { sendAccessRequest, useListedOrganisations } from './access-requests.api.ts';
import { EMPTY_FORM, FORM_FIELDS, OTHER_COUNTRY, UNKNOWN_ORGANISATION, countryOptions, fieldOf, toRequest, type FormField, type RequestForm } from './request-access-input.ts';

export function RequestAccessForm(props: { onSent(): void }) {
  const { t, i18n } = useTranslation('access');
  const id = useId();
  const organisations = useListedOrganisations();
  const [form, setForm] = useState<RequestForm>(EMPTY_FORM);
  const [pending, setPending] = useState(false);
  const errors = useFormErrors();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const set = (field: FormField) => (value: string) => setForm({ ...form, [field]: value });
  const messages = (fields: Iterable<FormField>): FieldErrors => Object.fromEntries([...fields].map((f) => [f, t(`form.${f}.error`)]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = toRequest(form, language);
    if ('errors' in result) return errors.fail(messages(Object.keys(result.errors) as FormField[]));
    setPending(true);
    try {
      await sendAccessRequest(result.request);
      errors.clear();
      props.onSent();
    } catch (error) {
      const api = apiError(error);
      const fields = Object.keys(api?.body.fields ?? {}).flatMap((name) => fieldOf(name, form.country === OTHER_COUNTRY) ?? []);
      if (fields.length > 0) errors.fail(messages(fields));
      else errors.fail({}, api?.status === 429 ? t('form.tooMany') : t('common:error.generic'));
    } finally {
      setPending(false);
    }
  };

  const field = (f: FormField) => ({ id: `${id}-${f}`, label: t(`form.${f}.label`), hint: t(`form.${f}.hint`), value: form[f], onChange: set(f), error: errors.errors[f] });
  // NOTE: the summary lists the fields in the order the form shows them.
  const shown = FORM_FIELDS.filter((f) => errors.errors[f]);
  const items = shown.map((f) => ({ id: `${id}-${f}`, label: t(`form.${f}.label`), message: errors.errors[f]! }));
  const choose = { value: '', label: t('form.choose') };
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary items={items} formError={errors.formError} summaryRef={errors.summaryRef} />
      <TextField {...field('name')} autoComplete="name" maxLength={120} required />
      <TextField {...field('email')} type="email" autoComplete="email" inputMode="email" spellCheck={false} maxLength={254} required />
      <SelectField {...field('profession')} options={[choose, ...PROFESSIONS.map((p) => ({ value: p, label: t(`professions.${p}`) }))]} />
      {form.profession === 'other' && <TextField {...field('professionOther')} maxLength={120} required />}
      <TextField {...field('institution')} autoComplete="organization" maxLength={160} required />
      <SelectField {...field('country')} options={[...countryOptions(language), { value: OTHER_COUNTRY, label: t('form.country.other') }]} />
      {form.country === OTHER_COUNTRY && <TextField {...field('countryCode')} maxLength={2} spellCheck={false} required />}
      <SelectField
        {...field('organisationId')}
        options={[
          choose,
          ...(organisations.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name })),
          { value: UNKNOWN_ORGANISATION, label: t('form.organisationId.unknown') },
        ]}
      />
      <p>
        <SubmitButton pending={pending} pendingLabel={t('form.sending')}>
          {t('form.submit')}
        </SubmitButton>
      </p>
    </form>
  );
}
