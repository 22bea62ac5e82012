// Kysely for the public directory: approved services found by words and filters (AND), one service, county counts.
// NOTE: confidential places give nothing of themselves here: only the fact that a service has one; the town comes from
// public places only, and addresses are selected from public places only.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

const FILTER_KEYS = ['tsquery', 'category', 'region', 'country', 'language', 'free', 'accepting', 'age'] as const;

export interface SearchFilter {
  tsquery: string | null;
  category?: string | undefined;
  region?: string | undefined;
  country?: string | undefined;
  language?: string | undefined;
  free?: boolean | undefined;
  accepting?: boolean | undefined;
  age?: number | undefined;
}

// NOTE: a scalar aggregate, not EXISTS: the planner turned EXISTS into a hash of every service's places (10,000 rows
// read for a page of 20); this form looks up the page's services one by one through the (service_id, location_id) index.
const hasConfidentialPlace = sql<boolean>`coalesce((select bool_or(l.is_confidential) from directory_service_location sl
  join directory_location l on l.id = sl.location_id where sl.service_id = s.id), false)`;
const firstPublicCity = sql<string | null>`(select l.city from directory_service_location sl join directory_location l on l.id = sl.location_id
  where sl.service_id = s.id and not l.is_confidential and l.city is not null order by l.created_at, l.id limit 1)`;
const jsonList = (value: string) => sql`${JSON.stringify([value])}::jsonb`;

/**
 * Approved services matching every filter, without joining the organisation unless its country is asked for: the
 * page of ids is sorted on the service row alone (the partial index directory_service_listing_idx holds that order).
 */
function approved(db: Db, f: SearchFilter) {
  let q = db.selectFrom('directoryService as s').where('s.reviewStatus', '=', 'approved');
  if (f.tsquery) q = q.where(sql<boolean>`s.search_vector @@ to_tsquery('simple', ${f.tsquery})`);
  if (f.category) q = q.where(sql<boolean>`s.categories @> ${jsonList(f.category)}`);
  if (f.region) q = q.where(sql<boolean>`s.service_areas @> ${jsonList(f.region)}`);
  if (f.language) q = q.where(sql<boolean>`s.languages @> ${jsonList(f.language)}`);
  if (f.country) q = q.where(sql<boolean>`s.directory_organization_id in (select o.id from directory_organization o where o.country = ${f.country})`);
  if (f.free !== undefined) q = q.where('s.isFree', '=', f.free);
  if (f.accepting !== undefined) q = q.where('s.acceptingReferrals', '=', f.accepting);
  if (f.age !== undefined) {
    const age = f.age;
    q = q.where((eb) => eb.and([eb.or([eb('s.minimumAge', 'is', null), eb('s.minimumAge', '<=', age)]), eb.or([eb('s.maximumAge', 'is', null), eb('s.maximumAge', '>=', age)])]));
  }
  return q;
}

function cardColumns(db: Db) {
  return db
    .selectFrom('directoryService as s')
    .innerJoin('directoryOrganization as o', 'o.id', 's.directoryOrganizationId')
    .where('s.reviewStatus', '=', 'approved')
    .select([
    's.id',
    's.name',
    'o.name as organizationName',
    's.summaries',
    's.categories',
    's.serviceAreas',
    's.languages',
    's.isFree',
    's.minimumAge',
    's.maximumAge',
    's.status',
    's.acceptingReferrals',
    's.availablePlaces',
    sql<boolean>`o.organisation_id is not null`.as('onPlatform'),
    hasConfidentialPlace.as('confidential'),
    firstPublicCity.as('city'),
    's.phone',
    sql<string | null>`to_char(s.assured_date, 'YYYY-MM-DD')`.as('assuredDate'),
    's.isDemo',
  ]);
}
export type CardRow = Awaited<ReturnType<ReturnType<typeof cardColumns>['executeTakeFirstOrThrow']>>;

export async function countServices(db: Db, f: SearchFilter): Promise<number> {
  const row = await approved(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One page in plain order (text rank when searching, then accepting referrals now, then name) and the number of all
 * matches. NOTE: the total rides along as a window count, so the filters and words are evaluated once, not twice; the
 * cards (with their per-service lookups of town and confidential place) are then read for the page's ids only.
 */
export async function searchServices(db: Db, f: SearchFilter, page: { limit: number; offset: number }): Promise<{ total: number; rows: CardRow[] }> {
  // NOTE: without any filter, a plain count and a page read in index order cost less than a window over every row.
  const unfiltered = FILTER_KEYS.every((k) => f[k] === undefined || f[k] === null);
  let q = approved(db, f).select(['s.id', unfiltered ? sql<number>`0`.as('total') : sql<number>`count(*) over ()`.as('total')]);
  if (f.tsquery) q = q.orderBy(sql`ts_rank(s.search_vector, to_tsquery('simple', ${f.tsquery}))`, 'desc');
  const found = await q.orderBy('s.acceptingReferrals', 'desc').orderBy('s.name').orderBy('s.id').limit(page.limit).offset(page.offset).execute();
  const total = unfiltered || found.length === 0 ? await countServices(db, f) : Number(found[0]!.total);
  if (found.length === 0) return { total, rows: [] };
  const cards = await cardColumns(db).where('s.id', 'in', found.map((r) => r.id)).execute();
  const byId = new Map(cards.map((c) => [c.id, c]));
  return { total, rows: found.flatMap((r) => byId.get(r.id) ?? []) };
}

/** An approved service with what its detail page shows; undefined when there is none (or it is not approved). */
export function findApprovedService(db: Db, id: string) {
  return cardColumns(db)
    .select([
      'o.alternateName as organizationAlternateName',
      'o.descriptions as organizationDescriptions',
      'o.website as organizationWebsite',
      'o.phone as organizationPhone',
      'o.country as organizationCountry',
      's.email',
      's.url',
      's.sexes',
      's.requiredDocuments',
      's.feesDescription',
      's.schedules',
      's.capacityUpdatedAt',
      's.updatedAt',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** The service's places that may be shown: never a confidential one. */
export function publicLocations(db: Db, serviceId: string) {
  return db
    .selectFrom('directoryServiceLocation as sl')
    .innerJoin('directoryLocation as l', 'l.id', 'sl.locationId')
    .select(['l.name', 'l.address1', 'l.city', 'l.region', 'l.postalCode', 'l.country', 'l.latitude', 'l.longitude'])
    .where('sl.serviceId', '=', serviceId)
    .where('l.isConfidential', '=', false)
    .orderBy('l.createdAt')
    .orderBy('l.id')
    .execute();
}

/** Approved services per county code they cover. */
export async function countByRegion(db: Db): Promise<{ code: string; count: number }[]> {
  const { rows } = await sql<{ code: string; count: number }>`
    select r.code, count(*)::int as count
    from directory_service s cross join lateral jsonb_array_elements_text(s.service_areas) as r(code)
    where s.review_status = 'approved'
    group by r.code`.execute(db);
  return rows.map((r) => ({ code: r.code, count: Number(r.count) }));
}
