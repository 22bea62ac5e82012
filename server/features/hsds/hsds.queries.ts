// Reads of the directory for the HSDS API: approved listings only, filters combined with AND, pages by id order.
// Confidential locations take part in no geographic filter, so no query can narrow down where one is.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { DirectoryAddress } from '#server/db/schema-referrals.ts';
import { foldSql, prefixQuery } from '#server/features/directory/directory-search-text.ts';
import { categoryOfTermId, TAXONOMY } from '#shared/directory/taxonomy.ts';

export interface ServiceFilter {
  search?: string | undefined;
  taxonomyTermId?: string | undefined;
  taxonomyId?: string | undefined;
  organizationId?: string | undefined;
  modifiedAfter?: string | undefined;
  postcode?: string | undefined;
  proximity?: number | undefined;
}

/** The plain HSDS service fields, read from the directory and written by an import alike. */
export interface HsdsServiceFields {
  status: string;
  email: string | null;
  url: string | null;
  phone: string | null;
  feesDescription: string | null;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  assuredDate: string | null;
  assurerEmail: string | null;
}

export interface ServiceRow extends HsdsServiceFields {
  id: string;
  organizationId: string;
  name: string;
  alternateName: string | null;
  summaries: Record<string, string>;
  updatedAt: Date;
  categories: string[];
  languages: string[];
  serviceAreas: string[];
  requiredDocuments: string[];
  sexes: string[];
  schedules: { byday: string; opensAt: string; closesAt: string }[];
  isFree: boolean;
  acceptingReferrals: boolean;
  availablePlaces: number | null;
  capacityUpdatedAt: Date | null;
}

export interface OrganizationRow {
  id: string;
  name: string;
  alternateName: string | null;
  descriptions: Record<string, string>;
  email: string | null;
  website: string | null;
  phone: string | null;
  country: string;
  updatedAt: Date;
}

export interface LocationRow extends DirectoryAddress {
  id: string;
  organizationId: string;
  name: string | null;
  description: string | null;
  locationType: string;
  isConfidential: boolean;
}

export interface ServiceAtLocationRow {
  id: string;
  serviceId: string;
  locationId: string;
  description: string | null;
}

const APPROVED = sql`s.review_status = 'approved'`;
const normalisedPostcode = (expr: RawBuilder<unknown>) => sql`upper(regexp_replace(coalesce(${expr}, ''), '\\s', '', 'g'))`;
export const normalisePostcode = (postcode: string) => postcode.replace(/\s/g, '').toUpperCase();

/** Public locations: not confidential, and serving at least one approved service. */
const PUBLIC_LOCATION = sql`not pl.is_confidential and exists (select 1 from directory_service_location psl join directory_service ps on ps.id = psl.service_id where psl.location_id = pl.id and ps.review_status = 'approved')`;

/** Centroid (lat, lon) of our own public locations with this postcode; null when we know of none. */
const centroid = (postcode: string) => sql`(select avg(pl.latitude) as lat, avg(pl.longitude) as lon from directory_location pl
  where ${PUBLIC_LOCATION} and pl.latitude is not null and pl.longitude is not null and ${normalisedPostcode(sql`pl.postal_code`)} = ${normalisePostcode(postcode)})`;

/** Haversine distance in metres between a location (alias l) and the centroid (alias c). */
const DISTANCE = sql`2 * 6371008.8 * asin(sqrt(power(sin(radians(l.latitude - c.lat) / 2), 2) + cos(radians(c.lat)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - c.lon) / 2), 2)))`;

/**
 * Ids of the locations geography may find: public, and with the postcode, or within the proximity of its centroid.
 * Uncorrelated, so the database computes the set once per query (a hashed subplan), not once per row.
 */
function locationsNear(filter: ServiceFilter): RawBuilder<unknown> {
  if (filter.proximity !== undefined) {
    return sql`(select l.id from directory_location l cross join ${centroid(filter.postcode!)} c
      where not l.is_confidential and l.latitude is not null and l.longitude is not null and c.lat is not null and ${DISTANCE} <= ${filter.proximity})`;
  }
  return sql`(select l.id from directory_location l where not l.is_confidential and ${normalisedPostcode(sql`l.postal_code`)} = ${normalisePostcode(filter.postcode!)})`;
}

/** Counties (service areas) our public locations with this postcode lie in, as a text array computed once. */
const postcodeRegions = (postcode: string) => sql`array(select distinct pl.region from directory_location pl where ${PUBLIC_LOCATION} and pl.region is not null and ${normalisedPostcode(sql`pl.postal_code`)} = ${normalisePostcode(postcode)})`;

