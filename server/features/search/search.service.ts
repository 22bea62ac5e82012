// Library search: full-text search of the published library per language, ranked title > headings > body, with
// highlighted snippets, results as you type, thesaurus synonyms, and — when the query as typed finds little —
// spelling correction and then sections matching most of the words (partial results).
import type { Ctx } from '#server/context.ts';
import type { SearchQuery, SearchResponse, SearchResult } from '#shared/search/search.schema.ts';
import { canSearchProfessionalChapters } from './search.policy.ts';
import { tsConfig } from './search-language.ts';
import { synonymsOf, thesaurusOf, type Thesaurus } from './search-thesaurus.ts';
import {
  MARK_START,
  MARK_STOP,
  searchAnyTerms,
  searchCorrected,
  searchSections,
  typedQuery,
  type QueryTerm,
  type SearchAnswer,
  type SearchRow,
  type SearchScope,
} from './search.queries.ts';

/** Fewer results than this and the query is spell-corrected, then searched for any of its words. */
const FEW_RESULTS = 3;
const MAX_WORDS = 8;

/**
 * Searches published section texts in one language. Plain words are expanded with the thesaurus and must all match;
 * when that finds little, the words are spell-corrected, and then sections matching most of them are offered, marked
 * partial. One statement when the first finds enough, at most three.
 */
export async function searchLibrary(ctx: Ctx, query: SearchQuery): Promise<SearchResponse> {
  const scope: SearchScope = {
    language: query.lang,
    config: tsConfig(query.lang),
    publicationSlug: query.publication,
    includeProfessionals: canSearchProfessionalChapters(ctx.actor),
    limit: query.limit,
  };
  const words = wordsOf(query.q);
  const thesaurus = await thesaurusOf(ctx.db);
  const terms = hasSearchSyntax(query.q) || words.length === 0 ? null : termsOf(thesaurus, query.lang, query.q, words);
  const { head, prefix } = splitTyping(query.q);
  const first = terms === null ? await searchSections(ctx.db, scope, typedQuery(scope.config, head, prefix)) : await searchAnyTerms(ctx.db, scope, terms, false);
  if (first.rows.length >= FEW_RESULTS || words.length === 0) return present(first, null);
  const fixed = await searchCorrected(ctx.db, scope, words);
  const corrected = fixed.corrected !== words.join(' ') ? fixed.corrected : null;
  const best = corrected !== null && fixed.rows.length > first.rows.length ? present(fixed, corrected) : present(first, null);
  if (terms === null || terms.length < 2 || best.results.length >= FEW_RESULTS) return best;
  const any = await searchAnyTerms(ctx.db, scope, withCorrections(thesaurus, query.lang, terms, corrected), true);
  return any.rows.length > best.results.length ? present(any, corrected) : best;
}

/** Quotes, exclusions (-word) and "or" are websearch syntax: such a query is searched as typed, without the thesaurus. */
function hasSearchSyntax(q: string): boolean {
  return /"|(^|\s)-|(^|\s)or(\s|$)/i.test(q);
}

/** The words of a plain query with their synonyms; the last one is a prefix while it is being typed. */
function termsOf(thesaurus: Thesaurus, language: string, q: string, words: string[]): QueryTerm[] {
  const typing = splitTyping(q).prefix !== null;
  return words.map((word, i) => ({ word, prefix: typing && i === words.length - 1, synonyms: synonymsOf(thesaurus, language, word) }));
}

/** Adds each spelling-corrected word (and its synonyms) to the term of the word as typed. */
function withCorrections(thesaurus: Thesaurus, language: string, terms: QueryTerm[], corrected: string | null): QueryTerm[] {
  const fixes = corrected?.split(' ') ?? [];
  return terms.map((term, i) => {
    const fix = fixes[i];
    if (fix === undefined || fix === term.word) return term;
    return { ...term, synonyms: [...new Set([...term.synonyms, fix, ...synonymsOf(thesaurus, language, fix)])] };
  });
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

/** NOTE: letters and digits only, so a word can be given to to_tsquery with :* appended without injecting syntax. */
function wordsOf(q: string): string[] {
  return (q.toLowerCase().match(/\p{L}[\p{L}\p{N}]*/gu) ?? []).slice(0, MAX_WORDS);
}

function present(answer: SearchAnswer, didYouMean: string | null): SearchResponse {
  return { results: answer.rows.map(toResult), didYouMean, hiddenProfessional: answer.hidden };
}

function toResult(row: SearchRow): SearchResult {
  return {
    publication: { slug: row.publicationSlug, title: row.publicationTitle },
    chapter: { slug: row.chapterSlug, title: row.chapterTitle },
    section: { slug: row.sectionSlug, title: row.sectionTitle },
    snippetHtml: snippetHtml(row.snippet),
    rank: row.rank,
    partial: row.matched < row.terms,
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
