// The person's rights over their case: a copy of everything held (JSON or PDF in their language) for the owner; the
// legal hold that stops every erasure (owner or the case coordinator); erasure on request (owner). The server decides
// each of them again; this part only hides what the grant does not allow.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'react-aria-components';
import { ERASURE_SCOPES } from '#shared/cases/case-protection.schema.ts';
import { CLOSED_STATUSES } from '#shared/cases/case-vocabulary.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { SelectField, SubmitOrCancel, apiError } from '#web/components/ui/form.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { exportUrl, useErase, useLegalHold } from './case-protection.api.ts';
import type { CaseSectionProps } from './case-sections.ts';

/** A reason field whose error is tied to it. */
function Reason(props: { id: string; label: string; hint: string; value: string; error: string | null; onChange(v: string): void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <span className="hint" id={`${props.id}-hint`}>
        {props.hint}
      </span>
      <textarea id={props.id} rows={2} maxLength={1000} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-invalid={props.error ? true : undefined} aria-describedby={[`${props.id}-hint`, props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ')} />
      {props.error && (
        <span className="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}

function messageOf(error: unknown, t: (k: string) => string): string {
  const api = apiError(error);
  if (api?.status === 409) return t('common:error.conflict');
  if (api?.status === 422) return api.body.message;
  return t('common:error.generic');
}

function LegalHoldForm({ detail }: CaseSectionProps) {
  const { t } = useTranslation('case-protection');
  const id = useId();
  const change = useLegalHold(detail.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return setError(t('hold.reasonMissing'));
    try {
      await change.mutateAsync({ hold: !detail.legalHold, reason: reason.trim(), version: detail.version });
      setReason('');
      setError(null);
    } catch (err) {
      setError(messageOf(err, t));
    }
  };
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('hold.title')}</h3>
      <p>{detail.legalHold ? t('hold.on') : t('hold.off')}</p>
      <Reason id={`${id}-reason`} label={t('hold.reason')} hint={t('hold.reasonHint')} value={reason} error={error} onChange={setReason} />
      <p>
        <BusyButton type="submit" busy={change.isPending}>
          {detail.legalHold ? t('hold.clear') : t('hold.set')}
        </BusyButton>
      </p>
    </form>
  );
}

function EraseDialog({ detail, onClose }: CaseSectionProps & { onClose(): void }) {
  const { t } = useTranslation('case-protection');
  const id = useId();
  const erase = useErase(detail.id);
  const scopes = CLOSED_STATUSES.includes(detail.status) ? ERASURE_SCOPES : (['identity'] as const);
  const [scope, setScope] = useState<(typeof ERASURE_SCOPES)[number]>('identity');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return setError(t('erase.reasonMissing'));
    try {
      await erase.mutateAsync({ scope, reason: reason.trim(), version: detail.version });
      onClose();
    } catch (err) {
      setError(messageOf(err, t));
    }
  };
  return (
    <ModalDialog onClose={onClose} role="alertdialog">
      <Heading slot="title" level={2}>
        {t('erase.title')}
      </Heading>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('erase.warning')}</p>
        <SelectField id={`${id}-scope`} label={t('erase.scope')} value={scope} onChange={(v) => setScope(v as typeof scope)} options={scopes.map((s) => ({ value: s, label: t(`erase.scopes.${s}`) }))} />
        <Reason id={`${id}-reason`} label={t('erase.reason')} hint={t('erase.reasonHint')} value={reason} error={error} onChange={setReason} />
        <SubmitOrCancel pending={erase.isPending} onCancel={onClose}>
          {t('erase.confirm')}
        </SubmitOrCancel>
      </form>
    </ModalDialog>
  );
}

export function CaseDataProtection({ detail }: CaseSectionProps) {
  const { t, i18n } = useTranslation('case-protection');
  const id = useId();
  const [lang, setLang] = useState(['ro', 'en', 'nb'].includes(i18n.language) ? i18n.language : 'en');
  const [erasing, setErasing] = useState(false);
  const g = detail.grant;
  const mayExport = g.via === 'team' && g.isOwner && g.teamCategories.includes('identity');
  const mayHold = g.via === 'team' && (g.isOwner || g.isCaseCoordinator);
  if (detail.anonymisedAt) return <Card><h2>{t('section.protection')}</h2><Banner tone="info">{t('anonymised')}</Banner></Card>;
  return (
    <Card>
      <h2>{t('section.protection')}</h2>
      {!mayExport && !mayHold && <p>{t('notYours')}</p>}
      {mayExport && (
        <section className="stack" aria-labelledby={`${id}-export`}>
          <h3 id={`${id}-export`}>{t('export.title')}</h3>
          <p className="hint">{t('export.intro')}</p>
          <SelectField id={`${id}-lang`} label={t('export.language')} value={lang} onChange={setLang} options={['ro', 'en', 'nb'].map((l) => ({ value: l, label: t(`export.languages.${l}`) }))} />
          <p className="actions-row">
            <a className="button" href={exportUrl(detail.id, 'pdf', lang)} download>
              {t('export.pdf')}
            </a>
            <a className="button secondary" href={exportUrl(detail.id, 'json')} download>
              {t('export.json')}
            </a>
          </p>
        </section>
      )}
      {mayHold && <LegalHoldForm detail={detail} />}
      {mayExport && (
        <section className="stack" aria-labelledby={`${id}-erase`}>
          <h3 id={`${id}-erase`}>{t('erase.title')}</h3>
          <p className="hint">{detail.legalHold ? t('erase.held') : t('erase.intro')}</p>
          {!detail.legalHold && (
            <p>
              <button type="button" className="danger" onClick={() => setErasing(true)}>
                {t('erase.open')}
              </button>
            </p>
          )}
          {erasing && <EraseDialog detail={detail} onClose={() => setErasing(false)} />}
        </section>
      )}
    </Card>
  );
}
