// Reads the identification aid's content (content/identification-aid/<lang>.json) for the printed cards; the web app
// bundles the same files.
import { readFileSync } from 'node:fs';
import type { AidContent } from '#shared/identify/aid-content.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';

const cache = new Map<LibraryLanguage, AidContent>();

export function aidContent(lang: LibraryLanguage): AidContent {
  let content = cache.get(lang);
  if (!content) {
    content = JSON.parse(readFileSync(new URL(`../../../content/identification-aid/${lang}.json`, import.meta.url), 'utf8')) as AidContent;
    cache.set(lang, content);
  }
  return content;
}
