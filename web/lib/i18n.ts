// i18next with the catalogues web/locales/<lang>/<namespace>.json, one namespace per feature, one chunk per file.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES } from '#shared/lib/languages.ts';
import type { Language } from '#shared/auth/me.schema.ts';

type Strings = { default: Record<string, unknown> };

// NOTE: one chunk per language and namespace. The reader route loads only the namespaces it renders with (about
// 2 KB gzip instead of 10 KB for a whole language, docs/decisions/010); every other page is lazy, and its route
// loader waits for the rest (loadAllNamespaces, called from web/routes.tsx). The shell (header, navigation, footer,
// quick exit) renders on every page before any page loader ran, so everything it shows comes from SHELL_NAMESPACES,
// which are always loaded: a key of a page's namespace there showed raw until that page was opened (issue 8).
const FILES = import.meta.glob<Strings>('../locales/*/*.json');
/** The shell's (`common`; its offline indicator's strings are in `library`), which are all the reader needs too. */
const SHELL_NAMESPACES = ['common', 'library'];

function namespacesOf(language: Language): string[] {
  const prefix = `../locales/${language}/`;
  return Object.keys(FILES)
    .filter((file) => file.startsWith(prefix))
    .map((file) => file.slice(prefix.length, -'.json'.length));
}

/** Set once a page outside the reader has been opened: from then on a language switch loads every namespace. */
let wantsAll = false;

async function loadNamespaces(language: Language, namespaces: string[]): Promise<void> {
  const missing = namespaces.filter((ns) => !i18n.hasResourceBundle(language, ns));
  await Promise.all(
    missing.map(async (ns) => {
      const { default: strings } = await FILES[`../locales/${language}/${ns}.json`]!();
      i18n.addResourceBundle(language, ns, strings, true, true);
    }),
  );
}

/** The strings the pages in use need, in one language; switching to it afterwards needs no download. */
export function loadLanguage(language: Language): Promise<void> {
  return loadNamespaces(language, wantsAll ? namespacesOf(language) : SHELL_NAMESPACES);
}

/** Before a page outside the reader renders: every namespace of the language in use. */
export function loadAllNamespaces(): Promise<void> {
  wantsAll = true;
  return loadLanguage(isLanguage(i18n.language) ? i18n.language : first);
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
  });

/**
 * The reader's strings in every language, so that switching needs no download (also offline). The library's offline
 * warm-up calls it once the page has rendered (web/features/library/offline.ts): loading them earlier would compete
 * with the page's own requests on a slow connection.
 */
export function loadAllLanguages(): Promise<unknown> {
  return Promise.all(LANGUAGES.map(loadLanguage));
}

export default i18n;
