// i18next with the catalogues web/locales/<lang>/<namespace>.json, one namespace per feature, one chunk per language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '#shared/auth/me.schema.ts';

type Catalogues = Record<string, { default: Record<string, unknown> }>;

// NOTE: one chunk per language, so a reader downloads only the strings of the language in use.
const CATALOGUES: Record<Language, () => Promise<{ default: Catalogues }>> = {
  en: () => import('../locales/en.ts'),
  ro: () => import('../locales/ro.ts'),
  nb: () => import('../locales/nb.ts'),
};

async function loadLanguage(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'common')) return;
  const { default: files } = await CATALOGUES[language]();
  for (const [file, mod] of Object.entries(files)) {
    const ns = /\/([a-z-]+)\.json$/.exec(file)?.[1];
    if (ns) i18n.addResourceBundle(language, ns, mod.default, true, true);
  }
}

const STORAGE_KEY = 'ph.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered choice, else the browser's first language we have (Norwegian variants map to Bokmål). */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'no' || base === 'nn') return 'nb';
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void loadLanguage(language).then(() => i18n.changeLanguage(language));
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

const first = initialLanguage();

/** Resolves once the first language's strings are in; main.tsx renders after it. */
export const i18nReady: Promise<unknown> = i18n
  .use(initReactI18next)
  .init({
    resources: {},
    lng: first,
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(() => loadLanguage(first))
  .then(() => i18n.changeLanguage(first))
  .then(() => {
    document.documentElement.lang = first;
    // The other languages follow when the browser is idle, so switching (also offline) needs no download.
    const later = () => void Promise.all(LANGUAGES.map(loadLanguage)).catch(() => undefined);
    if ('requestIdleCallback' in window) window.requestIdleCallback(later);
    else setTimeout(later, 2000);
  });

export default i18n;
