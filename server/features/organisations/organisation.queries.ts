// Organisation rows: Kysely only, no rules. Functions take `db` or a transaction first.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

export const ORGANISATION_COLUMNS = [
  'organisation.id',
  'organisation.name',
  'organisation.type',
  'organisation.country',
  'organisation.city',
  'organisation.email',
  'organisation.phone',
  'organisation.website',
  'organisation.isDemo',
  'organisation.createdAt',
  'organisation.updatedAt',
  'organisation.version',
] as const;

export interface OrganisationValues {
  name: string;
  type: string;
  country: string;
  city: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
}

export function findOrganisation(db: Db, id: string) {
  return db.selectFrom('organisation').select(ORGANISATION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Takes the organisation's row lock: membership changes of one organisation run one at a time. */
export async function lockOrganisation(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return row !== undefined;
}

export function listOrganisations(db: Db) {
  return db
    .selectFrom('organisation')
    .select(ORGANISATION_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('membership')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('membership.organisationId', '=', 'organisation.id')
        .as('memberCount'),
    )
    .orderBy('organisation.name')
    .execute();
}

export function findOrganisationsByName(db: Db, name: string) {
  return db.selectFrom('organisation').select(ORGANISATION_COLUMNS).where('name', '=', name).execute();
}

export function insertOrganisation(db: Db, values: OrganisationValues & { isDemo?: boolean }, now: Date) {
  return db
    .insertInto('organisation')
    .values({ ...values, isDemo: values.isDemo ?? false, createdAt: now, updatedAt: now })
    .returning(ORGANISATION_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Updates only if `version` is still current; undefined when someone else changed the row first. */
export function updateOrganisation(db: Db, id: string, version: number, values: OrganisationValues, now: Date) {
  return db
    .updateTable('organisation')
    .set({ ...values, updatedAt: now, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(ORGANISATION_COLUMNS)
    .executeTakeFirst();
}
