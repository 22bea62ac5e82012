// Kysely for the search thesaurus: synonym groups per language, as search reads them and as the desk changes them.
import { sql, type Transaction } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';

type Executor = Db | Transaction<Database>;

export interface GroupRow {
  id: string;
  language: string;
  terms: string[];
  version: number;
}

function selectGroups(db: Executor) {
  return db.selectFrom('searchSynonymGroup').select(['id', 'language', 'terms', 'version']).orderBy('position').orderBy('createdAt').orderBy('id');
}

/** Every group of every language (a few hundred rows at most): what search builds its thesaurus from. */
export function listAllGroups(db: Executor): Promise<GroupRow[]> {
  return selectGroups(db).execute();
}

export function listGroups(db: Executor, language: string): Promise<GroupRow[]> {
  return selectGroups(db).where('language', '=', language).execute();
}

export function findGroup(db: Executor, id: string): Promise<GroupRow | undefined> {
  return selectGroups(db).where('id', '=', id).executeTakeFirst();
}

export async function countGroups(db: Executor, language: string): Promise<number> {
  const row = await db.selectFrom('searchSynonymGroup').select((eb) => eb.fn.countAll<number>().as('count')).where('language', '=', language).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Adds a group after the last one of its language. */
export async function insertGroup(trx: Transaction<Database>, row: { language: string; terms: string[]; updatedBy: string | null; at: Date }): Promise<string> {
  const inserted = await trx
    .insertInto('searchSynonymGroup')
    .values({
      language: row.language,
      terms: JSON.stringify(row.terms),
      position: sql<number>`(select coalesce(max(position), 0) + 1 from search_synonym_group where language = ${row.language})`,
      updatedBy: row.updatedBy,
      createdAt: row.at,
      updatedAt: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Writes new terms if `version` is still current; false when someone changed the group first. */
export async function updateGroupTerms(trx: Transaction<Database>, id: string, version: number, change: { terms: string[]; updatedBy: string | null; at: Date }): Promise<boolean> {
  const result = await trx
    .updateTable('searchSynonymGroup')
    .set({ terms: JSON.stringify(change.terms), updatedBy: change.updatedBy, updatedAt: change.at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes a group if `version` is still current; false otherwise. */
export async function deleteGroup(trx: Transaction<Database>, id: string, version: number): Promise<boolean> {
  const result = await trx.deleteFrom('searchSynonymGroup').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
