// /cases — the cases the signed-in professional works on (team or open break-glass), newest change first.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { useCases } from './cases.api.ts';

export function CasesPage() {
  const { t, i18n } = useTranslation('cases');
  const cases = useCases({ status: 'open' });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <Page title={t('list.title')}>
      {cases.isPending && <Loading />}
      {cases.isError && (
        <Banner tone="error" role="alert">
          {t('list.loadError')}
        </Banner>
      )}
      {cases.data && cases.data.cases.length === 0 && <p>{t('list.empty')}</p>}
      {cases.data && cases.data.cases.length > 0 && (
        <TableWrap label={t('list.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('list.code')}</th>
                <th scope="col">{t('list.status')}</th>
                <th scope="col">{t('list.owner')}</th>
                <th scope="col">{t('list.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row" data-label={t('list.code')}>
                    <Link to={`/cases/${c.id}`}>{c.code}</Link>
                  </th>
                  <td data-label={t('list.status')}>{t(`status.${c.status}`)}</td>
                  <td data-label={t('list.owner')}>{c.ownerName ?? '—'}</td>
                  <td data-label={t('list.updated')}>{date.format(c.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Page>
  );
}
