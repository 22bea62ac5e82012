// Library search: full-text search of the published library per language, ranked title > headings > body, with
// highlighted snippets, results as you type, and spelling correction when the query as typed finds little.
import type { Ctx } from '#server/context.ts';
import type { SearchQuery, SearchResponse, SearchResult } from '#shared/search/search.schema.ts';
import { canSearchProfessionalChapters } from './search.policy.ts';
import { tsConfig } from './search-language.ts';
import { MARK_START, MARK_STOP, searchCorrected, searchSections, typedQuery, type SearchRow, type SearchScope } from './search.queries.ts';

/** Fewer results than this and the query is spell-corrected. */
const FEW_RESULTS = 3;
const MAX_WORDS = 8;

/** Searches published section texts in one language (one statement; two when the query is corrected). */
export async function searchLibrary(ctx: Ctx, query: SearchQuery): Promise<SearchResponse> {
  const scope: SearchScope = {
    language: query.lang,
    config: tsConfig(query.lang),
    publicationSlug: query.publication,
    includeProfessionals: canSearchProfessionalChapters(ctx.actor),
    limit: query.limit,
  };
  const { head, prefix } = splitTyping(query.q);
  const rows = await searchSections(ctx.db, scope, typedQuery(scope.config, head, prefix));
  if (rows.length >= FEW_RESULTS) return present(rows, null);
  const words = wordsOf(query.q);
  if (words.length === 0) return present(rows, null);
  const fixed = await searchCorrected(ctx.db, scope, words);
  const isBetter = fixed.corrected !== words.join(' ') && fixed.rows.length > rows.length;
  return isBetter ? present(fixed.rows, fixed.corrected) : present(rows, null);
}

/**
 * Results as you type: when the query ends inside a plain word of two or more letters, that word is matched as a
 * prefix ("interpre" finds "interpreter"); not inside an open "phrase" or after a minus (an exclusion).
 */
export function splitTyping(q: string): { head: string; prefix: string | null } {
  const last = /[\p{L}\p{N}]{2,}$/u.exec(q);
  if (!last) return { head: q, prefix: null };
  const head = q.slice(0, last.index);
  const insidePhrase = (q.match(/"/g)?.length ?? 0) % 2 === 1;
  const excluded = /(^|\s)-$/.test(head);
  return insidePhrase || excluded ? { head: q, prefix: null } : { head, prefix: last[0].toLowerCase() };
}

function wordsOf(q: string): string[] {
  return (q.toLowerCase().match(/\p{L}[\p{L}\p{N}]*/gu) ?? []).slice(0, MAX_WORDS);
}

function present(rows: SearchRow[], didYouMean: string | null): SearchResponse {
  return { results: rows.map(toResult), didYouMean };
}

function toResult(row: SearchRow): SearchResult {
  return {
    publication: { slug: row.publicationSlug, title: row.publicationTitle },
    chapter: { slug: row.chapterSlug, title: row.chapterTitle },
    section: { slug: row.sectionSlug, title: row.sectionTitle },
    snippetHtml: snippetHtml(row.snippet),
    rank: row.rank,
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Everything is escaped; only the highlight markers ts_headline put in become <mark>. */
export function snippetHtml(headline: string): string {
  return headline
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!)
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_STOP, '</mark>');
}
