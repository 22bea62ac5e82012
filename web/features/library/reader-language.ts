// The language the library is read in: the UI language (the header's language switch changes both).
import { useTranslation } from 'react-i18next';
import { LIBRARY_LANGUAGES } from '#shared/lib/languages.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { useMe } from '#web/features/account/me.api.ts';

export function isLibraryLanguage(value: unknown): value is LibraryLanguage {
  return typeof value === 'string' && (LIBRARY_LANGUAGES as readonly string[]).includes(value);
}

export function useReaderLanguage(): LibraryLanguage {
  const { i18n } = useTranslation();
  return isLibraryLanguage(i18n.language) ? i18n.language : 'en';
}

/** Fully signed in (password and second factor): professionals-only chapters open. */
export function useSignedIn(): boolean {
  return useMe().data?.signInStep === 'done';
}

/** A date in the reader's language, e.g. "12 March 2026" / "12 martie 2026" / "12. mars 2026". */
export function formatDate(date: Date, lang: LibraryLanguage): string {
  const locale = lang === 'nb' ? 'nb-NO' : lang === 'ro' ? 'ro-RO' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}
