// The organiser's form for an event's own fields, in sections: basics, place and time, registration, questions.
// Errors (the client's checks, then the server's) are summarised, focused and tied to their inputs.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_COUNTRIES, EVENT_TIME_ZONES, type EventFields } from '#shared/events/event.schema.ts';
import { ATTENDANCE_MODES, EVENT_TYPES, QUESTION_KEYS } from '#shared/events/event-vocabulary.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useFormErrors } from '#web/components/ui/form.tsx';
import { toFields, type EventForm } from './event-form-rules.ts';
import { Check, fieldErrorsOf, QuestionChoice } from './event-form-parts.tsx';

interface Props {
  initial: EventForm;
  /** Extra fields at the top of "Basics" (a new event's title and language), validated by the caller. */
  extra?: ReactNode;
  extraErrors?: () => Record<string, string>;
  submitLabel: string;
  pending: boolean;
  /** Sends the fields; resolves to the server's field errors (empty on success). */
  onSubmit(fields: EventFields): Promise<Record<string, string> | null>;
}

export function EventFieldsForm({ initial, extra, extraErrors, submitLabel, pending, onSubmit }: Props) {
  const { t } = useTranslation('events');
  const [form, setForm] = useState(initial);
  const { errors, formError, summaryRef, fail, clear } = useFormErrors();
  const set = <K extends keyof EventForm>(key: K) => (value: EventForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  // NOTE: the client's checks give codes (form.errors.*); the server's field errors come as sentences, shown as they are.
  const err = (key: string) => {
    const error = errors[key];
    return error && /^[A-Za-z]+$/.test(error) ? t(`form.errors.${error}`) : error;
  };
  const label = (key: string) => t(`form.fields.${key}`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = toFields(form);
    const local = { ...(extraErrors?.() ?? {}), ...('errors' in result ? result.errors : {}) };
    if (Object.keys(local).length > 0 || !('fields' in result)) return fail(local as Record<string, string>);
    clear();
    const serverErrors = await onSubmit(result.fields);
    if (serverErrors) fail(fieldErrorsOf(serverErrors), Object.keys(serverErrors).length === 0 ? t('form.failed') : null);
  };

  const items = Object.keys(errors).map((key) => ({ id: `ev-${key}`, label: label(key), message: err(key) ?? '' }));
  const text = (key: 'venueName' | 'venueAddress' | 'venueCity' | 'onlineUrl' | 'capacity' | 'offerHours' | 'maxGroupSize' | 'followUpMonths', type: 'text' | 'url' = 'text', numeric = false) => (
    <TextField id={`ev-${key}`} label={label(key)} value={form[key]} onChange={set(key)} error={err(key)} type={type} inputMode={numeric ? 'numeric' : undefined} hint={t(`form.hints.${key}`, { defaultValue: '' }) || undefined} />
  );
  const when = (key: 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt') => (
    <div className="field">
      <label htmlFor={`ev-${key}`}>{label(key)}</label>
      <input id={`ev-${key}`} type="datetime-local" value={form[key]} onChange={(e) => set(key)(e.target.value)} aria-invalid={errors[key] ? true : undefined} aria-describedby={errors[key] ? `ev-${key}-error` : undefined} />
      {errors[key] && (
        <span className="field-error" id={`ev-${key}-error`}>
          {err(key)}
        </span>
      )}
    </div>
  );
  const options = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

  return (
    <form className="event-form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary items={items} formError={formError} summaryRef={summaryRef} />
      <section className="card" aria-labelledby="ev-basics">
        <h2 id="ev-basics">{t('form.sections.basics')}</h2>
        {extra}
        <SelectField id="ev-type" label={label('type')} value={form.type} onChange={set('type')} options={options(EVENT_TYPES, 'types')} />
      </section>
      <section className="card" aria-labelledby="ev-place">
        <h2 id="ev-place">{t('form.sections.place')}</h2>
        <SelectField id="ev-timeZone" label={label('timeZone')} hint={t('form.hints.timeZone')} value={form.timeZone} onChange={set('timeZone')} options={EVENT_TIME_ZONES.map((z) => ({ value: z, label: t(`timeZones.${z.replace('/', '_')}`) }))} />
        <div className="event-form-pair">
          {when('startsAt')}
          {when('endsAt')}
        </div>
        <SelectField id="ev-attendanceMode" label={label('attendanceMode')} value={form.attendanceMode} onChange={set('attendanceMode')} options={options(ATTENDANCE_MODES, 'modes')} />
        {form.attendanceMode !== 'online' && (
          <>
            {text('venueName')}
            {text('venueAddress')}
            <div className="event-form-pair">
              {text('venueCity')}
              <SelectField id="ev-country" label={label('country')} value={form.country} onChange={set('country')} options={[{ value: '', label: t('form.none') }, ...options(EVENT_COUNTRIES, 'countries')]} />
            </div>
          </>
        )}
        {form.attendanceMode !== 'in_person' && text('onlineUrl', 'url')}
      </section>
      <section className="card" aria-labelledby="ev-registration">
        <h2 id="ev-registration">{t('form.sections.registration')}</h2>
        {text('capacity', 'text', true)}
        <div className="event-form-pair">
          {when('registrationOpensAt')}
          {when('registrationClosesAt')}
        </div>
        <Check id="ev-requiresApproval" label={label('requiresApproval')} hint={t('form.hints.requiresApproval')} checked={form.requiresApproval} onChange={set('requiresApproval')} />
        <Check id="ev-waitlistEnabled" label={label('waitlistEnabled')} hint={t('form.hints.waitlistEnabled')} checked={form.waitlistEnabled} onChange={set('waitlistEnabled')} />
        {form.waitlistEnabled && text('offerHours', 'text', true)}
        {text('maxGroupSize', 'text', true)}
        <Check id="ev-certificateEnabled" label={label('certificateEnabled')} hint={t('form.hints.certificateEnabled')} checked={form.certificateEnabled} onChange={set('certificateEnabled')} />
        {text('followUpMonths', 'text', true)}
      </section>
      <section className="card" aria-labelledby="ev-questions">
        <h2 id="ev-questions">{t('form.sections.questions')}</h2>
        <p className="hint">{t('form.hints.questions')}</p>
        {QUESTION_KEYS.map((key) => (
          <QuestionChoice key={key} questionKey={key} value={form.questions[key]} onChange={(v) => setForm((f) => ({ ...f, questions: { ...f.questions, [key]: v } }))} />
        ))}
      </section>
      <div className="actions-row">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
