// /admin/access-requests: pending requests for an account that this admin may decide, each approved (which sends the
// ordinary invitation) or declined; and whether the organisation is offered on the public request form.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessRequest } from '#shared/access-requests/access-request.schema.ts';
import { Page } from '#web/components/page.tsx';
import { apiError, focusSoon } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import { LoadError } from '#web/features/organisations/load-error.tsx';
import { useAccessRequests } from './access-requests.api.ts';
import { ApproveDialog, DeclineDialog } from './access-request-dialogs.tsx';
import { ListingCard } from './listing-card.tsx';
import { RequestCard } from './request-card.tsx';

type Deciding = { request: AccessRequest; action: 'approve' | 'decline' } | null;

export function AccessRequestsPage() {
  const { t } = useTranslation('access');
  const me = useMe();
  const requests = useAccessRequests();
  const [deciding, setDeciding] = useState<Deciding>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const placesAnywhere = me.data?.account.isPlatformAdmin ?? false;
  const done = (key: string) => {
    const name = deciding?.request.name ?? '';
    setDeciding(null);
    setNotice(t(key, { name }));
    // NOTE: the decided request's buttons are gone, so focus goes back to the list's heading.
    focusSoon(heading);
  };

  return (
    <Page title={t('admin.title')}>
      <p className="lead">{t('admin.intro')}</p>
      {requests.data && requests.data.listed !== null && <ListingCard listed={requests.data.listed} />}
      <section aria-labelledby="access-requests-heading">
        <h2 id="access-requests-heading" tabIndex={-1} ref={heading}>
          {t('admin.pending')}
        </h2>
        <div role="status">{notice && <p className="alert success">{notice}</p>}</div>
        {requests.isPending && <Loading />}
        {requests.isError && <LoadError status={apiError(requests.error)?.status ?? null} />}
        {requests.data?.requests.length === 0 && <p>{t('admin.none')}</p>}
        {requests.data && requests.data.requests.length > 0 && (
          <ul className="request-list">
            {requests.data.requests.map((request) => (
              <RequestCard
                key={request.id}
                request={request}
                onApprove={() => setDeciding({ request, action: 'approve' })}
                onDecline={() => setDeciding({ request, action: 'decline' })}
              />
            ))}
          </ul>
        )}
      </section>
      {deciding?.action === 'approve' && (
        <ApproveDialog request={deciding.request} placesAnywhere={placesAnywhere} onClose={() => setDeciding(null)} onDone={() => done('admin.approved')} />
      )}
      {deciding?.action === 'decline' && <DeclineDialog request={deciding.request} onClose={() => setDeciding(null)} onDone={() => done('admin.declined')} />}
    </Page>
  );
}
