// /desk/directory — an organisation keeps its directory listing: its details, places (confidential ones never shown to
// the public) and services; says whether it takes referrals now; marks listings verified. Coordinators and platform
// admins also keep listings of organisations outside the platform. New services wait for another organisation's review.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeskOrganization, DirectoryDesk } from '#shared/directory/directory-desk.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { DeskLoadError, DeskPage } from '#web/features/library-desk/desk-frame.tsx';
import { useDesk } from './directory.api.ts';
import { OrganizationBlock, type Editing } from './directory-desk-items.tsx';
import { OrganizationForm } from './directory-organization-form.tsx';
import { LocationForm } from './directory-location-form.tsx';
import { ServiceFormCard } from './directory-service-form.tsx';

type Message = { tone: 'success' | 'error'; text: string };

export function DirectoryDeskPage() {
  const { t } = useTranslation('directory');
  const desk = useDesk();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const edit = (e: Editing) => {
    setMessage(null);
    setEditing(e);
  };
  const done = (text: string) => {
    setEditing(null);
    setMessage({ tone: 'success', text });
  };
  return (
    <DeskPage heading={t('desk.title')} documentTitle={t('desk.title')}>
      <p className="lead">{t('desk.lead')}</p>
      <Banner>{t('desk.fourEyes')}</Banner>
      {message && (
        <Banner tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
        </Banner>
      )}
      {desk.isPending && <Loading />}
      {desk.isError && <DeskLoadError error={desk.error} />}
      {desk.data && editing && <EditForm editing={editing} onDone={done} onCancel={() => setEditing(null)} />}
      {desk.data && !editing && <Listings desk={desk.data} onEdit={edit} onMessage={setMessage} />}
    </DeskPage>
  );
}

function EditForm({ editing, onDone, onCancel }: { editing: Editing; onDone(text: string): void; onCancel(): void }) {
  if (editing.kind === 'organization') return <OrganizationForm organization={editing.organization} offPlatform={editing.offPlatform} onDone={onDone} onCancel={onCancel} />;
  const { organization } = editing;
  if (editing.kind === 'place') {
    return <LocationForm organizationId={organization.id} country={organization.country} offPlatform={organization.organisationId === null} location={editing.location} onDone={onDone} onCancel={onCancel} />;
  }
  return <ServiceFormCard organizationId={organization.id} locations={organization.locations} service={editing.service} onDone={onDone} onCancel={onCancel} />;
}

function Listings({ desk, onEdit, onMessage }: { desk: DirectoryDesk; onEdit(e: Editing): void; onMessage(m: Message): void }) {
  const { t } = useTranslation('directory');
  return (
    <>
      {desk.dueCount > 0 && <Banner tone="warning">{t('desk.dueCount', { count: desk.dueCount })}</Banner>}
      {desk.canKeepOwn && (
        <section aria-labelledby="own-listing">
          <h2 id="own-listing">{desk.own ? desk.own.name : t('desk.ownHeading')}</h2>
          {desk.own ? (
            <OrganizationBlock organization={desk.own} depth={3} canEdit={desk.canEdit} onEdit={onEdit} onMessage={onMessage} />
          ) : desk.canEdit ? (
            <>
              <p>{t('desk.noListing')}</p>
              <button type="button" onClick={() => onEdit({ kind: 'organization', organization: null, offPlatform: false })}>
                {t('desk.createOwn')}
              </button>
            </>
          ) : (
            <p className="muted">{t('desk.noListingAskAdmin')}</p>
          )}
        </section>
      )}
      {desk.offPlatform && <OffPlatform organizations={desk.offPlatform} onEdit={onEdit} onMessage={onMessage} />}
      <p>
        <Link to="/directory">{t('desk.seePublic')}</Link>
      </p>
    </>
  );
}

function OffPlatform({ organizations, onEdit, onMessage }: { organizations: DeskOrganization[]; onEdit(e: Editing): void; onMessage(m: Message): void }) {
  const { t } = useTranslation('directory');
  return (
    <section aria-labelledby="off-platform">
      <h2 id="off-platform">{t('desk.offPlatformHeading')}</h2>
      <p>{t('desk.offPlatformLead')}</p>
      <p>
        <button type="button" onClick={() => onEdit({ kind: 'organization', organization: null, offPlatform: true })}>
          {t('desk.addOffPlatform')}
        </button>
      </p>
      {organizations.map((o) => (
        <details key={o.id} className="card directory-desk-details">
          <summary>
            <h3>{o.name}</h3> <span className="muted">{t('desk.serviceCount', { count: o.services.length })}</span>
          </summary>
          <OrganizationBlock organization={o} depth={4} canEdit onEdit={onEdit} onMessage={onMessage} />
        </details>
      ))}
    </section>
  );
}
