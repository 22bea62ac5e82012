// /events/:id/certificates, for the event's organisers: the certificates issued, "issue to all checked in", and
// revoking one with a reason (the verification page then says it is revoked).
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrganiserCertificate } from '#shared/certificates/certificate.schema.ts';
import { Page } from '#web/components/page.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { apiError, SubmitOrCancel, TextField } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { EventManageNav } from '#web/features/events/event-manage-nav.tsx';
import { formatDate, useReaderLanguage } from '#web/features/library/reader-language.ts';
import { useEventCertificates, useIssueAll, useRevoke } from './certificates.api.ts';

export function EventCertificatesPage() {
  const { t } = useTranslation('certificates');
  const eventId = useParams().id ?? '';
  const list = useEventCertificates(eventId);
  const issueAll = useIssueAll(eventId);
  const [revoking, setRevoking] = useState<OrganiserCertificate | null>(null);
  const data = list.data;
  return (
    <Page title={t('event.title')}>
      <EventManageNav eventId={eventId} />
      {list.isPending && <Loading />}
      {list.isError && (
        <p className="alert error" role="alert">
          {apiError(list.error)?.status === 404 ? t('event.notFound') : t('errors.generic')}
        </p>
      )}
      {data && (
        <>
          <p>
            <strong>{data.title}</strong> · {t('event.counts', { checkedIn: data.checkedIn, issued: data.certificates.length })}
          </p>
          {!data.certificateEnabled && <p className="alert notice">{t('refusals.disabled')}</p>}
          {data.certificateEnabled && !data.ended && <p className="alert notice">{t('refusals.not_ended')}</p>}
          {data.certificateEnabled && data.ended && (
            <div className="stack">
              <div>
                <BusyButton busy={issueAll.isPending} onClick={() => issueAll.mutate()}>
                  {t('event.issueAll')}
                </BusyButton>
              </div>
              {issueAll.data && (
                <p className="alert success" role="status">
                  {t('event.issuedNow', { count: issueAll.data.issued })}
                </p>
              )}
              {issueAll.isError && (
                <p className="alert error" role="alert">
                  {t('errors.generic')}
                </p>
              )}
            </div>
          )}
          {revoking && <RevokeForm eventId={eventId} certificate={revoking} onDone={() => setRevoking(null)} />}
          <IssuedTable certificates={data.certificates} onRevoke={setRevoking} />
        </>
      )}
    </Page>
  );
}

function IssuedTable({ certificates, onRevoke }: { certificates: OrganiserCertificate[]; onRevoke(c: OrganiserCertificate): void }) {
  const { t } = useTranslation('certificates');
  const lang = useReaderLanguage();
  if (certificates.length === 0) return <p>{t('event.none')}</p>;
  return (
    <TableWrap label={t('event.tableLabel')}>
      <table>
        <caption className="visually-hidden">{t('event.tableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('claims.recipient')}</th>
            <th scope="col">{t('claims.code')}</th>
            <th scope="col">{t('claims.issuedAt')}</th>
            <th scope="col">{t('event.status')}</th>
            <th scope="col">{t('event.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {certificates.map((c) => (
            <tr key={c.id}>
              <td>{c.recipientName}</td>
              <td>
                <a className="certificate-code" href={`/verify/${c.code}`}>
                  {c.code}
                </a>
              </td>
              <td>{formatDate(new Date(c.issuedAt), lang)}</td>
              <td>{c.revokedAt ? `${t('status.revoked')}: ${c.revokedReason ?? ''}` : t('status.valid')}</td>
              <td>
                {!c.revokedAt && (
                  <button type="button" className="secondary" onClick={() => onRevoke(c)}>
                    {t('event.revoke')}
                    <span className="visually-hidden"> ({c.recipientName})</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function RevokeForm({ eventId, certificate, onDone }: { eventId: string; certificate: OrganiserCertificate; onDone(): void }) {
  const { t } = useTranslation('certificates');
  const revoke = useRevoke(eventId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return setError(t('event.reasonNeeded'));
    setError(undefined);
    revoke.mutate({ id: certificate.id, reason: reason.trim(), version: certificate.version }, { onSuccess: onDone, onError: (err) => setError(apiError(err)?.status === 409 ? t('event.stale') : t('errors.generic')) });
  };
  return (
    <form className="card stack" noValidate onSubmit={submit} aria-labelledby="revoke-heading">
      <h2 id="revoke-heading">{t('event.revokeHeading', { name: certificate.recipientName })}</h2>
      <p>{t('event.revokeHint')}</p>
      <TextField id="revoke-reason" label={t('event.reason')} value={reason} onChange={setReason} error={error} maxLength={300} />
      <SubmitOrCancel pending={revoke.isPending} onCancel={onDone}>
        {t('event.revokeConfirm')}
      </SubmitOrCancel>
    </form>
  );
}