/** The AND of every filter over services (alias s); `atLocation` when rows are service-at-locations (alias sl). */
export function serviceWhere(filter: ServiceFilter, atLocation = false): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [APPROVED];
  const query = filter.search ? prefixQuery(filter.search) : null;
  if (filter.search) parts.push(query ? sql`s.search_vector @@ to_tsquery('simple', ${query})` : sql`false`);
  if (filter.taxonomyTermId) {
    const category = categoryOfTermId(filter.taxonomyTermId);
    parts.push(category ? sql`s.categories @> ${JSON.stringify([category])}::jsonb` : sql`false`);
  }
  if (filter.taxonomyId) parts.push(filter.taxonomyId === TAXONOMY.id ? sql`jsonb_array_length(s.categories) > 0` : sql`false`);
  if (filter.organizationId) parts.push(sql`s.directory_organization_id = ${filter.organizationId}`);
  if (filter.modifiedAfter) parts.push(sql`s.updated_at >= ${filter.modifiedAfter}::timestamptz`);
  if (filter.postcode !== undefined) parts.push(geography(filter, atLocation));
  return sql.join(parts, sql` and `);
}

function geography(filter: ServiceFilter, atLocation: boolean): RawBuilder<unknown> {
  const servicesNear = sql`select nsl.service_id from directory_service_location nsl where nsl.location_id in ${locationsNear(filter)}`;
  if (filter.proximity !== undefined) return atLocation ? sql`sl.location_id in ${locationsNear(filter)}` : sql`s.id in (${servicesNear})`;
  // NOTE: HSDS's postcode asks "does the service cover this postcode": a public place there, or a service area (county)
  // in which one of our public places with that postcode lies. We have no postcode gazetteer (profile note). One
  // containment test per county, so the service-area index answers it.
  const covering = sql`select cs.id from unnest(${postcodeRegions(filter.postcode!)}) r join directory_service cs on cs.service_areas @> jsonb_build_array(r)`;
  return atLocation ? sql`(sl.location_id in ${locationsNear(filter)} or s.id in (${covering}))` : sql`s.id in (${servicesNear} union ${covering})`;
}

const SERVICE_COLUMNS = sql`s.id, s.directory_organization_id as organization_id, s.name, s.alternate_name, s.summaries, s.status, s.email, s.url, s.phone,
  s.fees_description, s.eligibility_description, s.minimum_age, s.maximum_age, to_char(s.assured_date, 'YYYY-MM-DD') as assured_date, s.assurer_email,
  s.updated_at, s.categories, s.languages, s.service_areas, s.required_documents, s.sexes, s.schedules, s.is_free, s.accepting_referrals,
  s.available_places, s.capacity_updated_at`;

export async function countServices(db: Db, filter: ServiceFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from directory_service s where ${serviceWhere(filter)}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** One page (offset) or one batch after an id (keyset, for streaming), in id order. */
export async function listServices(db: Db, filter: ServiceFilter, window: { limit: number; offset?: number; afterId?: string }): Promise<ServiceRow[]> {
  const after = window.afterId ? sql`and s.id > ${window.afterId}` : sql``;
  // NOTE: the page's ids first (an index-only scan when unfiltered), then only those rows: skipping the offset's rows
  // never reads their wide columns.
  const { rows } = await sql<ServiceRow>`select ${SERVICE_COLUMNS} from directory_service s where s.id in (
      select s.id from directory_service s where ${serviceWhere(filter)} ${after} order by s.id limit ${window.limit} offset ${window.offset ?? 0})
    order by s.id`.execute(db);
  return rows;
}

export async function servicesByIds(db: Db, ids: readonly string[]): Promise<ServiceRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<ServiceRow>`select ${SERVICE_COLUMNS} from directory_service s where ${APPROVED} and s.id = any(${sql.val([...ids])}::uuid[]) order by s.id`.execute(db);
  return rows;
}

export async function servicesOfOrganizations(db: Db, organizationIds: readonly string[]): Promise<ServiceRow[]> {
  if (organizationIds.length === 0) return [];
  const { rows } = await sql<ServiceRow>`select ${SERVICE_COLUMNS} from directory_service s
    where ${APPROVED} and s.directory_organization_id = any(${sql.val([...organizationIds])}::uuid[]) order by s.id`.execute(db);
  return rows;
}

