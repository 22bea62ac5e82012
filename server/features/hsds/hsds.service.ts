// The HSDS 3.0 read API's use cases: pages with HSDS's Page arithmetic, single objects, and every result as a stream
// of batches for format=ndjson. Public, and only approved listings (the queries filter on review_status).
import type { Db } from '#server/db/db.ts';
import { AppError } from '#server/errors.ts';
import { SERVICE_CATEGORIES, TAXONOMY, type ServiceCategory } from '#shared/directory/taxonomy.ts';
import {
  HSDS_PER_PAGE_DEFAULT,
  type HsdsOrganizationsQuery,
  type HsdsPage,
  type HsdsServiceAtLocationsQuery,
  type HsdsServicesQuery,
  type HsdsTaxonomiesQuery,
  type HsdsTaxonomyTermsQuery,
} from '#shared/hsds/hsds-query.schema.ts';
import { foldText } from '#server/features/directory/directory-search-text.ts';
import * as q from './hsds.queries.ts';
import { organizationFull, organizationItem, serviceAtLocationItem, serviceFull, serviceItem, serviceMinimal, taxonomy, taxonomyTerm, location, type HsdsObject, type Language } from './hsds-serialize.ts';

/** Items fetched per round trip when streaming every result. */
export const STREAM_BATCH = 500;

/** HSDS Page: total_pages = ceil(total_items / per_page); a page past the last one is empty and marked last. */
export function page(contents: HsdsObject[], total: number, pageNumber: number, perPage: number): HsdsPage {
  const totalPages = Math.ceil(total / perPage);
  return { total_items: total, total_pages: totalPages, page_number: pageNumber, size: contents.length, first_page: pageNumber === 1, last_page: pageNumber >= totalPages, empty: contents.length === 0, contents };
}

const windowOf = (query: { page?: number | undefined; per_page?: number | undefined }) => {
  const perPage = query.per_page ?? HSDS_PER_PAGE_DEFAULT;
  const pageNumber = query.page ?? 1;
  return { perPage, pageNumber, limit: perPage, offset: (pageNumber - 1) * perPage };
};

function filterOf(query: HsdsServicesQuery | HsdsServiceAtLocationsQuery): q.ServiceFilter {
  return {
    search: query.search,
    taxonomyTermId: query.taxonomy_term_id,
    taxonomyId: query.taxonomy_id,
    organizationId: query.organization_id,
    modifiedAfter: query.modified_after,
    postcode: query.postcode,
    proximity: query.proximity,
  };
}

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/** Services as list items, minimal items or fully nested ones, with what each form needs fetched in batches. */
async function presentServices(db: Db, rows: q.ServiceRow[], form: 'minimal' | 'item' | 'full', lang: Language): Promise<HsdsObject[]> {
  if (form === 'minimal') return rows.map(serviceMinimal);
  const organizations = byId(await q.organizationsByIds(db, [...new Set(rows.map((r) => r.organizationId))]));
  if (form === 'item') return rows.map((s) => serviceItem(s, organizations.get(s.organizationId), lang));
  const links = await q.locationsOfServices(db, rows.map((r) => r.id));
  return rows.map((s) => serviceFull(s, { organization: organizations.get(s.organizationId), links: links.filter((l) => l.serviceId === s.id) }, lang));
}

const serviceForm = (query: { minimal?: boolean | undefined; full?: boolean | undefined }) => (query.minimal ? 'minimal' : query.full ? 'full' : 'item');

export async function listServices(db: Db, query: HsdsServicesQuery, lang: Language): Promise<HsdsPage> {
  const w = windowOf(query);
  const filter = filterOf(query);
  const [total, rows] = await Promise.all([q.countServices(db, filter), q.listServices(db, filter, w)]);
  return page(await presentServices(db, rows, serviceForm(query), lang), total, w.pageNumber, w.perPage);
}

/** Every matching service, batch by batch (keyset on id), for format=ndjson. */
export async function* streamServices(db: Db, query: HsdsServicesQuery, lang: Language): AsyncGenerator<HsdsObject[]> {
  const filter = filterOf(query);
  let afterId: string | undefined;
  for (;;) {
    const rows = await q.listServices(db, filter, { limit: STREAM_BATCH, ...(afterId ? { afterId } : {}) });
    if (rows.length === 0) return;
    yield await presentServices(db, rows, serviceForm(query), lang);
    afterId = rows[rows.length - 1]!.id;
  }
}

export async function getService(db: Db, id: string, lang: Language): Promise<HsdsObject> {
  const rows = await q.servicesByIds(db, [id]);
  if (rows.length === 0) throw new AppError('not_found', 'No such service.');
  return (await presentServices(db, rows, 'full', lang))[0]!;
}

/** Organisations as list items, or fully nested with their services (as ids, names and status, or full). */
async function presentOrganizations(db: Db, rows: q.OrganizationRow[], query: { full?: boolean | undefined; full_service?: boolean | undefined }, lang: Language): Promise<HsdsObject[]> {
  if (!query.full && !query.full_service) return rows.map((o) => organizationItem(o, lang));
  const ids = rows.map((o) => o.id);
  const [locations, services] = await Promise.all([q.locationsOfOrganizations(db, ids), q.servicesOfOrganizations(db, ids)]);
  const nested = query.full_service ? await presentServices(db, services, 'full', lang) : services.map((s) => ({ id: s.id, name: s.name, status: s.status }));
  return rows.map((o) =>
    organizationFull(o, { locations: locations.filter((l) => l.organizationId === o.id), services: nested.filter((_, i) => services[i]!.organizationId === o.id) }, lang),
  );
}

