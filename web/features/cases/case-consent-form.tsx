// Recording a consent of a case: the scopes, the organisation a share names (found through the directory's service
// picker), given or refused, the seven guidance items as three-way choices with plain explanations, the language,
// the interpreter, the last day it holds and an encrypted note. Errors are tied to their fields.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseConsentCreate, Guidance } from '#shared/cases/case-consent.schema.ts';
import { GUIDANCE_ANSWERS } from '#shared/cases/case-consent.schema.ts';
import { CONSENT_GUIDANCE_ITEMS, CONSENT_SCOPES } from '#shared/cases/case-vocabulary.ts';
import { Card } from '#web/components/ui/card.tsx';
import { ErrorSummary, SelectField, SubmitOrCancel, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { languageOptions } from '#web/features/referrals/language-options.ts';
import { ServicePicker, type ChosenService } from '#web/features/referrals/service-picker.tsx';
import { useRecordCaseConsent } from './case-consent.api.ts';

type Scope = (typeof CONSENT_SCOPES)[number];
const notAsked = () => Object.fromEntries(CONSENT_GUIDANCE_ITEMS.map((i) => [i, { informed: 'not_asked' }])) as Guidance;

function inAYear(): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

export function ConsentForm(props: { caseId: string; lastSeenId: string | null; onDone(saved: boolean): void }) {
  const { t, i18n } = useTranslation('case-consent');
  const record = useRecordCaseConsent(props.caseId);
  const form = useFormErrors();
  const [scopes, setScopes] = useState<Scope[]>(['services']);
  const [receiver, setReceiver] = useState<ChosenService | null>(null);
  const [decision, setDecision] = useState<'given' | 'refused'>('given');
  const [coversIdentity, setCoversIdentity] = useState(false);
  const [guidance, setGuidance] = useState<Guidance>(notAsked);
  const [language, setLanguage] = useState(i18n.language.slice(0, 2));
  const [withInterpreter, setWithInterpreter] = useState(false);
  const [interpreterLanguage, setInterpreterLanguage] = useState('uk');
  const [expiresOn, setExpiresOn] = useState(inAYear);
  const [note, setNote] = useState('');
  const sharing = scopes.includes('share');
  const toggle = (s: Scope) => setScopes((list) => (list.includes(s) ? list.filter((x) => x !== s) : [...list, s]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sharing && !receiver) return form.fail({ receiverServiceId: t('form.needReceiver') });
    const body: CaseConsentCreate = {
      scopes,
      ...(sharing && receiver ? { receiverServiceId: receiver.id } : {}),
      decision,
      coversIdentity: sharing && decision === 'given' && coversIdentity,
      guidance,
      language,
      withInterpreter,
      interpreterLanguage: withInterpreter ? interpreterLanguage : null,
      expiresOn,
      note: note.trim() || null,
      lastSeenId: props.lastSeenId,
    };
    try {
      await record.mutateAsync(body);
      props.onDone(true);
    } catch (error) {
      const api = apiError(error);
      if (api?.status === 409) return form.fail({}, t('form.stale'));
      form.fail(api?.body.fields ?? {}, api?.body.message ?? t('common:error.generic'));
    }
  };
  // NOTE: each server field error links to its input; anything else points at the first field of the form.
  const fieldOf: Record<string, [string, string]> = {
    receiverServiceId: ['consent-receiver', t('form.receiver')],
    expiresOn: ['consent-expires', t('form.expiresOn')],
    interpreterLanguage: ['consent-interpreter-language', t('form.interpreterLanguage')],
    note: ['consent-note', t('form.note')],
    decision: ['consent-decision-given', t('form.decision')],
  };
  const items = Object.entries(form.errors).map(([k, message]) => {
    const [id, label] = fieldOf[k] ?? ['consent-scope-services', t('form.scopes')];
    return { id, label, message: message ?? '' };
  });
  return (
    <Card labelledBy="consent-form-title">
      <h3 id="consent-form-title">{t('form.title')}</h3>
      <form onSubmit={(e) => void submit(e)} noValidate className="stack consent-form">
        <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
        <fieldset className="field">
          <legend>{t('form.scopes')}</legend>
          <p className="hint">{t('form.scopesHint')}</p>
          {CONSENT_SCOPES.map((s) => (
            <label key={s} className="checkbox">
              <input id={`consent-scope-${s}`} type="checkbox" checked={scopes.includes(s)} onChange={() => toggle(s)} /> {t(`scope.${s}`)}
            </label>
          ))}
        </fieldset>
        {sharing && <ReceiverField receiver={receiver} onChange={setReceiver} error={form.errors.receiverServiceId} />}
        <fieldset className="field">
          <legend>{t('form.decision')}</legend>
          {(['given', 'refused'] as const).map((d) => (
            <label key={d}>
              <input id={`consent-decision-${d}`} type="radio" name="consent-decision" checked={decision === d} onChange={() => setDecision(d)} /> {t(`form.${d}`)}
            </label>
          ))}
        </fieldset>
        {sharing && decision === 'given' && (
          <label className="checkbox">
            <input type="checkbox" checked={coversIdentity} onChange={(e) => setCoversIdentity(e.target.checked)} /> {t('form.coversIdentity')}
          </label>
        )}
        <GuidanceFields value={guidance} onChange={setGuidance} />
        <SelectField id="consent-language" label={t('form.language')} value={language} onChange={setLanguage} options={languageOptions(i18n.language)} />
        <label className="checkbox">
          <input type="checkbox" checked={withInterpreter} onChange={(e) => setWithInterpreter(e.target.checked)} /> {t('form.interpreter')}
        </label>
        {withInterpreter && (
          <SelectField id="consent-interpreter-language" label={t('form.interpreterLanguage')} value={interpreterLanguage} onChange={setInterpreterLanguage} options={languageOptions(i18n.language)} error={form.errors.interpreterLanguage} />
        )}
        <TextField id="consent-expires" type="date" label={t('form.expiresOn')} hint={t('form.expiresHint')} value={expiresOn} onChange={setExpiresOn} error={form.errors.expiresOn} />
        <div className="field">
          <label htmlFor="consent-note">{t('form.note')}</label>
          <span className="hint" id="consent-note-hint">
            {t('form.noteHint')}
          </span>
          <textarea id="consent-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby="consent-note-hint" />
        </div>
        <SubmitOrCancel pending={record.isPending} onCancel={() => props.onDone(false)}>
          {t('form.save')}
        </SubmitOrCancel>
      </form>
    </Card>
  );
}

function ReceiverField(props: { receiver: ChosenService | null; onChange(s: ChosenService | null): void; error: string | undefined }) {
  const { t } = useTranslation('case-consent');
  return (
    <fieldset className="field" id="consent-receiver" tabIndex={-1} aria-describedby={props.error ? 'consent-receiver-error' : undefined}>
      <legend>{t('form.receiver')}</legend>
      {props.error && (
        <p className="field-error" id="consent-receiver-error">
          {props.error}
        </p>
      )}
      {props.receiver ? (
        <p>
          {t('form.receiverChosen', { name: props.receiver.organizationName })}{' '}
          <button type="button" className="secondary" onClick={() => props.onChange(null)}>
            {t('form.changeReceiver')}
          </button>
        </p>
      ) : (
        <>
          <p className="hint">{t('form.receiverHint')}</p>
          <ServicePicker onChoose={props.onChange} />
        </>
      )}
    </fieldset>
  );
}

function GuidanceFields(props: { value: Guidance; onChange(g: Guidance): void }) {
  const { t } = useTranslation('case-consent');
  return (
    <fieldset className="field guidance-fields">
      <legend>{t('guidance.title')}</legend>
      <p className="hint">{t('form.guidanceLead')}</p>
      {CONSENT_GUIDANCE_ITEMS.map((item) => (
        <fieldset key={item} className="guidance-item" aria-describedby={`guidance-${item}-help`}>
          <legend>{t(`guidance.${item}`)}</legend>
          <p className="hint" id={`guidance-${item}-help`}>
            {t(`guidance.help.${item}`)}
          </p>
          <div className="radio-row">
            {GUIDANCE_ANSWERS.map((answer) => (
              <label key={answer}>
                <input type="radio" name={`guidance-${item}`} checked={props.value[item].informed === answer} onChange={() => props.onChange({ ...props.value, [item]: { informed: answer } })} /> {t(`guidance.${answer}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}
