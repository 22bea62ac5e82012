// Limits of library search, as plain constants: the search box on the reader route needs them, and importing the
// schema module would bring zod into the reader's bundle (docs/decisions/010).

/** Characters of a query. */
export const SEARCH_QUERY_MAX = 200;
/** Results of one request. */
export const SEARCH_LIMIT_MAX = 50;
