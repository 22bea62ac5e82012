// Kysely for the directory desk: an organisation's listing (organisation, places, services), writes with optimistic
// locking, the review queue and the count of listings due to be verified.
import { sql, type Transaction } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';

type Executor = Db | Transaction<Database>;

export type Trx = Transaction<Database>;

/** Whose listings: one platform organisation's, or those kept for organisations not on the platform. */
export type Keeper = { organisationId: string } | { offPlatform: true };

function selectOrganizations(db: Executor) {
  return db
    .selectFrom('directoryOrganization as o')
    .select(['o.id', 'o.organisationId', 'o.name', 'o.alternateName', 'o.descriptions', 'o.email', 'o.website', 'o.phone', 'o.country', 'o.isDemo', 'o.version'])
    .orderBy('o.name')
    .orderBy('o.id');
}
export type OrganizationRow = Awaited<ReturnType<ReturnType<typeof selectOrganizations>['executeTakeFirstOrThrow']>>;

export function listOrganizations(db: Executor, keeper: Keeper): Promise<OrganizationRow[]> {
  const q = selectOrganizations(db);
  return 'offPlatform' in keeper ? q.where('o.organisationId', 'is', null).execute() : q.where('o.organisationId', '=', keeper.organisationId).execute();
}

export function findOrganization(db: Executor, id: string): Promise<OrganizationRow | undefined> {
  return selectOrganizations(db).where('o.id', '=', id).executeTakeFirst();
}

function selectLocations(db: Executor) {
  return db
    .selectFrom('directoryLocation as l')
    .innerJoin('directoryOrganization as o', 'o.id', 'l.directoryOrganizationId')
    .select(['l.id', 'l.directoryOrganizationId', 'o.organisationId', 'l.name', 'l.locationType', 'l.isConfidential', 'l.address1', 'l.city', 'l.region', 'l.postalCode', 'l.country', 'l.latitude', 'l.longitude', 'l.version'])
    .orderBy('l.createdAt')
    .orderBy('l.id');
}
export type LocationRow = Awaited<ReturnType<ReturnType<typeof selectLocations>['executeTakeFirstOrThrow']>>;

export function locationsOf(db: Executor, organizationIds: string[]): Promise<LocationRow[]> {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return selectLocations(db).where('l.directoryOrganizationId', 'in', organizationIds).execute();
}

export function findLocation(db: Executor, id: string): Promise<LocationRow | undefined> {
  return selectLocations(db).where('l.id', '=', id).executeTakeFirst();
}

function selectServices(db: Executor) {
  return db
    .selectFrom('directoryService as s')
    .innerJoin('directoryOrganization as o', 'o.id', 's.directoryOrganizationId')
    .select([
      's.id',
      's.directoryOrganizationId',
      'o.organisationId',
      'o.name as organizationName',
      's.name',
      's.summaries',
      's.status',
      's.reviewStatus',
      's.reviewNote',
      's.categories',
      's.languages',
      's.serviceAreas',
      's.minimumAge',
      's.maximumAge',
      's.sexes',
      's.requiredDocuments',
      's.isFree',
      's.feesDescription',
      's.schedules',
      's.phone',
      's.email',
      's.url',
      sql<string[]>`coalesce((select json_agg(sl.location_id order by sl.created_at, sl.location_id) from directory_service_location sl where sl.service_id = s.id), '[]'::json)`.as('locationIds'),
      's.acceptingReferrals',
      's.availablePlaces',
      's.capacityUpdatedAt',
      sql<string | null>`to_char(s.assured_date, 'YYYY-MM-DD')`.as('assuredDate'),
      's.isDemo',
      's.createdAt',
      's.createdBy',
      's.updatedAt',
      's.updatedBy',
      's.version',
    ])
    .orderBy('s.name')
    .orderBy('s.id');
}
export type ServiceRow = Awaited<ReturnType<ReturnType<typeof selectServices>['executeTakeFirstOrThrow']>>;

export function servicesOf(db: Executor, organizationIds: string[]): Promise<ServiceRow[]> {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return selectServices(db).where('s.directoryOrganizationId', 'in', organizationIds).execute();
}

export function findService(db: Executor, id: string): Promise<ServiceRow | undefined> {
  return selectServices(db).where('s.id', '=', id).executeTakeFirst();
}

/** Every service waiting for review, oldest first. */
export function pendingServices(db: Executor): Promise<ServiceRow[]> {
  return selectServices(db).clearOrderBy().where('s.reviewStatus', '=', 'pending').orderBy('s.createdAt').orderBy('s.id').limit(500).execute();
}

/** Approved services of an organisation (or of every off-platform one) never verified or verified on or before `cutoff`. */
export async function countDueServices(db: Executor, keeper: Keeper, cutoff: string): Promise<number> {
  let q = db
    .selectFrom('directoryService as s')
    .innerJoin('directoryOrganization as o', 'o.id', 's.directoryOrganizationId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.reviewStatus', '=', 'approved')
    .where(sql<boolean>`(s.assured_date is null or s.assured_date <= ${cutoff}::date)`);
  q = 'offPlatform' in keeper ? q.where('o.organisationId', 'is', null) : q.where('o.organisationId', '=', keeper.organisationId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

// ---- writes -----------------------------------------------------------------------------------------------------------

/** A row's columns as the database takes them: lists and labels as JSON text. */
export function jsonColumns<T extends Record<string, unknown>>(values: T): { [K in keyof T]: T[K] extends readonly unknown[] | Record<string, unknown> ? string : T[K] } {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v])) as never;
}

/** Writes a change if `version` is still current; false when someone changed the row first. */
export async function updateVersioned(
  trx: Trx,
  table: 'directoryOrganization' | 'directoryLocation' | 'directoryService',
  id: string,
  version: number,
  values: Record<string, unknown>,
): Promise<boolean> {
  const result = await trx
    .updateTable(table)
    .set({ ...jsonColumns(values), version: sql`version + 1` } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces the places a service is given at. */
export async function setServiceLocations(trx: Trx, serviceId: string, locationIds: string[], at: Date): Promise<void> {
  await trx.deleteFrom('directoryServiceLocation').where('serviceId', '=', serviceId).execute();
  if (locationIds.length === 0) return;
  await trx
    .insertInto('directoryServiceLocation')
    .values(locationIds.map((locationId) => ({ serviceId, locationId, createdAt: at, updatedAt: at })))
    .execute();
}
