// The aid's content in the reader's language: content/identification-aid/<lang>.json, one chunk per language, loaded
// on demand and kept (the offline warm-up loads all three so a language switch works without a connection).
import { useQuery } from '@tanstack/react-query';
import type { AidContent } from '#shared/identify/aid-content.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';

const FILES = import.meta.glob<{ default: AidContent }>('../../../content/identification-aid/*.json');

export function loadAidContent(lang: LibraryLanguage): Promise<AidContent> {
  const load = FILES[`../../../content/identification-aid/${lang}.json`];
  if (!load) return Promise.reject(new Error(`No aid content in ${lang}`));
  return load().then((module) => module.default);
}

export function useAidContent(lang: LibraryLanguage) {
  return useQuery({ queryKey: ['identify', 'content', lang], queryFn: () => loadAidContent(lang), staleTime: Infinity, gcTime: Infinity });
}

export function loadAllAidContent(): Promise<unknown> {
  return Promise.all((['en', 'ro', 'nb'] as const).map(loadAidContent));
}
