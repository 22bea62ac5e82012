// Kysely for library search: one statement ranks the matching section texts and cuts snippets for the top rows only.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { FOLDS_DIACRITICS } from './search-language.ts';
import { termRarity } from './search-rarity.ts';
import { correctedWords } from './search-spelling.ts';
import { termQueries } from './search-terms.ts';

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
  /** Query terms the section matches and how many terms the query has (both 0 outside an any-terms search). */
  matched: number;
  terms: number;
}

export interface SearchAnswer {
  rows: SearchRow[];
  /** Anonymous callers: matching professionals-only sections, counted up to HIDDEN_MAX; 0 for signed-in readers. */
  hidden: number;
}

/** Hidden professionals-only matches are counted up to this many. */
export const HIDDEN_MAX = 100;

/** The query as typed: websearch syntax ("quoted phrase", or, -word) plus, while typing, the last word as a prefix. */
export function typedQuery(config: string, head: string, prefix: string | null): RawBuilder<string> {
  const cfg = sql`${config}::regconfig`;
  const typed = sql<string>`websearch_to_tsquery(${cfg}, ${head})`;
  // NOTE: the prefix holds only letters and digits (search.service.ts), so appending :* cannot inject tsquery syntax.
  return prefix === null ? typed : sql<string>`(${typed} && to_tsquery(${cfg}, ${prefix} || ':*'))`;
}

/** One query word and its thesaurus synonyms, any of which matches (a synonym of several words as a phrase). */
export interface QueryTerm {
  word: string;
  /** The word is still being typed: matched as a prefix. */
  prefix: boolean;
  synonyms: string[];
}

export function termQuery(config: string, term: QueryTerm): RawBuilder<string> {
  const cfg = sql`${config}::regconfig`;
  // NOTE: a prefix word holds only letters and digits (search.service.ts), so appending :* cannot inject syntax.
  const own = term.prefix ? sql`to_tsquery(${cfg}, ${term.word} || ':*')` : sql`plainto_tsquery(${cfg}, ${term.word})`;
  const words = term.synonyms.filter((s) => !/\s/.test(s));
  const phrases = term.synonyms.filter((s) => /\s/.test(s)).map((s) => sql`phraseto_tsquery(${cfg}, ${s})`);
  // NOTE: inflected forms ("copil", "copilul", "copilului") stem to a few lexemes; OR-ing each once keeps the query
  // small (ranking and snippets cost grows with its size).
  const lexemes = sql`coalesce((select to_tsquery('simple', string_agg(quote_literal(l), ' | '))
    from unnest(tsvector_to_array(to_tsvector(${cfg}, ${words.join(' ')}))) l), ''::tsquery)`;
  return sql<string>`(${sql.join([own, ...(words.length > 0 ? [lexemes] : []), ...phrases], sql` || `)})`;
}

interface HiddenColumn {
  hidden: number;
}

export async function searchSections(db: Db, scope: SearchScope, tsquery: RawBuilder<string>): Promise<SearchAnswer> {
  const { rows } = await rankedSearch<SearchRow & HiddenColumn>(scope, sql`select ${tsquery} as tsq`, sql``, null).execute(db);
  return answerOf(rows);
}

/**
 * Any of the terms matches (each by its word or a synonym); sections matching more, and rarer, terms come first, so a
 * section matching every word ranks above one matching some. With `perTerm`, candidates are also taken per term (up
 * to BODY_CANDIDATES matches of each), so the sections of a rare word are not crowded out by those of a common one.
 */
export async function searchAnyTerms(db: Db, scope: SearchScope, terms: QueryTerm[], perTerm: boolean): Promise<SearchAnswer> {
  const each = await termQueries(db, scope.config, terms);
  const q = sql`select (${sql.join(each, sql` || `)}) as tsq`;
  // NOTE: one term needs no weighting by rarity: its rank alone orders the sections (and costs no term counts).
  const mode = each.length > 1 ? { each, idf: await termRarity(db, scope, terms, each), perTerm } : null;
  const { rows } = await rankedSearch<SearchRow & HiddenColumn>(scope, q, sql``, mode).execute(db);
  return answerOf(rows);
}

/** The statement returns one row even when nothing matches (it carries the hidden count); that row is dropped. */
function answerOf<R extends SearchRow & HiddenColumn>(rows: R[]): { rows: R[]; hidden: number } {
  return { rows: rows.filter((r) => r.sectionSlug !== null), hidden: rows[0]?.hidden ?? 0 };
}

/**
 * Replaces each word by the most similar word of the language's vocabulary (trigram similarity ≥ 0.3; a correct
 * word is its own best match; search-spelling.ts) and searches with the corrected words.
 */
