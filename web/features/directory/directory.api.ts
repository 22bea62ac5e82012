// The directory's queries and changes: public search, a service, the county counts (no zod on these public pages:
// the server checked them against the shared schema), and the desk and review (zod-checked).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DirectoryRegionCounts, DirectoryServiceDetail } from '#shared/directory/directory-service.schema.ts';
import type { DirectorySearchResult } from '#shared/directory/directory-search.schema.ts';
import {
  DeskLocationSchema,
  DeskOrganizationSchema,
  DeskServiceSchema,
  DirectoryDeskSchema,
  DirectoryReviewListSchema,
  type Capacity,
  type LocationFields,
  type OrganizationCreate,
  type OrganizationFields,
  type ReviewDecision,
  type ServiceFields,
} from '#shared/directory/directory-desk.schema.ts';
import { asSent, request } from '#web/lib/api.ts';

export const directoryKeys = {
  all: ['directory'] as const,
  search: (query: string) => ['directory', 'search', query] as const,
  service: (id: string, lang: string) => ['directory', 'service', id, lang] as const,
  regions: ['directory', 'regions'] as const,
  desk: ['directory', 'desk'] as const,
  review: ['directory', 'review'] as const,
};

export function useDirectorySearch(query: URLSearchParams) {
  const key = query.toString();
  return useQuery({ queryKey: directoryKeys.search(key), queryFn: () => request('GET', `/api/directory/services?${key}`, { schema: asSent<DirectorySearchResult>() }), placeholderData: (previous) => previous });
}

export function useDirectoryService(id: string, lang: string) {
  return useQuery({ queryKey: directoryKeys.service(id, lang), queryFn: () => request('GET', `/api/directory/services/${encodeURIComponent(id)}?lang=${lang}`, { schema: asSent<DirectoryServiceDetail>() }), retry: false });
}

export function useRegionCounts() {
  return useQuery({ queryKey: directoryKeys.regions, queryFn: () => request('GET', '/api/directory/regions', { schema: asSent<DirectoryRegionCounts>() }) });
}

export function useDesk() {
  return useQuery({ queryKey: directoryKeys.desk, queryFn: () => request('GET', '/api/directory/desk', { schema: DirectoryDeskSchema }) });
}

export function useReviewList() {
  return useQuery({ queryKey: directoryKeys.review, queryFn: () => request('GET', '/api/directory/review', { schema: DirectoryReviewListSchema }) });
}

/** After any change the desk, the review list and every public answer may be stale. */
function useChange<A>(fn: (args: A) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: directoryKeys.all }) });
}

const DESK = '/api/directory/desk';

export const useCreateOrganization = () => useChange((body: OrganizationCreate) => request('POST', `${DESK}/organizations`, { body, schema: DeskOrganizationSchema }));
export const useUpdateOrganization = () =>
  useChange(({ id, body }: { id: string; body: OrganizationFields & { version: number } }) => request('PUT', `${DESK}/organizations/${id}`, { body, schema: DeskOrganizationSchema }));
export const useCreateLocation = () =>
  useChange(({ organizationId, body }: { organizationId: string; body: LocationFields }) => request('POST', `${DESK}/organizations/${organizationId}/locations`, { body, schema: DeskLocationSchema }));
export const useUpdateLocation = () =>
  useChange(({ id, body }: { id: string; body: LocationFields & { version: number } }) => request('PUT', `${DESK}/locations/${id}`, { body, schema: DeskLocationSchema }));
export const useCreateService = () =>
  useChange(({ organizationId, body }: { organizationId: string; body: ServiceFields }) => request('POST', `${DESK}/organizations/${organizationId}/services`, { body, schema: DeskServiceSchema }));
export const useUpdateService = () =>
  useChange(({ id, body }: { id: string; body: ServiceFields & { version: number } }) => request('PUT', `${DESK}/services/${id}`, { body, schema: DeskServiceSchema }));
export const useSetCapacity = () => useChange(({ id, body }: { id: string; body: Capacity }) => request('POST', `${DESK}/services/${id}/capacity`, { body, schema: DeskServiceSchema }));
export const useVerifyService = () => useChange(({ id, version }: { id: string; version: number }) => request('POST', `${DESK}/services/${id}/verify`, { body: { version }, schema: DeskServiceSchema }));
export const useDecideReview = () =>
  useChange(({ id, body }: { id: string; body: ReviewDecision }) => request('POST', `/api/directory/review/${id}`, { body, schema: DeskServiceSchema }));
