// What the thesaurus form checks before sending: the terms of the textarea (one per line, commas also split), each
// short enough, two to twenty of them, none already in another group of the language (compared without diacritics).
import { SYNONYM_TERMS_MAX, SYNONYM_TERM_MAX, type SynonymGroup } from '#shared/search/thesaurus.schema.ts';

export type TermsError = { kind: 'tooFew' } | { kind: 'tooMany' } | { kind: 'tooLong'; terms: string } | { kind: 'taken'; terms: string };

const fold = (term: string) => term.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** The terms written, lower case, spaces collapsed, each once. */
export function termsOf(text: string): string[] {
  return [...new Set(text.split(/[\n,]/).map((t) => t.toLowerCase().replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

export function checkTerms(terms: string[], others: SynonymGroup[]): TermsError | null {
  const long = terms.filter((t) => t.length > SYNONYM_TERM_MAX);
  if (long.length > 0) return { kind: 'tooLong', terms: long.join(', ') };
  if (terms.length < 2) return { kind: 'tooFew' };
  if (terms.length > SYNONYM_TERMS_MAX) return { kind: 'tooMany' };
  const mine = new Set(terms.map(fold));
  const taken = others.flatMap((g) => g.terms.filter((t) => mine.has(fold(t))));
  return taken.length > 0 ? { kind: 'taken', terms: [...new Set(taken)].join(', ') } : null;
}
