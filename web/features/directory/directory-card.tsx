// One service in the directory's results: its name (a link to its page), who gives it, what it is in plain words, and
// tags for what a referrer checks first (accepting now, places, free, confidential address, last verified, demo).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DirectoryServiceCard } from '#shared/directory/directory-search.schema.ts';
import { Tag } from '#web/components/ui/tag.tsx';
import { ageKey, useDirectoryLabels, type DirectoryLabels } from './directory-labels.ts';

export function ServiceTags({ service, labels }: { service: DirectoryServiceCard; labels: DirectoryLabels }) {
  const { t } = useTranslation('directory');
  return (
    <p className="directory-tags">
      {service.acceptingReferrals ? <Tag tone="published">{t('tags.accepting')}</Tag> : <Tag>{t('tags.notAccepting')}</Tag>}
      {service.availablePlaces !== null && <Tag>{t('tags.places', { count: service.availablePlaces })}</Tag>}
      {service.isFree && <Tag>{t('tags.free')}</Tag>}
      {service.confidential && <Tag>{t('tags.confidential')}</Tag>}
      {service.verificationDue && <Tag tone="warning">{service.assuredDate ? t('tags.notVerifiedSince', { date: labels.day(service.assuredDate) }) : t('tags.neverVerified')}</Tag>}
      {service.status !== 'active' && <Tag tone="warning">{t(`status.${service.status}`)}</Tag>}
      {service.isDemo && <Tag tone="draft">{t('tags.demo')}</Tag>}
    </p>
  );
}

/** "Cluj, Bihor, Sălaj and 4 more". */
export function areaList(codes: string[], labels: DirectoryLabels, more: (n: number) => string, shown = 3): string {
  const names = codes.slice(0, shown).map(labels.region).join(', ');
  return codes.length > shown ? `${names} ${more(codes.length - shown)}` : names;
}

export function DirectoryCard({ service }: { service: DirectoryServiceCard }) {
  const { t } = useTranslation('directory');
  const labels = useDirectoryLabels();
  const age = ageKey(service.minimumAge, service.maximumAge);
  const headingId = `service-${service.id}`;
  return (
    <li className="card directory-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="directory-card-name">
        <Link to={`/directory/services/${service.id}`}>{service.name}</Link>
      </h3>
      <p className="directory-card-org">{service.organizationName}</p>
      <ServiceTags service={service} labels={labels} />
      {service.summary && <p lang={service.summaryLanguage !== labels.lang ? (service.summaryLanguage ?? undefined) : undefined}>{service.summary}</p>}
      <dl className="directory-facts">
        <dt>{t('facts.kind')}</dt>
        <dd>{service.categories.map(labels.category).join(', ')}</dd>
        <dt>{t('facts.area')}</dt>
        <dd>
          {areaList(service.serviceAreas, labels, (n) => t('facts.andMore', { count: n }))}
          {service.city && ` · ${service.city}`}
        </dd>
        <dt>{t('facts.languages')}</dt>
        <dd>{service.languages.map(labels.language).join(', ')}</dd>
        <dt>{t('facts.who')}</dt>
        <dd>{age ? t(`facts.${age.key}`, age.values) : t('facts.anyAge')}</dd>
        {service.phone && (
          <>
            <dt>{service.confidential ? t('facts.frontGate') : t('facts.phone')}</dt>
            <dd>
              <a href={`tel:${service.phone.replace(/\s+/g, '')}`} className="nowrap">
                {service.phone}
              </a>
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}
