// Names the directory shows in the reader's language: categories, counties, languages (from the browser's own
// Intl.DisplayNames, so every ISO 639-1 code has a name without a list to keep), dates.
import { CATEGORY_LABELS, type ServiceCategory } from '#shared/directory/taxonomy.ts';
import { regionName } from '#shared/directory/regions.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { formatDate, useReaderLanguage } from '#web/features/library/reader-language.ts';

const LOCALE: Record<LibraryLanguage, string> = { en: 'en-GB', ro: 'ro-RO', nb: 'nb-NO' };

const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

export function useDirectoryLabels() {
  const lang = useReaderLanguage();
  const languages = new Intl.DisplayNames([LOCALE[lang]], { type: 'language' });
  return {
    lang,
    category: (code: string) => CATEGORY_LABELS[code as ServiceCategory]?.[lang] ?? code,
    region: (code: string) => regionName(code) ?? code,
    language: (code: string) => capitalised(languages.of(code) ?? code),
    day: (iso: string) => formatDate(new Date(`${iso.slice(0, 10)}T12:00:00Z`), lang),
    dateTime: (iso: string) => new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso)),
  };
}
export type DirectoryLabels = ReturnType<typeof useDirectoryLabels>;

/** "Adults (18+)", "Under 18", "16–25", or null for everyone. */
export function ageKey(min: number | null, max: number | null): { key: string; values: Record<string, number> } | null {
  if (min === null && max === null) return null;
  if (max === null) return { key: 'ageFrom', values: { min: min! } };
  if (min === null || min === 0) return { key: 'ageUpTo', values: { max } };
  return { key: 'ageRange', values: { min, max } };
}
