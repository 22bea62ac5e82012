// Languages offered when recording in which language consent was explained (ISO 639-1), named in the page's language.
export const EXPLAINED_IN = ['ro', 'en', 'nb', 'uk', 'ru', 'bg', 'hu', 'pl', 'de', 'fr', 'es', 'it', 'tr', 'ar', 'fa', 'vi', 'zh', 'so', 'ti'] as const;

export function languageOptions(uiLanguage: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([uiLanguage], { type: 'language' });
  return EXPLAINED_IN.map((code) => ({ value: code, label: names.of(code) ?? code }));
}
