// /admin/organisation: the organisation admin edits the profile of their organisation.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationSchema, type Organisation } from '#shared/organisations/organisation.schema.ts';
import { Page } from '#web/components/page.tsx';
import { apiError, focusSoon } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { OrganisationForm, profileValues } from './organisation-form.tsx';
import { useOwnOrganisation, useSaveOwnOrganisation } from './organisations.api.ts';
import { LoadError } from './load-error.tsx';

type Notice = { kind: 'saved' } | { kind: 'conflict'; current: Organisation | null } | { kind: 'error'; status: number | null };

export function OrganisationPage() {
  const { t } = useTranslation('organisations');
  const own = useOwnOrganisation();
  const save = useSaveOwnOrganisation();
  const [notice, setNotice] = useState<Notice | null>(null);
  // NOTE: after a conflict the editor may load the current record; the form then starts from it.
  const [base, setBase] = useState<Organisation | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const organisation = base ?? own.data;

  const show = (next: Notice) => {
    setNotice(next);
    focusSoon(noticeRef);
  };
  const loadCurrent = (current: Organisation | null) => {
    setBase(current);
    setNotice(null);
  };
  const onError = (error: unknown) => {
    const api = apiError(error);
    if (api?.status === 409) {
      const current = OrganisationSchema.safeParse(api.body.current);
      show({ kind: 'conflict', current: current.success ? current.data : null });
    } else show({ kind: 'error', status: api?.status ?? null });
  };

  return (
    <Page title={t('profile.title')}>
      <p>{t('profile.intro')}</p>
      <div tabIndex={-1} ref={noticeRef}>
        {notice?.kind === 'saved' && (
          <p className="alert success" role="status">
            {t('common:form.saved')}
          </p>
        )}
        {notice?.kind === 'conflict' && (
          <div className="alert error" role="alert">
            <p>{t('profile.conflict')}</p>
            {notice.current && (
              <button type="button" className="secondary" onClick={() => loadCurrent(notice.current)}>
                {t('profile.loadCurrent')}
              </button>
            )}
          </div>
        )}
        {notice?.kind === 'error' && <LoadError status={notice.status} />}
      </div>
      {own.isPending && <Loading />}
      {own.isError && <LoadError status={apiError(own.error)?.status ?? null} />}
      {organisation && (
        <OrganisationForm
          key={`${organisation.id}:${organisation.version}`}
          initial={profileValues(organisation)}
          submitLabel={t('common:form.save')}
          onError={onError}
          onSubmit={async (values) => {
            const saved = await save.mutateAsync({ ...values, version: organisation.version });
            setBase(saved);
            show({ kind: 'saved' });
          }}
        />
      )}
    </Page>
  );
}
