// The directory search the aid's outcome asks, one category at a time: only the category, country, county, age and
// interface language go out (never what was ticked). NOTE: asSent, not zod: the aid must stay small to load offline.
import { useQueries, useQuery } from '@tanstack/react-query';
import type { DirectorySearchResult } from '#shared/directory/directory-search.schema.ts';
import type { ServiceCategory } from '#shared/directory/taxonomy.ts';
import type { Country } from '#shared/directory/regions.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { asSent, request } from '#web/lib/api.ts';

export interface AidServiceQuery {
  category: ServiceCategory;
  country: Country;
  region?: string;
  age: number;
  lang: LibraryLanguage;
}

export function directorySearchPath(query: AidServiceQuery): string {
  const params = new URLSearchParams({ category: query.category, country: query.country, age: String(query.age), lang: query.lang });
  if (query.region) params.set('region', query.region);
  return `/api/directory/services?${params.toString()}`;
}

export function useAidServices(query: AidServiceQuery) {
  return useQuery({
    queryKey: ['identify', 'services', query],
    queryFn: () => request('GET', directorySearchPath(query), { schema: asSent<DirectorySearchResult>() }),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The same searches for several needs at once (answered from the cache the results list filled). */
export function useAidServicesFor(queries: AidServiceQuery[]) {
  return useQueries({
    queries: queries.map((query) => ({
      queryKey: ['identify', 'services', query],
      queryFn: () => request('GET', directorySearchPath(query), { schema: asSent<DirectorySearchResult>() }),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
}
