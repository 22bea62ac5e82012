// One organisation on the directory desk: its details, its places (confidential ones marked) and its services, each
// with its review state, the "accepting referrals now" quick action and "verified today".
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskLocation, DeskOrganization, DeskService } from '#shared/directory/directory-desk.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Tag } from '#web/components/ui/tag.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { useSetCapacity, useVerifyService } from './directory.api.ts';
import { useDirectoryLabels } from './directory-labels.ts';

export type Editing =
  | { kind: 'organization'; organization: DeskOrganization | null; offPlatform: boolean }
  | { kind: 'place'; organization: DeskOrganization; location: DeskLocation | null }
  | { kind: 'service'; organization: DeskOrganization; service: DeskService | null };

interface BlockProps {
  organization: DeskOrganization;
  /** The level of its section headings (places, services); a service's name is one below. */
  depth: 3 | 4;
  canEdit: boolean;
  onEdit(editing: Editing): void;
  onMessage(message: { tone: 'success' | 'error'; text: string }): void;
}

/** A button that names what it acts on for screen readers (a column of "Edit" buttons is ambiguous otherwise). */
function Named({ label, name, onClick }: { label: string; name: string; onClick(): void }) {
  return (
    <button type="button" className="secondary" onClick={onClick}>
      {label}
      <span className="visually-hidden"> ({name})</span>
    </button>
  );
}

