// /directory/services/:id — one service in plain words: what it offers, for whom, how to reach it, where (never for a
// confidential place), when it is open, whether it takes referrals now, and when its organisation last checked it.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DirectoryServiceDetail } from '#shared/directory/directory-service.schema.ts';
import { Page, useNavigatedInApp } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { ApiRequestError } from '#web/lib/api.ts';
import { useDirectoryService } from './directory.api.ts';
import { ServiceTags } from './directory-card.tsx';
import { ageKey, useDirectoryLabels, type DirectoryLabels } from './directory-labels.ts';

export function DirectoryServicePage() {
  const { t } = useTranslation('directory');
  const labels = useDirectoryLabels();
  const { id = '' } = useParams();
  const query = useDirectoryService(id, labels.lang);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    const missing = query.error instanceof ApiRequestError && (query.error.status === 404 || query.error.status === 400);
    return (
      <Page title={t('service.notFoundTitle')}>
        <Banner tone={missing ? 'info' : 'error'}>{missing ? t('service.notFound') : t('loadError')}</Banner>
        <p>
          <Link to="/directory">{t('service.back')}</Link>
        </p>
      </Page>
    );
  }
  return <ServiceDetail service={query.data} labels={labels} />;
}

function ServiceDetail({ service, labels }: { service: DirectoryServiceDetail; labels: DirectoryLabels }) {
  const { t } = useTranslation('directory');
  const summaryLang = service.summaryLanguage !== labels.lang ? (service.summaryLanguage ?? undefined) : undefined;
  return (
    <NamedPage documentTitle={t('service.documentTitle')} heading={service.name}>
      <p>
        <Link to="/directory">{t('service.back')}</Link>
      </p>
      <div className="directory-detail">
        <p className="directory-card-org">{service.organization.name}</p>
        <ServiceTags service={service} labels={labels} />
        {service.summary && <p lang={summaryLang}>{service.summary}</p>}
        {!service.onPlatform && <Banner>{t('service.offPlatform')}</Banner>}
        {service.confidential && <Banner tone="warning">{t('service.confidentialNote')}</Banner>}
        <Contact service={service} />
        <Eligibility service={service} labels={labels} />
        <Places service={service} labels={labels} />
        <Hours service={service} />
        <Capacity service={service} labels={labels} />
        {service.organization.description && (
          <section aria-labelledby="about-org" className="card">
            <h3 id="about-org">{t('service.aboutOrganization')}</h3>
            <p>{service.organization.description}</p>
          </section>
        )}
      </div>
    </NamedPage>
  );
}

/**
 * A page whose heading is the service's name while the tab title stays neutral (names such as "shelter for victims of
 * trafficking" must not reach the tab, the history or a shared screen's task bar). Focus as Page does it.
 */
function NamedPage({ documentTitle, heading, children }: { documentTitle: string; heading: string; children: ReactNode }) {
  const h1 = useRef<HTMLHeadingElement>(null);
  const navigated = useNavigatedInApp();
  useEffect(() => {
    document.title = `${documentTitle} · Pro Health`;
  }, [documentTitle]);
  useEffect(() => {
    if (navigated) h1.current?.focus();
  }, [navigated]);
  return (
    <>
      <div className="page-header">
        <h1 tabIndex={-1} ref={h1}>
          {heading}
        </h1>
      </div>
      {children}
    </>
  );
}