export async function searchCorrected(db: Db, scope: SearchScope, words: string[]): Promise<SearchAnswer & { corrected: string }> {
  const corrected = (await correctedWords(db, scope.language, words)).join(' ');
  const q = sql`select plainto_tsquery(${scope.config}::regconfig, ${corrected}) as tsq`;
  const { rows } = await rankedSearch<SearchRow & HiddenColumn>(scope, q, sql``, null).execute(db);
  return { corrected, ...answerOf(rows) };
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
 * sections matching only in their body are sampled. With `terms` (an any-terms search), sections matching more terms
 * rank first. The statement always returns at least one row, carrying the hidden professionals-only count.
 */
/** The terms of an any-terms search, and whether candidates are also taken per term. */
interface TermsMode {
  each: RawBuilder<string>[];
  /** Each term's weight by rarity (search-rarity.ts). */
  idf: number[];
  perTerm: boolean;
}

/** How many of the best candidates by rank are re-ranked by the terms they match. */
const RERANK = 40;

/** The parts of the statement that weigh the terms of an any-terms search (none for a single query). */
function termParts(scope: SearchScope, anyAudience: RawBuilder<unknown>, terms: TermsMode | null) {
  // NOTE: a term's weight is its rarity (idf = ln((N + 1) / (df + 1)) over the sections of the language): without
  // it, "pregnant victim" ranked first the sections saying "victim" most often, not the one about pregnancy.
  const termRows =
    terms === null
      ? sql`select 0 as n, null::tsquery as tsq, 0::float8 as idf where false`
      : sql`select v.n, v.tsq, v.idf from (values ${sql.join(terms.each.map((t, i) => sql`(${i + 1}, ${t}, ${terms.idf[i] ?? 0}::float8)`))}) v(n, tsq, idf)
          where numnode(v.tsq) > 0`;
  const perTerm = terms?.perTerm
    ? sql`union
      (select x.section_id, x.chapter_id from terms cross join lateral (
         select ss.section_id, ss.chapter_id from section_search ss where ${anyAudience} and ss.document @@ terms.tsq limit ${BODY_CANDIDATES}) x)`
    : sql``;
  // NOTE: each term adds its idf once when it matches, up to once more by its own rank (r / (1 + r) saturates), and
  // twice more when it is in the title or a heading (the section is about it; weight chosen on the relevance set).
  const perTermScore = sql`select count(*) filter (where x.r > 0)::int as matched,
      coalesce(sum(case when x.r > 0 then x.idf * (1 + x.r / (1 + x.r) + 2 * x.in_head) else 0 end), 0) as score
    from (select t.idf, ts_rank_cd(ss.document, t.tsq) as r, (ss.head @@ t.tsq)::int as in_head from terms t offset 0) x`;
  const scored = terms === null ? sql`select 0 as matched, 0::float8 as score` : perTermScore;
  const shortlist = terms === null ? scope.limit : Math.max(RERANK, scope.limit);
  // NOTE: an OR of words matches many titles (876 of 10,000 for "child protection"); ranking them all to keep the best
  // 50 cost more than the rest of the statement, so an any-terms search takes title hits unranked (all of them while
  // there are at most HEAD_CANDIDATES, as on the real library) and ranks them with the rest. A single query picks its
  // best title hits by ts_rank, about half the cost of ts_rank_cd on 472 title hits of "trafficking" (and only which
  // title hits become candidates depends on it: the candidates are then ranked by ts_rank_cd).
  const headOrder = terms === null ? sql`order by ts_rank(ss.head, q.tsq) desc` : sql``;
  return { termRows, perTerm, scored, shortlist, headOrder };
}

function rankedSearch<R>(scope: SearchScope, q: RawBuilder<unknown>, extra: RawBuilder<unknown>, terms: TermsMode | null): RawBuilder<R> {
  const lang = scope.language;
  const inPublication =
    scope.publicationSlug === undefined ? sql`` : sql`and ss.publication_id = (select id from publication where slug = ${scope.publicationSlug})`;
  const professional = sql`(select id from chapter where audience <> 'public')`;
  const anyAudience = sql`ss.language = ${lang} ${inPublication}`;
  const { termRows, perTerm, scored, shortlist, headOrder } = termParts(scope, anyAudience, terms);
  // NOTE: anonymous callers learn how many professionals-only sections match (a count, never titles). They are counted
  // among the candidates, which are taken from every chapter: a separate count cost ~13 ms at 10,000 sections per
  // language. Exact while the query matches at most BODY_CANDIDATES sections (the real library); a lower bound beyond.
  const hidden = scope.includeProfessionals
    ? sql`select 0 as n`
    : sql`select least(count(*), ${HIDDEN_MAX})::int as n from candidates where chapter_id in ${professional}`;
  const visible = scope.includeProfessionals ? sql`` : sql`where cand.chapter_id not in ${professional}`;
  // NOTE: MATERIALIZED and the `offset 0` laterals keep the planner from flattening everything into one join tree:
  // planning that took 6–20 ms on PGlite, more than running it.
  return sql<R>`with q as (${q}),
    terms as materialized (${termRows}),
    candidates as materialized (
      (select ss.section_id, ss.chapter_id from section_search ss cross join q
        where ${anyAudience} and ss.head @@ q.tsq
        ${headOrder} limit ${HEAD_CANDIDATES})
      union
      (select ss.section_id, ss.chapter_id from section_search ss cross join q
        where ${anyAudience} and ss.document @@ q.tsq
        limit ${BODY_CANDIDATES})
      ${perTerm}
    ),
    ranked as materialized (
      select ss.section_id, ts_rank_cd(ss.document, q.tsq) as rank
      from candidates cand
      join section_search ss on ss.section_id = cand.section_id and ss.language = ${lang}
      cross join q
      ${visible}
      order by rank desc, ss.section_id
      limit ${shortlist}
    ),
    hits as materialized (
      select ss.section_id, ss.title, ss.plain_text, r.rank, m.matched, m.score
      from ranked r
      join section_search ss on ss.section_id = r.section_id and ss.language = ${lang}
      cross join lateral (${scored} offset 0) m
      order by m.score desc, r.rank desc, ss.section_id
      limit ${scope.limit}
    ),
    hidden as materialized (${hidden}),
    results as (
      select d.publication_slug, d.publication_title, d.chapter_slug, d.chapter_title, d.section_slug,
        h.title as section_title,
        case when strpos(hl.snippet, ${MARK_START}) > 0 or not sw.in_text then hl.snippet
          else ts_headline(${scope.config}::regconfig, h.plain_text, q.tsq, ${HEADLINE_OPTIONS}) end as snippet,
        h.rank::float8 as rank, h.matched, (select count(*) from terms)::int as terms, h.score, h.section_id
      from hits h
      cross join q
      cross join lateral (${snippetStart(scope.language)}) sw
      -- NOTE: when no stem was found in the text as a prefix (or the window missed the match), the whole text is used.
      cross join lateral (select ts_headline(${scope.config}::regconfig, ${snippetWindow()}, q.tsq, ${HEADLINE_OPTIONS}) as snippet offset 0) hl
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
    )
    select r.publication_slug, r.publication_title, r.chapter_slug, r.chapter_title, r.section_slug, r.section_title,
      r.snippet, r.rank, r.matched, r.terms, hidden.n as hidden ${extra}
    from q cross join hidden
    left join results r on true
    order by r.score desc, r.rank desc, r.section_id`;
}

/**
 * Whether the text a snippet is cut from (headings and body: the B and C lexemes) matches at all. NOTE: a section
 * found by its title alone has nothing to highlight: its snippet is the start of its text, from the window at the
 * start, rather than from a headline of the whole text (the fallback when the window holds no match, ~1 ms a row).
 */
function matchesInText(lang: string): RawBuilder<boolean> {
  return sql<boolean>`(select ts_filter(t.document, '{b,c}') @@ q.tsq from section_search t
    where t.section_id = h.section_id and t.language = ${lang})`;
}

/**
 * Where the snippet window starts: SNIPPET_LEAD characters before the earliest place any query lexeme occurs. Stems
 * are prefixes of the words they come from ("traffick" of "trafficking"), so strpos in the text folded as the index
 * folds it finds the place; when no lexeme is found, the window starts at the beginning of the text.
 */
function snippetStart(language: string): RawBuilder<unknown> {
  const folded = FOLDS_DIACRITICS[language as LibraryLanguage] ? sql`ph_unaccent(lower(h.plain_text))` : sql`lower(h.plain_text)`;
  const lexemes = sql`regexp_matches(querytree(q.tsq), ${"'([^']+)'"}, 'g') as m`;
  const first = sql`(select min(nullif(strpos(f.text, m[1]), 0)) from ${lexemes})`;
  // NOTE: the text is folded once per row (the offset 0 subquery) rather than once per query lexeme.
  return sql`select case when f.in_text then greatest(1, coalesce(${first}, 1) - ${SNIPPET_LEAD}) else 1 end as start, f.in_text
    from (select ${folded} as text, ${matchesInText(language)} as in_text offset 0) f`;
}

/**
 * The text around the first match. NOTE: a window cut inside a word made snippets start mid-word ("ntului acolo…"),
 * so a word cut at either end of the window is dropped.
 */
function snippetWindow(): RawBuilder<string> {
  const window = sql`substr(h.plain_text, sw.start, ${SNIPPET_WINDOW})`;
  const headCut = sql`case when sw.start > 1 then regexp_replace(${window}, '^[^[:space:]]*[[:space:]]+', '') else ${window} end`;
  return sql<string>`case when sw.start + ${SNIPPET_WINDOW} <= char_length(h.plain_text)
    then regexp_replace(${headCut}, '[[:space:]]+[^[:space:]]*$', '') else ${headCut} end`;
}
