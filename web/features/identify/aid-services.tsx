// "Services that may help": the clinician ticks what the patient needs; each need is one directory search in their
// country (and county, if chosen), filtered by age. When the directory cannot be reached, says so and points to Help now.
import { useId, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CATEGORY_LABELS, SERVICE_CATEGORIES, type ServiceCategory } from '#shared/directory/taxonomy.ts';
import { REGIONS } from '#shared/directory/regions.ts';
import type { DirectoryServiceCard } from '#shared/directory/directory-search.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { Tag } from '#web/components/ui/tag.tsx';
import { telHref } from '#web/features/help/help.api.ts';
import type { AidState } from './aid-state.ts';
import { useAidServices } from './identify.api.ts';

/** Shown per need: enough to choose from at the bedside; the directory has the rest. */
const SHOWN = 5;

export function AidServices({ state, setState, age, lang }: { state: AidState; setState: Dispatch<SetStateAction<AidState>>; age: number; lang: LibraryLanguage }) {
  const { t } = useTranslation('identify');
  const id = useId();
  const toggle = (need: ServiceCategory) =>
    setState((s) => ({ ...s, needs: s.needs.includes(need) ? s.needs.filter((n) => n !== need) : [...s.needs, need] }));
  return (
    <section aria-labelledby={`${id}-title`} className="aid-outcome-part">
      <h3 id={`${id}-title`}>{t('services.title')}</h3>
      <p className="hint">{t('services.hint')}</p>
      <fieldset className="field aid-choices aid-columns">
        <legend>{t('services.needs')}</legend>
        {SERVICE_CATEGORIES.map((need) => (
          <label key={need} className="choice">
            <input type="checkbox" checked={state.needs.includes(need)} onChange={() => toggle(need)} />
            <span>{CATEGORY_LABELS[need][lang]}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-region`}>{t('services.region')}</label>
        <select id={`${id}-region`} value={state.region} onChange={(e) => setState((s) => ({ ...s, region: e.target.value }))}>
          <option value="">{t('services.anyRegion')}</option>
          {Object.entries(REGIONS[state.country]).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {state.needs.map((need) => (
        <NeedResults key={need} need={need} state={state} age={age} lang={lang} />
      ))}
    </section>
  );
}

function NeedResults({ need, state, age, lang }: { need: ServiceCategory; state: AidState; age: number; lang: LibraryLanguage }) {
  const { t } = useTranslation('identify');
  const query = useAidServices({ category: need, country: state.country, region: state.region || undefined, age, lang });
  const services = query.data?.services.slice(0, SHOWN) ?? [];
  return (
    <div className="aid-need">
      <h4>{CATEGORY_LABELS[need][lang]}</h4>
      {query.isPending && <p className="muted">{t('services.loading')}</p>}
      {query.isError && <p>{t('services.unavailable')}</p>}
      {query.isSuccess && services.length === 0 && <p>{t('services.none')}</p>}
      {services.length > 0 && (
        <ul className="aid-services">
          {services.map((service) => (
            <ServiceItem key={service.id} service={service} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** NOTE: the directory's page adds `isDemo` to the search card; fictional demo listings are marked as such. */
export function ServiceItem({ service }: { service: DirectoryServiceCard }) {
  const { t } = useTranslation('identify');
  const where = service.city ?? service.serviceAreas.join(', ');
  return (
    <li className="aid-service">
      <p className="aid-service-name">
        <Link to={`/directory/services/${service.id}`}>{service.name}</Link>
      </p>
      <p>
        {service.organizationName}
        {where && ` · ${where}`}
      </p>
      {service.summary && <p lang={service.summaryLanguage ?? undefined}>{service.summary}</p>}
      <p className="aid-service-tags">
        {service.acceptingReferrals && <Tag tone="published">{t('services.accepting')}</Tag>}
        {service.isFree && <Tag>{t('services.free')}</Tag>}
        {service.verificationDue && <Tag tone="warning">{t('services.notVerified')}</Tag>}
        {service.isDemo && <Tag tone="draft">{t('services.demo')}</Tag>}
      </p>
      {service.phone && (
        <p>
          <a href={telHref(service.phone)}>
            <span className="visually-hidden">{t('danger.call')} </span>
            {service.phone}
          </a>
        </p>
      )}
    </li>
  );
}
