// Library search as you type: one request per settled query; a newer query aborts the older one's request.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { request } from '#web/lib/api.ts';
import { searchResponseDecoder } from './library.decoders.ts';

export const SEARCH_MIN_CHARS = 2;
export const SEARCH_LIMIT = 20;

export interface SearchInput {
  q: string;
  lang: LibraryLanguage;
  publication: string;
}

export function useLibrarySearch({ q, lang, publication }: SearchInput) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: ['library', 'search', trimmed, lang, publication] as const,
    // NOTE: TanStack Query aborts `signal` when the key changes before the answer arrives (stale keystrokes).
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ q: trimmed, lang, limit: String(SEARCH_LIMIT) });
      if (publication) params.set('publication', publication);
      return request('GET', `/api/library/search?${params}`, { schema: searchResponseDecoder, signal });
    },
    enabled: trimmed.length >= SEARCH_MIN_CHARS,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
