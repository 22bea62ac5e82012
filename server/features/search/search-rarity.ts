// How rare each word of an any-terms search is among a language's sections (its weight in the ranking), counted once
// and kept in memory (search-memo.ts) rather than counted again by every search.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '#server/db/db.ts';
import { remembered } from './search-memo.ts';
import type { QueryTerm, SearchScope } from './search.queries.ts';

/** How many sections of a language are counted for a term's rarity, and how many sections in all. */
const DF_CAP = 150;
const SECTIONS_CAP = 1000;

/**
 * Each term's idf, ln((N + 1) / (df + 1)) over the sections of the scope's language (and publication), N capped at
 * SECTIONS_CAP and df at DF_CAP; 0 for a term with no lexeme (only stop words: it is left out of the search).
 */
export async function termRarity(db: Db, scope: SearchScope, terms: QueryTerm[], each: RawBuilder<string>[]): Promise<number[]> {
  const keys = terms.map((t) => JSON.stringify(['idf', scope.language, scope.publicationSlug ?? null, t.word, t.prefix, t.synonyms]));
  return remembered(db, keys, (missing) => countRarity(db, scope, missing.map((i) => each[i]!)));
}

async function countRarity(db: Db, scope: SearchScope, each: RawBuilder<string>[]): Promise<number[]> {
  const inPublication =
    scope.publicationSlug === undefined ? sql`` : sql`and ss.publication_id = (select id from publication where slug = ${scope.publicationSlug})`;
  const inScope = sql`ss.language = ${scope.language} ${inPublication}`;
  const { rows } = await sql<{ n: number; idf: number }>`with total as materialized (
      select count(*) as n from (select 1 from section_search ss where ${inScope} limit ${SECTIONS_CAP}) x)
    select v.n, ln((total.n + 1.0) / (least(total.n, (select count(*) from (select 1 from section_search ss
        where ${inScope} and ss.document @@ v.tsq limit ${DF_CAP}) x)) + 1.0))::float8 as idf
    from (values ${sql.join(each.map((t, i) => sql`(${i}, ${t})`))}) v(n, tsq)
    cross join total
    where numnode(v.tsq) > 0`.execute(db);
  const idf = each.map(() => 0);
  for (const row of rows) idf[Number(row.n)] = Number(row.idf);
  return idf;
}
