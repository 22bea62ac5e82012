// /admin/outbox: every email the platform queued for this organisation, newest first.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '#web/components/page.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { LoadOlder } from '#web/components/ui/load-older.tsx';
import { useOutboxPages } from './outbox.api.ts';
import { EmailStatusText } from './email-status.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';

export function OutboxPage() {
  const { t, i18n } = useTranslation('outbox');
  const pages = useOutboxPages();
  const emails = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <Page title={t('title')}>
      <p>{t('intro')}</p>
      {pages.isPending && <Loading />}
      {pages.isError && (
        <p className="alert error" role="alert">
          {t('common:error.generic')}
        </p>
      )}
      {pages.isSuccess && emails.length === 0 && <p>{t('empty')}</p>}
      {emails.length > 0 && (
        <TableWrap label={t('table.caption')}>
          <table>
            <caption className="visually-hidden">{t('table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.time')}</th>
                <th scope="col">{t('table.to')}</th>
                <th scope="col">{t('table.subject')}</th>
                <th scope="col">{t('table.status')}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.createdAt.toISOString()}>{time.format(e.createdAt)}</time>
                  </td>
                  <td className="wrap-anywhere">{e.toAddress}</td>
                  <td>
                    <Link to={`/admin/outbox/${e.id}`}>{e.subject}</Link>
                  </td>
                  <td>
                    <EmailStatusText status={e.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <LoadOlder pages={pages} shown={t('shown', { count: emails.length })} label={t('loadOlder')} />
    </Page>
  );
}