export async function listOrganizations(db: Db, query: HsdsOrganizationsQuery, lang: Language): Promise<HsdsPage> {
  const w = windowOf(query);
  const [total, rows] = await Promise.all([q.countOrganizations(db, query.search), q.listOrganizations(db, query.search, w)]);
  return page(await presentOrganizations(db, rows, query, lang), total, w.pageNumber, w.perPage);
}

export async function* streamOrganizations(db: Db, query: HsdsOrganizationsQuery, lang: Language): AsyncGenerator<HsdsObject[]> {
  let afterId: string | undefined;
  for (;;) {
    const rows = await q.listOrganizations(db, query.search, { limit: STREAM_BATCH, ...(afterId ? { afterId } : {}) });
    if (rows.length === 0) return;
    yield await presentOrganizations(db, rows, query, lang);
    afterId = rows[rows.length - 1]!.id;
  }
}

export async function getOrganization(db: Db, id: string, fullService: boolean, lang: Language): Promise<HsdsObject> {
  const rows = await q.organizationsByIds(db, [id]);
  if (rows.length === 0) throw new AppError('not_found', 'No such organization.');
  return (await presentOrganizations(db, rows, { full: true, full_service: fullService }, lang))[0]!;
}

/** Service-at-locations with their location (direct fields) and service (list item), or fully nested. */
async function presentServiceAtLocations(db: Db, rows: q.ServiceAtLocationRow[], full: boolean, lang: Language): Promise<HsdsObject[]> {
  const serviceIds = [...new Set(rows.map((r) => r.serviceId))];
  const [links, services] = await Promise.all([q.locationsOfServices(db, serviceIds), q.servicesByIds(db, serviceIds)]);
  const linkById = byId(links);
  const presented = byId((await presentServices(db, services, full ? 'full' : 'item', lang)) as (HsdsObject & { id: string })[]);
  return rows.map((r) => {
    const loc = linkById.get(r.id)!.location;
    const base = serviceAtLocationItem(r, loc, lang);
    return { ...base, ...(full ? { location: location(loc, lang) } : {}), service: presented.get(r.serviceId) };
  });
}

export async function listServiceAtLocations(db: Db, query: HsdsServiceAtLocationsQuery, lang: Language): Promise<HsdsPage> {
  const w = windowOf(query);
  const filter = filterOf(query);
  const [total, rows] = await Promise.all([q.countServiceAtLocations(db, filter), q.listServiceAtLocations(db, filter, w)]);
  return page(await presentServiceAtLocations(db, rows, query.full ?? false, lang), total, w.pageNumber, w.perPage);
}

export async function* streamServiceAtLocations(db: Db, query: HsdsServiceAtLocationsQuery, lang: Language): AsyncGenerator<HsdsObject[]> {
  const filter = filterOf(query);
  let afterId: string | undefined;
  for (;;) {
    const rows = await q.listServiceAtLocations(db, filter, { limit: STREAM_BATCH, ...(afterId ? { afterId } : {}) });
    if (rows.length === 0) return;
    yield await presentServiceAtLocations(db, rows, query.full ?? false, lang);
    afterId = rows[rows.length - 1]!.id;
  }
}

export async function getServiceAtLocation(db: Db, id: string, lang: Language): Promise<HsdsObject> {
  const row = await q.serviceAtLocationById(db, id);
  if (!row) throw new AppError('not_found', 'No such service at location.');
  return (await presentServiceAtLocations(db, [row], true, lang))[0]!;
}

// The taxonomy is fixed (shared/directory/taxonomy.ts): one taxonomy, ten terms, none with a parent.

const matches = (search: string | undefined, ...texts: string[]) => !search || foldText(search).split(/\s+/).every((w) => texts.some((t) => foldText(t).includes(w)));

function staticPage(all: HsdsObject[], query: { page?: number | undefined; per_page?: number | undefined }): HsdsPage {
  const w = windowOf(query);
  return page(all.slice(w.offset, w.offset + w.limit), all.length, w.pageNumber, w.perPage);
}

export function taxonomies(query: HsdsTaxonomiesQuery): HsdsObject[] {
  return matches(query.search, TAXONOMY.name, TAXONOMY.description) ? [taxonomy()] : [];
}

export const listTaxonomies = (query: HsdsTaxonomiesQuery) => staticPage(taxonomies(query), query);

export function getTaxonomy(id: string): HsdsObject {
  if (id !== TAXONOMY.id) throw new AppError('not_found', 'No such taxonomy.');
  return taxonomy();
}

export function taxonomyTerms(query: HsdsTaxonomyTermsQuery): HsdsObject[] {
  if (query.taxonomy_id && query.taxonomy_id !== TAXONOMY.id) return [];
  if (query.parent_id) return []; // NOTE: our terms have no children
  return SERVICE_CATEGORIES.map((c) => taxonomyTerm(c)).filter((t) => matches(query.search, String(t.name), String(t.description), String(t.code)));
}

export const listTaxonomyTerms = (query: HsdsTaxonomyTermsQuery) => staticPage(taxonomyTerms(query), query);

export function getTaxonomyTerm(id: string): HsdsObject {
  const category = SERVICE_CATEGORIES.find((c) => taxonomyTerm(c).id === id) as ServiceCategory | undefined;
  if (!category) throw new AppError('not_found', 'No such taxonomy term.');
  return taxonomyTerm(category);
}