export function OrganizationBlock({ organization, depth, canEdit, onEdit, onMessage }: BlockProps) {
  const Heading = `h${depth}` as const;
  const { t } = useTranslation('directory');
  const labels = useDirectoryLabels();
  const offPlatform = organization.organisationId === null;
  return (
    <div className="directory-desk-org">
      <p className="directory-tags">
        {offPlatform && <Tag>{t('desk.offPlatformTag')}</Tag>}
        {organization.isDemo && <Tag tone="draft">{t('tags.demo')}</Tag>}
      </p>
      {canEdit && (
        <p className="actions-row">
          <Named label={t('desk.editDetails')} name={organization.name} onClick={() => onEdit({ kind: 'organization', organization, offPlatform })} />
          <Named label={t('desk.addPlace')} name={organization.name} onClick={() => onEdit({ kind: 'place', organization, location: null })} />
          <Named label={t('desk.addService')} name={organization.name} onClick={() => onEdit({ kind: 'service', organization, service: null })} />
        </p>
      )}
      <Heading>{t('desk.places')}</Heading>
      {organization.locations.length === 0 ? (
        <p className="muted">{t('desk.noPlaces')}</p>
      ) : (
        <ul className="directory-desk-places">
          {organization.locations.map((l) => (
            <li key={l.id}>
              <strong>{l.name ?? l.city ?? '—'}</strong> {l.isConfidential && <Tag tone="warning">{t('tags.confidential')}</Tag>}
              <span className="muted"> {[l.address1, l.city, l.region && labels.region(l.region)].filter(Boolean).join(', ')}</span>
              {canEdit && (
                <>
                  {' '}
                  <Named label={t('desk.edit')} name={l.name ?? l.city ?? ''} onClick={() => onEdit({ kind: 'place', organization, location: l })} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <Heading>{t('desk.services')}</Heading>
      {organization.services.length === 0 ? (
        <p className="muted">{t('desk.noServices')}</p>
      ) : (
        <ul className="directory-desk-services">
          {organization.services.map((s) => (
            <ServiceItem key={s.id} depth={depth} service={s} canEdit={canEdit} onEdit={() => onEdit({ kind: 'service', organization, service: s })} onMessage={onMessage} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ServiceItem({ service, depth, canEdit, onEdit, onMessage }: { service: DeskService; depth: 3 | 4; canEdit: boolean; onEdit(): void; onMessage: BlockProps['onMessage'] }) {
  const { t } = useTranslation('directory');
  const labels = useDirectoryLabels();
  const verify = useVerifyService();
  const review = { pending: 'in_review', approved: 'published', rejected: 'warning' } as const;
  const runVerify = async () => {
    try {
      await verify.mutateAsync({ id: service.id, version: service.version });
      onMessage({ tone: 'success', text: t('desk.verified') });
    } catch (error) {
      onMessage({ tone: 'error', text: apiError(error)?.status === 409 ? t('desk.conflict') : t('desk.failed') });
    }
  };
  const Heading = depth === 3 ? 'h4' : 'h5';
  return (
    <li className="card directory-desk-service">
      <Heading>{service.name}</Heading>
      <p className="directory-tags">
        <Tag tone={review[service.reviewStatus]}>{t(`desk.review.${service.reviewStatus}`)}</Tag>
        {service.verificationDue && <Tag tone="warning">{t('desk.due')}</Tag>}
        {service.isDemo && <Tag tone="draft">{t('tags.demo')}</Tag>}
      </p>
      {service.reviewStatus === 'rejected' && service.reviewNote && (
        <Banner tone="warning" title={t('desk.rejectedNote')}>
          <p>{service.reviewNote}</p>
        </Banner>
      )}
      <p className="muted">{service.assuredDate ? t('service.verifiedOn', { date: labels.day(service.assuredDate) }) : t('tags.neverVerified')}</p>
      <CapacityForm service={service} onMessage={onMessage} />
      {canEdit && (
        <p className="actions-row">
          <Named label={t('desk.edit')} name={service.name} onClick={onEdit} />
          <BusyButton className="secondary" busy={verify.isPending} onClick={() => void runVerify()}>
            {t('desk.verifyToday')}
            <span className="visually-hidden"> ({service.name})</span>
          </BusyButton>
        </p>
      )}
    </li>
  );
}

function CapacityForm({ service, onMessage }: { service: DeskService; onMessage: BlockProps['onMessage'] }) {
  const { t } = useTranslation('directory');
  const labels = useDirectoryLabels();
  const id = useId();
  const [accepting, setAccepting] = useState(service.acceptingReferrals);
  const [places, setPlaces] = useState(service.availablePlaces?.toString() ?? '');
  const save = useSetCapacity();
  const submit = async () => {
    const availablePlaces = places.trim() === '' ? null : Number(places);
    if (availablePlaces !== null && (!Number.isInteger(availablePlaces) || availablePlaces < 0 || availablePlaces > 100_000)) return onMessage({ tone: 'error', text: t('desk.errors.availablePlaces') });
    try {
      await save.mutateAsync({ id: service.id, body: { acceptingReferrals: accepting, availablePlaces, version: service.version } });
      onMessage({ tone: 'success', text: t('desk.capacitySaved') });
    } catch (error) {
      onMessage({ tone: 'error', text: apiError(error)?.status === 409 ? t('desk.conflict') : t('desk.failed') });
    }
  };
  return (
    <fieldset className="directory-capacity">
      <legend>{t('desk.capacity')}</legend>
      <label className="choice" htmlFor={`${id}-accepting`}>
        <input id={`${id}-accepting`} type="checkbox" checked={accepting} onChange={(e) => setAccepting(e.target.checked)} />
        {t('desk.acceptingNow')}
      </label>
      <div className="field">
        <label htmlFor={`${id}-places`}>{t('desk.fields.availablePlaces')}</label>
        <span className="hint" id={`${id}-places-hint`}>
          {t('desk.hints.availablePlaces')}
        </span>
        <input id={`${id}-places`} inputMode="numeric" autoComplete="off" maxLength={6} aria-describedby={`${id}-places-hint`} value={places} onChange={(e) => setPlaces(e.target.value.replace(/\D/g, ''))} />
      </div>
      <BusyButton busy={save.isPending} onClick={() => void submit()}>
        {t('desk.saveCapacity')}
        <span className="visually-hidden"> ({service.name})</span>
      </BusyButton>
      <p className="muted">{service.capacityUpdatedAt ? t('service.capacityUpdated', { when: labels.dateTime(service.capacityUpdatedAt) }) : t('desk.capacityNever')}</p>
    </fieldset>
  );
}
