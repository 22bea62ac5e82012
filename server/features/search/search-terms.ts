// The tsquery of each query word with its thesaurus synonyms, built by PostgreSQL once and then kept in memory: the
// same words are searched again and again, and a search statement that holds ready tsqueries plans faster.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '#server/db/db.ts';
import { termQuery, type QueryTerm } from './search.queries.ts';

const MAX_ENTRIES = 5_000;
/** NOTE: a term's tsquery depends only on the text search configuration and its synonyms (part of the key). */
const built = new Map<string, string>();

/** Called when the thesaurus changes: entries of the old synonyms would never be asked for again. */
export function forgetTermQueries(): void {
  built.clear();
}

/** Each term as a tsquery constant (its text form, cast back), in the order given. */
export async function termQueries(db: Db, config: string, terms: QueryTerm[]): Promise<RawBuilder<string>[]> {
  const keys = terms.map((t) => JSON.stringify([config, t.word, t.prefix, t.synonyms]));
  const missing = keys.flatMap((key, i) => (built.has(key) ? [] : [i]));
  if (missing.length > 0) {
    const columns = missing.map((i, j) => sql`(${termQuery(config, terms[i]!)})::text as ${sql.ref(`t${j}`)}`);
    const { rows } = await sql<Record<string, string>>`select ${sql.join(columns)}`.execute(db);
    if (built.size + missing.length > MAX_ENTRIES) built.clear();
    missing.forEach((i, j) => built.set(keys[i]!, rows[0]![`t${j}`]!));
  }
  return keys.map((key) => sql<string>`${built.get(key)!}::tsquery`);
}
