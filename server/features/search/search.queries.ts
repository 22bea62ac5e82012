// Kysely for library search: one statement ranks the matching section texts and cuts snippets for the top rows only.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { FOLDS_DIACRITICS } from './search-language.ts';

/** Start and stop of a highlight inside ts_headline output; markdown-text.ts strips them from indexed text. */
export const MARK_START = '\u0001';
export const MARK_STOP = '\u0002';

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

export interface SearchScope {
  language: string;
  config: string;
  publicationSlug: string | undefined;
  /** Signed-in readers also search professionals-only chapters. */
  includeProfessionals: boolean;
  limit: number;
}

export interface SearchRow {
  publicationSlug: string;
  publicationTitle: string;
  chapterSlug: string;
  chapterTitle: string;
  sectionSlug: string;
  sectionTitle: string;
  snippet: string;
  rank: number;
}

/** The query as typed: websearch syntax ("quoted phrase", or, -word) plus, while typing, the last word as a prefix. */
export function typedQuery(config: string, head: string, prefix: string | null): RawBuilder<string> {
  const cfg = sql`${config}::regconfig`;
  const typed = sql<string>`websearch_to_tsquery(${cfg}, ${head})`;
  // NOTE: the prefix holds only letters and digits (search.service.ts), so appending :* cannot inject tsquery syntax.
  return prefix === null ? typed : sql<string>`(${typed} && to_tsquery(${cfg}, ${prefix} || ':*'))`;
}

export async function searchSections(db: Db, scope: SearchScope, tsquery: RawBuilder<string>): Promise<SearchRow[]> {
  const { rows } = await rankedSearch<SearchRow>(scope, sql`select ${tsquery} as tsq`, sql``).execute(db);
  return rows;
}

/**
 * Replaces each word by the most similar word of the language's vocabulary (trigram similarity ≥ 0.3; a correct
 * word is its own best match) and searches with the corrected words, in one statement.
 */
export async function searchCorrected(db: Db, scope: SearchScope, words: string[]): Promise<{ corrected: string; rows: SearchRow[] }> {
  // NOTE: similarity() cannot use the trigram index (the `%` operator that could is avoided, see docs/decisions/003)
  // and costs ~2.5 µs a word on PGlite; comparing only words with the same first letter (a range of the primary key)
  // cuts the scan about twentyfold. Typos in the first letter are therefore not corrected.
  const closest = sql`coalesce((select sw.word from search_word sw
      where sw.language = ${scope.language}
        and sw.word >= left(t.w, 1) and sw.word < chr(ascii(t.w) + 1) and left(sw.word, 1) = left(t.w, 1)
        and similarity(sw.word, t.w) >= 0.3
      order by similarity(sw.word, t.w) desc, sw.word limit 1), t.w)`;
  const q = sql`select plainto_tsquery(${scope.config}::regconfig, fixed.text) as tsq, fixed.text as corrected
    from (select string_agg(${closest}, ' ' order by t.n) as text
          from unnest(${words}::text[]) with ordinality as t(w, n)) fixed`;
  const { rows } = await rankedSearch<SearchRow & { corrected: string }>(scope, q, sql`, q.corrected`).execute(db);
  return { corrected: rows[0]?.corrected ?? words.join(' '), rows };
}

/** How many title/heading hits and how many body hits are ranked in full; with fewer matches the ranking is exact. */
const HEAD_CANDIDATES = 50;
const BODY_CANDIDATES = 120;
/** Characters of text around the first match given to ts_headline (it parses and stems every word it is given). */
const SNIPPET_WINDOW = 500;
const SNIPPET_LEAD = 200;

/**
 * NOTE: on PGlite every row ranked costs 5–25 µs and a common word ("trafficking" in this library) matches most
 * sections, so ranking all of them took 40–270 ms at 10,000 sections per language (docs/performance.md). The full
 * ts_rank_cd therefore runs on a bounded candidate set — the best title/heading hits (ranked on the small `head`
 * vector) and a slice of the body hits — and ts_headline only on the `limit` best, over a window of text around the
 * first match. Exact while a query matches at most BODY_CANDIDATES sections (every query on the library as written,
 * ~110 sections per language); beyond that, the best HEAD_CANDIDATES title/heading hits are always ranked, while
 * sections matching only in their body are sampled.
 */
function rankedSearch<R>(scope: SearchScope, q: RawBuilder<unknown>, extra: RawBuilder<unknown>): RawBuilder<R> {
  const lang = scope.language;
  const eligible = sql`ss.language = ${lang}
    ${scope.includeProfessionals ? sql`` : sql`and ss.chapter_id not in (select id from chapter where audience <> 'public')`}
    ${scope.publicationSlug === undefined ? sql`` : sql`and ss.publication_id = (select id from publication where slug = ${scope.publicationSlug})`}`;
  // NOTE: MATERIALIZED and the `offset 0` lateral keep the planner from flattening everything into one join tree:
  // planning that took 6–20 ms on PGlite, more than running it.
  return sql<R>`with q as (${q}),
    candidates as materialized (
      (select ss.section_id from section_search ss cross join q
        where ${eligible} and ss.head @@ q.tsq
        order by ts_rank_cd(ss.head, q.tsq) desc limit ${HEAD_CANDIDATES})
      union
      (select ss.section_id from section_search ss cross join q
        where ${eligible} and ss.document @@ q.tsq
        limit ${BODY_CANDIDATES})
    ),
    hits as materialized (
      select ss.section_id, ss.title, ss.plain_text, ts_rank_cd(ss.document, q.tsq) as rank
      from candidates cand
      join section_search ss on ss.section_id = cand.section_id and ss.language = ${lang}
      cross join q
      order by rank desc, ss.section_id
      limit ${scope.limit}
    )
    select d.publication_slug, d.publication_title, d.chapter_slug, d.chapter_title, d.section_slug,
      h.title as section_title,
      ts_headline(${scope.config}::regconfig, ${snippetWindow(scope.language)}, q.tsq, ${HEADLINE_OPTIONS}) as snippet,
      h.rank::float8 as rank ${extra}
    from hits h
    cross join q
    cross join lateral (
      select p.slug as publication_slug, coalesce(p.titles->>${lang}, p.titles->>p.source_language) as publication_title,
        c.slug as chapter_slug, coalesce(c.titles->>${lang}, c.titles->>p.source_language, c.slug) as chapter_title,
        s.slug as section_slug
      from section s
      join chapter c on c.id = s.chapter_id
      join publication p on p.id = c.publication_id
      where s.id = h.section_id
      offset 0
    ) d
    order by h.rank desc, h.section_id`;
}

/**
 * The text around the first query lexeme. Stems are prefixes of the words they come from ("traffick" of
 * "trafficking"), so strpos in the text folded as the index folds it finds the place; when it does not, the window
 * starts at the beginning of the text.
 */
function snippetWindow(language: string): RawBuilder<string> {
  const folded = FOLDS_DIACRITICS[language as LibraryLanguage] ? sql`ph_unaccent(lower(h.plain_text))` : sql`lower(h.plain_text)`;
  const lexeme = sql`coalesce(substring(querytree(q.tsq) from '''([^'']+)'''), '')`;
  const at = sql`case when ${lexeme} = '' then 0 else strpos(${folded}, ${lexeme}) end`;
  return sql<string>`substr(h.plain_text, greatest(1, ${at} - ${SNIPPET_LEAD}), ${SNIPPET_WINDOW})`;
}
