// Library search: GET /api/library/search?q=&lang=&publication=&limit= (public; professionals-only chapters only
// for signed-in readers). Results as you type: the last word of q is matched as a prefix; words are expanded with the
// thesaurus (content/search/), and a query whose words never all meet falls back to sections matching most of them.
import { z } from 'zod';
import { queryInt, searchText } from '../lib/input.ts';
import { LibraryLanguageSchema, Slug } from '../library/library.schema.ts';
import { SEARCH_LIMIT_MAX, SEARCH_QUERY_MAX } from './search-limits.ts';

export const SearchQuerySchema = z.object({
  q: searchText(SEARCH_QUERY_MAX),
  lang: LibraryLanguageSchema,
  /** A publication slug: only that publication is searched. */
  publication: Slug.optional(),
  limit: queryInt(1, SEARCH_LIMIT_MAX).default(10),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

const Named = z.object({ slug: z.string(), title: z.string() });

export const SearchResultSchema = z.object({
  publication: Named,
  chapter: Named,
  /** Link: /library/<publication>/<chapter>#<section slug>. */
  section: Named,
  /** Text around the matches: HTML-escaped text in which only <mark>…</mark> is markup. */
  snippetHtml: z.string(),
  rank: z.number(),
  /** The section matches only some of the query's words (found by the any-words fallback). */
  partial: z.boolean(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SearchResponseSchema = z.object({
  results: z.array(SearchResultSchema),
  /** Set when the query as typed found little and a spelling-corrected query found more: the results are for it. */
  didYouMean: z.string().nullable(),
  /**
   * Anonymous callers: how many professionals-only sections also match (a count only, at most 100), shown with a
   * sign-in link; 0 for signed-in readers.
   */
  hiddenProfessional: z.number().int().nonnegative(),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
