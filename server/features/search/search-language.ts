// Which text search configuration each library language uses (configurations: migration 2026-11-28T0020).
import type { LibraryLanguage } from '#shared/library/library.schema.ts';

/** ro and en fold diacritics inside the configuration; nb keeps æ/ø/å (see the migration for why). */
export const TS_CONFIG: Record<LibraryLanguage, string> = {
  ro: 'ph_romanian',
  en: 'ph_english',
  nb: 'norwegian',
};

/** Whether words are also remembered without diacritics for typo correction ("traficanti" next to "traficanți"). */
export const FOLDS_DIACRITICS: Record<LibraryLanguage, boolean> = { ro: true, en: true, nb: false };

export function tsConfig(language: string): string {
  const config = TS_CONFIG[language as LibraryLanguage];
  if (!config) throw new Error(`no search configuration for language ${language}`);
  return config;
}
