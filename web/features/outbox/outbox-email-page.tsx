// /admin/outbox/:id: one email as its recipient would read it, links clickable (opening it is audited).
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '#web/components/page.tsx';
import { ApiRequestError } from '#web/lib/api.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { useOutboxEmail } from './outbox.api.ts';
import { EmailStatusText } from './email-status.tsx';
import { linkify } from './linkify.tsx';

export function OutboxEmailPage() {
  const { t, i18n } = useTranslation('outbox');
  const { id = '' } = useParams();
  const email = useOutboxEmail(id);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const notFound = email.error instanceof ApiRequestError && (email.error.status === 404 || email.error.status === 400);
  return (
    <Page title={t('email.title')}>
      <p>
        <Link to="/admin/outbox">{t('email.back')}</Link>
      </p>
      {email.isPending && <Loading />}
      {email.isError && (
        <p className="alert error" role="alert">
          {notFound ? t('email.notFound') : t('common:error.generic')}
        </p>
      )}
      {email.data && (
        <>
          <dl className="facts">
            <dt>{t('table.to')}</dt>
            <dd className="wrap-anywhere">{email.data.toAddress}</dd>
            <dt>{t('table.subject')}</dt>
            <dd>{email.data.subject}</dd>
            <dt>{t('table.status')}</dt>
            <dd>
              <EmailStatusText status={email.data.status} />
            </dd>
            <dt>{t('email.created')}</dt>
            <dd>{time.format(email.data.createdAt)}</dd>
            {email.data.sentAt && (
              <>
                <dt>{t('email.sent')}</dt>
                <dd>{time.format(email.data.sentAt)}</dd>
              </>
            )}
            {email.data.attempts > 0 && (
              <>
                <dt>{t('email.attempts')}</dt>
                <dd>{email.data.attempts}</dd>
              </>
            )}
            {email.data.lastError && (
              <>
                <dt>{t('email.lastError')}</dt>
                <dd className="wrap-anywhere">{email.data.lastError}</dd>
              </>
            )}
          </dl>
          <h2>{t('email.body')}</h2>
          {email.data.bodyText === null ? <p className="alert">{t('email.withheld')}</p> : <div className="email-body">{linkify(email.data.bodyText)}</div>}
        </>
      )}
    </Page>
  );
}
