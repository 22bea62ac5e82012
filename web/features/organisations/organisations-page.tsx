// /admin/organisations: platform admins see every organisation and create new ones.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '#web/components/page.tsx';
import { apiError, focusSoon } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { LoadError } from './load-error.tsx';
import { OrganisationForm, profileValues } from './organisation-form.tsx';
import { useCreateOrganisation, useOrganisations } from './organisations.api.ts';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';

export function OrganisationsPage() {
  const { t } = useTranslation('organisations');
  const list = useOrganisations();
  const create = useCreateOrganisation();
  const [notice, setNotice] = useState<{ created: string } | { status: number | null } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const show = (next: typeof notice) => {
    setNotice(next);
    focusSoon(noticeRef);
  };

  return (
    <Page title={t('all.title')}>
      {list.isPending && <Loading />}
      {list.isError && <LoadError status={apiError(list.error)?.status ?? null} />}
      {list.data && (
        <TableWrap label={t('all.title')}>
          <table>
            <caption className="visually-hidden">{t('all.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.name')}</th>
                <th scope="col">{t('profile.type')}</th>
                <th scope="col">{t('all.place')}</th>
                <th scope="col">{t('all.members')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.organisations.map((o) => (
                <tr key={o.id}>
                  <td>
                    {o.name}
                    {o.isDemo && <span className="muted"> ({t('all.demo')})</span>}
                  </td>
                  <td>{t(`types.${o.type}`)}</td>
                  <td>{[o.city, o.country].filter(Boolean).join(', ')}</td>
                  <td>{o.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <section aria-labelledby="new-organisation">
        <h2 id="new-organisation">{t('all.create')}</h2>
        <div tabIndex={-1} ref={noticeRef}>
          {notice && 'created' in notice && (
            <p className="alert success" role="status">
              {t('all.created', { name: notice.created })}
            </p>
          )}
          {notice && 'status' in notice && <LoadError status={notice.status} />}
        </div>
        <OrganisationForm
          initial={profileValues()}
          submitLabel={t('all.createButton')}
          resetOnSuccess
          onError={(error) => show({ status: apiError(error)?.status ?? null })}
          onSubmit={async (values) => {
            const created = await create.mutateAsync(values);
            show({ created: created.name });
          }}
        />
      </section>
    </Page>
  );
}
