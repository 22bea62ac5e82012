// Help now: the public list of emergency numbers and helplines (no zod: the chapter aside ships with the reader).
import { useQuery } from '@tanstack/react-query';
import type { HelpContactList, HelpCountry } from '#shared/help/help-contact.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { asSent, request } from '#web/lib/api.ts';

export const helpKeys = {
  all: ['help'] as const,
  list: (lang: LibraryLanguage) => ['help', 'contacts', lang] as const,
  desk: ['help', 'desk'] as const,
};

/**
 * Every published contact in one language. NOTE: the chapter aside filters this same list by chapter instead of
 * asking the server again, so the list fetched once serves the /help page and every chapter.
 */
export function useHelpContacts(lang: LibraryLanguage) {
  return useQuery({
    queryKey: helpKeys.list(lang),
    queryFn: () => request('GET', `/api/help/contacts?lang=${lang}`, { schema: asSent<HelpContactList>() }),
    staleTime: 10 * 60_000,
  });
}

/** The country whose numbers a reader of each language most likely needs first; English readers see both. */
export const LIKELY_COUNTRY: Record<LibraryLanguage, HelpCountry | 'all'> = { ro: 'RO', nb: 'NO', en: 'all' };

/** The order countries are listed in for each language (its own country first). */
export const COUNTRY_ORDER: Record<LibraryLanguage, HelpCountry[]> = { ro: ['RO', 'NO'], nb: ['NO', 'RO'], en: ['RO', 'NO'] };

/** A number as a tel: link takes it: digits and a leading + only. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** "nkom.no" for "https://nkom.no/…": what a reader recognises as the source. */
export function sourceHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
