// Directory rows → HSDS 3.0 objects. The one place the confidential rule is applied to HSDS output (standards.md §1.5):
// a confidential location never carries addresses, latitude, longitude or postal code, in any answer or export.
// Absent values are left out rather than null: HSDS types them as strings and numbers.
import { regionName } from '#shared/directory/regions.ts';
import { CATEGORY_TERM_IDS, CATEGORY_TERMS, SERVICE_CATEGORIES, TAXONOMY, type ServiceCategory } from '#shared/directory/taxonomy.ts';
import { derivedId } from './hsds-ids.ts';
import type { LocationRow, OrganizationRow, ServiceAtLocationRow, ServiceRow } from './hsds.queries.ts';

export type HsdsObject = { id: string; [key: string]: unknown };
export type Language = 'en' | 'ro' | 'nb';

/** Drops undefined and null values, so optional HSDS fields are simply absent. */
function compact(object: Record<string, unknown> & { id: string }): HsdsObject {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null)) as HsdsObject;
}

/** The text in `lang`, else English, else any; undefined when there is none. */
export function inLanguage(labels: Record<string, string>, lang: Language): string | undefined {
  return labels[lang] || labels.en || Object.values(labels).find((v) => v) || undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Stored contact fields are free text; only values that pass the HSDS formats are published as such. */
const asEmail = (v: string | null) => (v && EMAIL.test(v) ? v : undefined);
const asUri = (v: string | null) => (v && /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v) && URL.canParse(v) ? v : undefined);

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

export function taxonomy(): HsdsObject {
  return { id: TAXONOMY.id, name: TAXONOMY.name, description: TAXONOMY.description, version: TAXONOMY.version };
}

export function taxonomyTerm(category: ServiceCategory): HsdsObject {
  const term = CATEGORY_TERMS[category];
  return { id: CATEGORY_TERM_IDS[category], code: category, name: term.name, description: term.description, taxonomy: TAXONOMY.name, taxonomy_id: TAXONOMY.id, taxonomy_detail: taxonomy(), language: 'en' };
}

export const ALL_TERMS = SERVICE_CATEGORIES.map((c) => taxonomyTerm(c));

/** Organisation list item: its direct fields. */
export function organizationItem(o: OrganizationRow, lang: Language): HsdsObject {
  return compact({ id: o.id, name: o.name, alternate_name: o.alternateName, description: inLanguage(o.descriptions, lang) ?? '', email: asEmail(o.email), website: asUri(o.website) });
}

/** Service list item: direct fields, our profile's capacity fields, and its organisation (one-to-one). */
export function serviceItem(s: ServiceRow, organization: OrganizationRow | undefined, lang: Language): HsdsObject {
  return compact({
    id: s.id,
    organization_id: s.organizationId,
    name: s.name,
    alternate_name: s.alternateName,
    description: inLanguage(s.summaries, lang),
    url: asUri(s.url),
    email: asEmail(s.email),
    status: s.status,
    fees_description: s.feesDescription,
    eligibility_description: s.eligibilityDescription,
    minimum_age: s.minimumAge,
    maximum_age: s.maximumAge,
    assured_date: s.assuredDate,
    assurer_email: asEmail(s.assurerEmail),
    last_modified: new Date(s.updatedAt).toISOString(),
    accepting_referrals: s.acceptingReferrals,
    available_places: s.availablePlaces,
    capacity_updated_at: s.capacityUpdatedAt ? new Date(s.capacityUpdatedAt).toISOString() : undefined,
    free_of_charge: s.isFree,
    organization: organization && organizationItem(organization, lang),
  });
}

/** `minimal=true`: the id and the modification date (with name and status, which the list schema requires). */
export function serviceMinimal(s: ServiceRow): HsdsObject {
  return { id: s.id, name: s.name, status: s.status, last_modified: new Date(s.updatedAt).toISOString() };
}

/** The jsonb lists of a service as HSDS child objects, each with an id derived from the service and the value. */
function serviceChildren(s: ServiceRow): Record<string, unknown[]> {
  const child = (kind: string, value: string) => ({ id: derivedId(s.id, kind, value), service_id: s.id });
  return {
    phones: s.phone ? [{ ...child('phone', s.phone), number: s.phone }] : [],
    schedules: s.schedules.map((d) => ({ ...child('schedule', `${d.byday}/${d.opensAt}/${d.closesAt}`), freq: 'WEEKLY', byday: d.byday, opens_at: d.opensAt, closes_at: d.closesAt })),
    service_areas: s.serviceAreas.map((code) => compact({ ...child('service_area', code), name: regionName(code) ?? code, extent: code, extent_type: 'ISO 3166-2' })),
    languages: s.languages.map((code) => ({ ...child('language', code), name: languageNames.of(code) ?? code, code })),
    required_documents: s.requiredDocuments.map((doc) => ({ ...child('required_document', doc), document: doc })),
    attributes: s.categories
      .filter((c): c is ServiceCategory => (SERVICE_CATEGORIES as readonly string[]).includes(c))
      .map((c) => ({ id: derivedId(s.id, 'attribute', CATEGORY_TERM_IDS[c]), link_id: s.id, link_type: 'service_category', link_entity: 'service', taxonomy_term_id: CATEGORY_TERM_IDS[c], taxonomy_term: taxonomyTerm(c) })),
  };
}

/** A location; for a confidential one no address, coordinates or postal code, whatever the rows hold. */
export function location(l: LocationRow, lang: Language): HsdsObject {
  void lang;
  const base = compact({ id: l.id, location_type: l.locationType, organization_id: l.organizationId, name: l.name, description: l.description, is_confidential: l.isConfidential });
  if (l.isConfidential) return base;
  const address = l.address1
    ? [compact({ id: derivedId(l.id, 'address', 'physical'), location_id: l.id, address_1: l.address1, city: l.city ?? '', region: l.region, state_province: (l.region && regionName(l.region)) ?? '', postal_code: l.postalCode ?? '', country: l.country, address_type: 'physical' })]
    : [];
  return compact({ ...base, latitude: l.latitude, longitude: l.longitude, addresses: address });
}

export function serviceAtLocationItem(sal: ServiceAtLocationRow, l: LocationRow, lang: Language): HsdsObject {
  const { addresses: _a, ...direct } = location(l, lang);
  return compact({ id: sal.id, service_id: sal.serviceId, location_id: sal.locationId, description: sal.description, location: direct });
}

export interface ServiceParts {
  organization: OrganizationRow | undefined;
  links: (ServiceAtLocationRow & { location: LocationRow })[];
}

/** A fully nested service: children, its service-at-locations with their locations, its organisation. */
export function serviceFull(s: ServiceRow, parts: ServiceParts, lang: Language): HsdsObject {
  return {
    ...serviceItem(s, parts.organization, lang),
    ...serviceChildren(s),
    service_at_locations: parts.links.map((sal) => compact({ id: sal.id, service_id: sal.serviceId, location_id: sal.locationId, description: sal.description, location: location(sal.location, lang) })),
  };
}

/** A fully nested organisation: phones, locations, and services (full, or their direct fields only). */
export function organizationFull(o: OrganizationRow, parts: { locations: LocationRow[]; services: HsdsObject[] }, lang: Language): HsdsObject {
  return {
    ...organizationItem(o, lang),
    phones: o.phone ? [{ id: derivedId(o.id, 'phone', o.phone), organization_id: o.id, number: o.phone }] : [],
    locations: parts.locations.map((l) => location(l, lang)),
    services: parts.services,
  };
}