const ORGANIZATION_COLUMNS = sql`o.id, o.name, o.alternate_name, o.descriptions, o.email, o.website, o.phone, o.country, o.updated_at`;
/** Organisations are published once one of their services is approved. */
const PUBLISHED_ORGANIZATION = sql`exists (select 1 from directory_service s where s.directory_organization_id = o.id and ${APPROVED})`;

function organizationWhere(search: string | undefined): RawBuilder<unknown> {
  if (!search) return PUBLISHED_ORGANIZATION;
  const query = prefixQuery(search);
  if (!query) return sql`false`;
  const words = foldSql(sql`o.name || ' ' || coalesce(o.alternate_name, '')`);
  return sql`${PUBLISHED_ORGANIZATION} and to_tsvector('simple', ${words}) @@ to_tsquery('simple', ${query})`;
}

export async function countOrganizations(db: Db, search: string | undefined): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from directory_organization o where ${organizationWhere(search)}`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function listOrganizations(db: Db, search: string | undefined, window: { limit: number; offset?: number; afterId?: string }): Promise<OrganizationRow[]> {
  const after = window.afterId ? sql`and o.id > ${window.afterId}` : sql``;
  const { rows } = await sql<OrganizationRow>`select ${ORGANIZATION_COLUMNS} from directory_organization o where ${organizationWhere(search)} ${after}
    order by o.id limit ${window.limit} offset ${window.offset ?? 0}`.execute(db);
  return rows;
}

export async function organizationsByIds(db: Db, ids: readonly string[]): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<OrganizationRow>`select ${ORGANIZATION_COLUMNS} from directory_organization o
    where ${PUBLISHED_ORGANIZATION} and o.id = any(${sql.val([...ids])}::uuid[])`.execute(db);
  return rows;
}

const LOCATION_COLUMNS = sql`l.id, l.directory_organization_id as organization_id, l.name, l.description, l.location_type, l.is_confidential, l.address1,
  l.city, l.region, l.postal_code, l.country, l.latitude, l.longitude`;

/** The service-at-location links of these services, each with its location. */
export async function locationsOfServices(db: Db, serviceIds: readonly string[]): Promise<(ServiceAtLocationRow & { location: LocationRow })[]> {
  if (serviceIds.length === 0) return [];
  const { rows } = await sql<ServiceAtLocationRow & LocationRow & { salId: string; salDescription: string | null }>`
    select sl.id as sal_id, sl.service_id, sl.location_id, sl.description as sal_description, ${LOCATION_COLUMNS}
    from directory_service_location sl join directory_location l on l.id = sl.location_id
    where sl.service_id = any(${sql.val([...serviceIds])}::uuid[]) order by sl.id`.execute(db);
  return rows.map((r) => ({ id: r.salId, serviceId: r.serviceId, locationId: r.locationId, description: r.salDescription, location: { ...r } }));
}

/** Locations of these organisations that serve at least one approved service. */
export async function locationsOfOrganizations(db: Db, organizationIds: readonly string[]): Promise<LocationRow[]> {
  if (organizationIds.length === 0) return [];
  const { rows } = await sql<LocationRow>`select ${LOCATION_COLUMNS} from directory_location l
    where l.directory_organization_id = any(${sql.val([...organizationIds])}::uuid[])
      and exists (select 1 from directory_service_location sl join directory_service s on s.id = sl.service_id where sl.location_id = l.id and ${APPROVED})
    order by l.id`.execute(db);
  return rows;
}

const SAL_FROM = sql`directory_service_location sl join directory_service s on s.id = sl.service_id join directory_location l on l.id = sl.location_id`;

export async function countServiceAtLocations(db: Db, filter: ServiceFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${SAL_FROM} where ${serviceWhere(filter, true)}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Service-at-location links (id, service, location) in id order. */
export async function listServiceAtLocations(db: Db, filter: ServiceFilter, window: { limit: number; offset?: number; afterId?: string }): Promise<ServiceAtLocationRow[]> {
  const after = window.afterId ? sql`and sl.id > ${window.afterId}` : sql``;
  const { rows } = await sql<ServiceAtLocationRow>`select sl.id, sl.service_id, sl.location_id, sl.description from ${SAL_FROM}
    where ${serviceWhere(filter, true)} ${after} order by sl.id limit ${window.limit} offset ${window.offset ?? 0}`.execute(db);
  return rows;
}

export async function serviceAtLocationById(db: Db, id: string): Promise<ServiceAtLocationRow | undefined> {
  const { rows } = await sql<ServiceAtLocationRow>`select sl.id, sl.service_id, sl.location_id, sl.description from ${SAL_FROM} where sl.id = ${id} and ${APPROVED}`.execute(db);
  return rows[0];
}