function Contact({ service }: { service: DirectoryServiceDetail }) {
  const { t } = useTranslation('directory');
  const phone = service.phone ?? service.organization.phone;
  const web = service.url ?? service.organization.website;
  return (
    <section aria-labelledby="contact" className="card">
      <h3 id="contact">{t('service.contact')}</h3>
      <dl className="directory-facts">
        {phone && (
          <>
            <dt>{service.confidential ? t('facts.frontGate') : t('facts.phone')}</dt>
            <dd>
              <a className="directory-phone" href={`tel:${phone.replace(/\s+/g, '')}`}>
                {phone}
              </a>
            </dd>
          </>
        )}
        {service.email && (
          <>
            <dt>{t('facts.email')}</dt>
            <dd>
              <a href={`mailto:${service.email}`}>{service.email}</a>
            </dd>
          </>
        )}
        {web && (
          <>
            <dt>{t('facts.website')}</dt>
            <dd>
              <a href={web} rel="noopener noreferrer">
                {web}
              </a>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Eligibility({ service, labels }: { service: DirectoryServiceDetail; labels: DirectoryLabels }) {
  const { t } = useTranslation('directory');
  const age = ageKey(service.minimumAge, service.maximumAge);
  return (
    <section aria-labelledby="who" className="card">
      <h3 id="who">{t('service.who')}</h3>
      <dl className="directory-facts">
        <dt>{t('facts.kind')}</dt>
        <dd>{service.categories.map(labels.category).join(', ')}</dd>
        <dt>{t('facts.who')}</dt>
        <dd>
          {age ? t(`facts.${age.key}`, age.values) : t('facts.anyAge')}
          {service.sexes.length > 0 && ` · ${service.sexes.map((s) => t(`sexes.${s}`)).join(', ')}`}
        </dd>
        <dt>{t('facts.languages')}</dt>
        <dd>{service.languages.map(labels.language).join(', ')}</dd>
        <dt>{t('facts.area')}</dt>
        <dd>{service.serviceAreas.map(labels.region).join(', ')}</dd>
        <dt>{t('facts.documents')}</dt>
        <dd>{service.requiredDocuments.length === 0 ? t('facts.noDocuments') : service.requiredDocuments.map((d) => t(`documents.${d}`)).join(', ')}</dd>
        <dt>{t('facts.cost')}</dt>
        <dd>{service.isFree ? t('tags.free') : (service.feesDescription ?? t('facts.fees'))}</dd>
      </dl>
    </section>
  );
}

function Places({ service, labels }: { service: DirectoryServiceDetail; labels: DirectoryLabels }) {
  const { t } = useTranslation('directory');
  if (service.confidential || service.locations.length === 0) return null;
  return (
    <section aria-labelledby="where" className="card">
      <h3 id="where">{t('service.where')}</h3>
      <ul className="directory-places">
        {service.locations.map((l, i) => (
          <li key={i}>
            {l.name && <strong>{l.name}</strong>}
            <address>{[l.address1, [l.postalCode, l.city].filter(Boolean).join(' '), l.region && labels.region(l.region)].filter(Boolean).join(', ')}</address>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Hours({ service }: { service: DirectoryServiceDetail }) {
  const { t } = useTranslation('directory');
  if (service.schedules.length === 0) return null;
  const days = (byday: string) => byday.split(',').map((d) => t(`days.${d}`)).join(', ');
  return (
    <section aria-labelledby="hours" className="card">
      <h3 id="hours">{t('service.hours')}</h3>
      <ul className="directory-hours">
        {service.schedules.map((s, i) => (
          <li key={i}>{s.byday.split(',').length === 7 && s.opensAt === '00:00' && s.closesAt === '23:59' ? t('service.allHours') : t('service.hoursLine', { days: days(s.byday), opens: s.opensAt, closes: s.closesAt })}</li>
        ))}
      </ul>
    </section>
  );
}

function Capacity({ service, labels }: { service: DirectoryServiceDetail; labels: DirectoryLabels }) {
  const { t } = useTranslation('directory');
  return (
    <section aria-labelledby="capacity" className="card">
      <h3 id="capacity">{t('service.capacity')}</h3>
      <p>
        {service.acceptingReferrals ? t('service.acceptingNow') : t('service.notAcceptingNow')}
        {service.availablePlaces !== null && ` ${t('tags.places', { count: service.availablePlaces })}.`}
      </p>
      {service.capacityUpdatedAt && <p className="muted">{t('service.capacityUpdated', { when: labels.dateTime(service.capacityUpdatedAt) })}</p>}
      <p className="muted">{service.assuredDate ? t('service.verifiedOn', { date: labels.day(service.assuredDate) }) : t('tags.neverVerified')}</p>
    </section>
  );
}
