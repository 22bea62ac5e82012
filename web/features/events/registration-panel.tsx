// The registration form on an event's public page: the person (e-mail defaults to the signed-in account's), the
// event's questions, and optionally colleagues registered in the same go. The answer says each person's status; the
// link to the registration comes by e-mail only.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Card } from '#web/components/ui/card.tsx';
import { apiError, ErrorSummary, SelectField, SubmitButton, TextField, useFormErrors } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { LANGUAGES, LANGUAGE_NAMES } from '#shared/lib/languages.ts';
import type { RegistrationForm, RegistrationOutcome } from '#shared/events/registration.schema.ts';
import { AnswerFields, answersOf, type AnswerDraft } from './registration-answer-fields.tsx';
import { useRegister, useRegistrationForm } from './registration.api.ts';

interface Person {
  fullName: string;
  email: string;
  answers: AnswerDraft;
}
const empty = (): Person => ({ fullName: '', email: '', answers: {} });

export function RegistrationPanel({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation('event-registration');
  const form = useRegistrationForm(eventId);
  return (
    <Card labelledBy="registration-heading" className="registration-panel">
      <h2 id="registration-heading">{t('panel.heading')}</h2>
      {form.isPending && <Loading />}
      {form.isError && <p className="alert error">{t('common:error.generic')}</p>}
      {form.data && form.data.closedReason && (
        <p className="alert notice">
          {t(`reasons.${form.data.closedReason}`)}{' '}
          {form.data.closedReason === 'not_open_yet' && form.data.opensAt && t('panel.opensAt', { date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(form.data.opensAt) })}
        </p>
      )}
      {form.data && !form.data.closedReason && <RegistrationFormBody eventId={eventId} form={form.data} />}
    </Card>
  );
}

function RegistrationFormBody({ eventId, form }: { eventId: string; form: RegistrationForm }) {
  const { t, i18n } = useTranslation('event-registration');
  const [me, setMe] = useState<Person>(empty);
  const [language, setLanguage] = useState(LANGUAGES.includes(i18n.language as 'ro') ? i18n.language : 'ro');
  const [attends, setAttends] = useState(true);
  const [colleagues, setColleagues] = useState<Person[]>([]);
  const [outcome, setOutcome] = useState<{ names: string[]; result: RegistrationOutcome } | null>(null);
  const errors = useFormErrors();
  const register = useRegister(eventId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    errors.clear();
    const body = {
      fullName: me.fullName,
      email: me.email || undefined,
      language: language as 'ro',
      answers: answersOf(me.answers),
      attends,
      colleagues: colleagues.map((c) => ({ fullName: c.fullName, email: c.email, answers: answersOf(c.answers) })),
    };
    register.mutate(body as never, {
      onSuccess: (result) => setOutcome({ names: [...(attends ? [me.fullName] : []), ...colleagues.map((c) => c.fullName)], result }),
      onError: (error) => {
        const body = apiError(error)?.body;
        const reason = (body?.current as { reason?: string } | undefined)?.reason;
        errors.fail(body?.fields ?? {}, reason ? t(`reasons.${reason}`) : (body?.message ?? t('common:error.generic')));
      },
    });
  };

  if (outcome) {
    return (
      <div className="alert success" role="status">
        <p className="alert-title">{t('panel.doneTitle')}</p>
        <ul>
          {outcome.result.attendees.map((a, i) => (
            <li key={i}>{t('panel.doneStatus', { name: outcome.names[i] ?? '', status: t(`status.${a.status}`) })}</li>
          ))}
        </ul>
        <p>{t('panel.doneSent')}</p>
      </div>
    );
  }
  const items = Object.entries(errors.errors).map(([path, message]) => ({ id: fieldId(path), label: labelOf(t, path), message: message ?? '' }));
  return (
    <form onSubmit={submit} noValidate className="stack">
      <p>{form.placesLeft > 0 ? t('panel.placesLeft', { count: form.placesLeft }) : t('panel.noPlaces')}</p>
      {form.requiresApproval && <p className="hint">{t('panel.approvalNote')}</p>}
      <ErrorSummary items={items} formError={errors.formError} summaryRef={errors.summaryRef} />
      <TextField id="reg-fullName" label={t('panel.fullName')} value={me.fullName} onChange={(fullName) => setMe({ ...me, fullName })} autoComplete="name" error={errors.errors.fullName} maxLength={120} required />
      <TextField id="reg-email" type="email" label={t('panel.email')} hint={t('panel.emailHint')} value={me.email} onChange={(email) => setMe({ ...me, email })} autoComplete="email" error={errors.errors.email} maxLength={254} />
      <SelectField id="reg-language" label={t('panel.language')} value={language} onChange={setLanguage} options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
      {attends && <AnswerFields prefix="reg" questions={form.questions} value={me.answers} onChange={(answers) => setMe({ ...me, answers })} errors={errors.errors} errorPath="" />}
      {form.maxGroupSize > 1 && (
        <Colleagues max={form.maxGroupSize} attends={attends} setAttends={setAttends} colleagues={colleagues} setColleagues={setColleagues} form={form} errors={errors.errors} />
      )}
      <SubmitButton pending={register.isPending} pendingLabel={t('panel.submitting')}>
        {t('panel.submit')}
      </SubmitButton>
    </form>
  );
}

function Colleagues(props: { max: number; attends: boolean; setAttends(v: boolean): void; colleagues: Person[]; setColleagues(c: Person[]): void; form: RegistrationForm; errors: Partial<Record<string, string>> }) {
  const { t } = useTranslation('event-registration');
  const { colleagues, setColleagues } = props;
  const update = (i: number, p: Person) => setColleagues(colleagues.map((c, j) => (j === i ? p : c)));
  const total = colleagues.length + (props.attends ? 1 : 0);
  return (
    <fieldset className="registration-colleagues">
      <legend>{t('panel.colleaguesHeading')}</legend>
      <p className="hint">{t('panel.colleaguesIntro', { count: props.max })}</p>
      <label className="checkbox">
        <input type="checkbox" checked={props.attends} onChange={(e) => props.setAttends(e.target.checked)} /> {t('panel.attends')}
      </label>
      {colleagues.map((c, i) => (
        <fieldset key={i} className="registration-colleague">
          <legend>{t('panel.colleague', { n: i + 1 })}</legend>
          <TextField id={`col-${i}-fullName`} label={t('panel.fullName')} value={c.fullName} onChange={(fullName) => update(i, { ...c, fullName })} error={props.errors[`colleagues.${i}.fullName`]} maxLength={120} />
          <TextField id={`col-${i}-email`} type="email" label={t('panel.email')} value={c.email} onChange={(email) => update(i, { ...c, email })} error={props.errors[`colleagues.${i}.email`]} maxLength={254} />
          <AnswerFields prefix={`col-${i}`} questions={props.form.questions} value={c.answers} onChange={(answers) => update(i, { ...c, answers })} errors={props.errors} errorPath={`colleagues.${i}.`} />
          <button type="button" className="button secondary" onClick={() => setColleagues(colleagues.filter((_, j) => j !== i))}>
            {t('panel.removeColleague', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      {total < props.max && (
        <button type="button" className="button secondary" onClick={() => setColleagues([...colleagues, empty()])}>
          {t('panel.addColleague')}
        </button>
      )}
    </fieldset>
  );
}

/** The input id of a server field path ("colleagues.0.answers.profession" → "col-0-profession"). */
function fieldId(path: string): string {
  const m = /^colleagues\.(\d+)\.(?:answers\.)?(\w+)$/.exec(path);
  if (m) return `col-${m[1]}-${m[2]}`;
  return `reg-${path.replace(/^answers\./, '')}`;
}

function labelOf(t: TFunction<'event-registration'>, path: string): string {
  const key = path.split('.').at(-1) ?? path;
  const base = key === 'fullName' ? t('panel.fullName') : key === 'email' ? t('panel.email') : key === 'colleagues' ? t('panel.colleaguesHeading') : t(`questions.${key}`);
  const m = /^colleagues\.(\d+)\./.exec(path);
  return m ? `${t('panel.colleague', { n: Number(m[1]) + 1 })}: ${base}` : base;
}
