// Reading the library: publication list, table of contents and chapter pages, each in the reader's language.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { request } from '#web/lib/api.ts';
import { chapterPageDecoder, publicationListDecoder, publicationTocDecoder } from './library.decoders.ts';

const BASE = '/api/library/publications';

export const libraryKeys = {
  all: ['library'] as const,
  list: (lang: LibraryLanguage) => ['library', 'publications', lang] as const,
  toc: (slug: string, lang: LibraryLanguage) => ['library', 'toc', slug, lang] as const,
  chapter: (slug: string, chapter: string, lang: LibraryLanguage, signedIn: boolean) =>
    ['library', 'chapter', slug, chapter, lang, signedIn] as const,
};

export function usePublications(lang: LibraryLanguage) {
  return useQuery({
    queryKey: libraryKeys.list(lang),
    queryFn: () => request('GET', `${BASE}?lang=${lang}`, { schema: publicationListDecoder }),
  });
}

/** A publication's table of contents, as a query (also for useQueries over several publications). */
export function tocQuery(slug: string, lang: LibraryLanguage) {
  return {
    queryKey: libraryKeys.toc(slug, lang),
    queryFn: () => request('GET', `${BASE}/${encodeURIComponent(slug)}?lang=${lang}`, { schema: publicationTocDecoder }),
  };
}

export function useToc(slug: string, lang: LibraryLanguage) {
  return useQuery({ ...tocQuery(slug, lang), placeholderData: keepPreviousData });
}

/** `signedIn` is part of the key so a 401 for a professionals-only chapter is fetched again after sign-in. */
export function useChapter(slug: string, chapter: string, lang: LibraryLanguage, signedIn: boolean) {
  return useQuery({
    queryKey: libraryKeys.chapter(slug, chapter, lang, signedIn),
    queryFn: () =>
      request('GET', `${BASE}/${encodeURIComponent(slug)}/chapters/${encodeURIComponent(chapter)}?lang=${lang}`, {
        schema: chapterPageDecoder,
      }),
    // NOTE: while the other language loads, the old text stays on screen so the reader's place can be kept.
    placeholderData: (previous) => (previous?.publication.slug === slug && previous.slug === chapter ? previous : undefined),
  });
}

export function pdfUrl(slug: string, lang: LibraryLanguage): string {
  return `${BASE}/${encodeURIComponent(slug)}/pdf?lang=${lang}`;
}
