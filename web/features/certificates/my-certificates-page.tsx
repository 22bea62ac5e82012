// /certificates: the signed-in person's certificates (PDF, credential, verification link to share) and the events
// they can still ask a certificate for.
import { useTranslation } from 'react-i18next';
import type { CertificateSummary } from '#shared/certificates/certificate.schema.ts';
import { Page } from '#web/components/page.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { formatDate, useReaderLanguage } from '#web/features/library/reader-language.ts';
import { CertificateActions } from './certificate-actions.tsx';
import { useIssueMine, useMyCertificates } from './certificates.api.ts';

export function MyCertificatesPage() {
  const { t } = useTranslation('certificates');
  const list = useMyCertificates();
  const issue = useIssueMine();
  return (
    <Page title={t('mine.title')}>
      <p>{t('mine.intro')}</p>
      {list.isPending && <Loading />}
      {list.isError && (
        <p className="alert error" role="alert">
          {t('errors.generic')}
        </p>
      )}
      {list.data && list.data.available.length > 0 && (
        <section className="stack" aria-labelledby="available-heading">
          <h2 id="available-heading">{t('mine.available')}</h2>
          <ul className="certificate-list">
            {list.data.available.map((a) => (
              <li key={a.registrationId} className="card">
                <p>{a.title}</p>
                <BusyButton busy={issue.isPending && issue.variables === a.registrationId} onClick={() => issue.mutate(a.registrationId)}>
                  {t('registration.get')}
                  <span className="visually-hidden"> ({a.title})</span>
                </BusyButton>
              </li>
            ))}
          </ul>
          {issue.isError && (
            <p className="alert error" role="alert">
              {apiError(issue.error)?.status === 409 ? t('refusals.not_checked_in') : t('errors.generic')}
            </p>
          )}
        </section>
      )}
      {list.data && (
        <section className="stack" aria-labelledby="issued-heading">
          <h2 id="issued-heading">{t('mine.issued')}</h2>
          {list.data.certificates.length === 0 ? (
            <p>{t('mine.none')}</p>
          ) : (
            <ul className="certificate-list">
              {list.data.certificates.map((c) => (
                <CertificateItem key={c.id} certificate={c} />
              ))}
            </ul>
          )}
        </section>
      )}
    </Page>
  );
}

function CertificateItem({ certificate }: { certificate: CertificateSummary }) {
  const { t } = useTranslation('certificates');
  const lang = useReaderLanguage();
  return (
    <li className="card stack">
      <h3>{certificate.title}</h3>
      <p>
        {t(`kinds.${certificate.kind}`)} · {t('mine.issuedOn', { date: formatDate(new Date(certificate.issuedAt), lang) })} · <span className="certificate-code">{certificate.code}</span>
      </p>
      {certificate.revokedAt && <p className="alert error">{t('status.revoked')}</p>}
      <CertificateActions certificate={certificate} source={{ owner: true }} />
    </li>
  );
}
