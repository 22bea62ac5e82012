// Anonymous daily usage counters of the library (views and downloads). Kysely only.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

export interface UsageKey {
  day: string;
  publicationId: string;
  chapterSlug: string;
  language: string;
  kind: 'view' | 'download';
  country: string;
}

export async function countUsage(db: Db, key: UsageKey): Promise<void> {
  await db
    .insertInto('libraryUsage')
    .values({ ...key, count: 1 })
    .onConflict((oc) => oc.columns(['day', 'publicationId', 'chapterSlug', 'language', 'kind', 'country']).doUpdateSet({ count: sql`library_usage.count + 1` }))
    .execute();
}

/** Records that a client was counted until `expiresAt`; true when it was not counted for this already (or that expired). */
export async function claimUsageKey(db: Db, key: string, now: Date, expiresAt: Date): Promise<boolean> {
  const row = await db
    .insertInto('libraryUsageSeen')
    .values({ key, expiresAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ expiresAt }).where('libraryUsageSeen.expiresAt', '<=', now))
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteExpiredUsageKeys(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('libraryUsageSeen').where('expiresAt', '<=', now).execute();
}

export function findOrganisationCountry(db: Db, organisationId: string) {
  return db.selectFrom('organisation').select('country').where('id', '=', organisationId).executeTakeFirst();
}

/** Counts summed over the days from..to (inclusive), per publication, chapter, language, kind and country. */
export function usageBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('libraryUsage')
    .innerJoin('publication', 'publication.id', 'libraryUsage.publicationId')
    .select([
      'publication.slug as publicationSlug',
      'libraryUsage.chapterSlug',
      'libraryUsage.language',
      'libraryUsage.kind',
      'libraryUsage.country',
      sql<number>`sum(library_usage.count)::int`.as('count'),
    ])
    .where('libraryUsage.day', '>=', sql<Date>`${from}::date`)
    .where('libraryUsage.day', '<=', sql<Date>`${to}::date`)
    .groupBy(['publication.slug', 'libraryUsage.chapterSlug', 'libraryUsage.language', 'libraryUsage.kind', 'libraryUsage.country'])
    .orderBy('publication.slug')
    .orderBy('libraryUsage.chapterSlug')
    .orderBy('libraryUsage.language')
    .orderBy('libraryUsage.kind')
    .orderBy('libraryUsage.country')
    .execute();
}
