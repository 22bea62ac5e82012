// Step 2 of a new referral: pick an active consent naming the chosen service's organisation, or record one now
// (given or refused, purposes, expiry, identity, language explained in, interpreter).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_PURPOSES } from '#shared/referrals/referral-vocabulary.ts';
import type { ConsentView } from '#shared/referrals/consent.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { SelectField, TextField, apiError } from '#web/components/ui/form.tsx';
import { formatDate, useReaderLanguage } from '#web/features/library/reader-language.ts';
import { languageOptions } from './language-options.ts';
import { useConsentsFor, useRecordConsent } from './referrals.api.ts';

const inMonths = (months: number) => {
  const d = new Date();
  d.setMonth(d.getMonth() + months);
  return d.toISOString().slice(0, 10);
};

export function ConsentChooser(props: { serviceId: string; subjectCode: string; value: string | null; onChange(id: string | null): void }) {
  const { t } = useTranslation('referrals');
  const lang = useReaderLanguage();
  const consents = useConsentsFor(props.serviceId);
  const usable = (consents.data?.consents ?? []).filter((c) => c.state === 'active' && (!props.subjectCode || c.subjectCode === props.subjectCode));
  const [mode, setMode] = useState<'existing' | 'new'>('new');
  const label = (c: ConsentView) => t('form.consentOption', { code: c.subjectCode, until: formatDate(new Date(c.expiresAt.getTime() - 1), lang), identity: c.coversIdentity ? t('form.consentOptionIdentity') : '' });
  return (
    <fieldset className="stack">
      <legend>{t('form.consentStep')}</legend>
      <p>{t('form.consentLead')}</p>
      <div className="radio-row" role="radiogroup" aria-label={t('form.consentStep')}>
        <label>
          <input type="radio" name="consent-mode" checked={mode === 'new'} onChange={() => setMode('new')} /> {t('form.newConsent')}
        </label>
        <label>
          <input type="radio" name="consent-mode" checked={mode === 'existing'} onChange={() => setMode('existing')} /> {t('form.existingConsent')}
        </label>
      </div>
      {mode === 'existing' && usable.length === 0 && <p className="muted">{t('form.noConsent')}</p>}
      {mode === 'existing' && usable.length > 0 && (
        <div className="field">
          <label htmlFor="consent-pick">{t('form.existingConsent')}</label>
          <select id="consent-pick" value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || null)}>
            <option value="">—</option>
            {usable.map((c) => (
              <option key={c.id} value={c.id}>
                {label(c)}
              </option>
            ))}
          </select>
        </div>
      )}
      {mode === 'new' && <NewConsent serviceId={props.serviceId} subjectCode={props.subjectCode} onRecorded={props.onChange} />}
    </fieldset>
  );
}

function NewConsent(props: { serviceId: string; subjectCode: string; onRecorded(id: string | null): void }) {
  const { t, i18n } = useTranslation('referrals');
  const record = useRecordConsent();
  const [decision, setDecision] = useState<'given' | 'refused'>('given');
  const [purposes, setPurposes] = useState<string[]>(['assistance']);
  const [expiresOn, setExpiresOn] = useState(inMonths(6));
  const [coversIdentity, setCoversIdentity] = useState(false);
  const [language, setLanguage] = useState(i18n.language.slice(0, 2));
  const [withInterpreter, setWithInterpreter] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const toggle = (p: string) => setPurposes((list) => (list.includes(p) ? list.filter((x) => x !== p) : [...list, p]));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!props.subjectCode.trim()) return setMessage({ tone: 'error', text: `${t('form.code')}: ${t('common:form.required')}` });
    try {
      const body = { subjectCode: props.subjectCode.trim(), receiverServiceId: props.serviceId, purposes: purposes as (typeof CONSENT_PURPOSES)[number][], decision, coversIdentity, language, withInterpreter, expiresOn };
      const consent = await record.mutateAsync(body);
      props.onRecorded(consent.decision === 'given' ? consent.id : null);
      setMessage({ tone: 'success', text: decision === 'given' ? t('form.consentRecorded') : t('form.refusedNote') });
    } catch (error) {
      const api = apiError(error);
      setMessage({ tone: 'error', text: api?.body.fields ? Object.values(api.body.fields).join(' ') : (api?.body.message ?? t('common:error.generic')) });
    }
  };
  return (
    <div className="stack consent-form">
      {message && (
        <Banner tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
        </Banner>
      )}
      <fieldset>
        <legend>{t('form.decision')}</legend>
        <label>
          <input type="radio" name="decision" checked={decision === 'given'} onChange={() => setDecision('given')} /> {t('form.decisionGiven')}
        </label>
        <label>
          <input type="radio" name="decision" checked={decision === 'refused'} onChange={() => setDecision('refused')} /> {t('form.decisionRefused')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('form.purposes')}</legend>
        {CONSENT_PURPOSES.map((p) => (
          <label key={p} className="checkbox">
            <input type="checkbox" checked={purposes.includes(p)} onChange={() => toggle(p)} /> {t(`purpose.${p}`)}
          </label>
        ))}
      </fieldset>
      <TextField id="consent-expires" type="date" label={t('form.expiresOn')} value={expiresOn} onChange={setExpiresOn} />
      <SelectField id="consent-language" label={t('form.language')} value={language} onChange={setLanguage} options={languageOptions(i18n.language)} />
      <label className="checkbox">
        <input type="checkbox" checked={withInterpreter} onChange={(e) => setWithInterpreter(e.target.checked)} /> {t('form.withInterpreter')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={coversIdentity} disabled={decision === 'refused'} onChange={(e) => setCoversIdentity(e.target.checked)} /> {t('form.coversIdentity')}
      </label>
      <p>
        <BusyButton busy={record.isPending} className="secondary" onClick={(e) => void submit(e)}>
          {t('form.recordConsent')}
        </BusyButton>
      </p>
    </div>
  );
}
