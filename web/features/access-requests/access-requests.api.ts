// Access request calls: the public form (listed organisations, send) and the admins' list and decisions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AccessRequestHandledSchema,
  AccessRequestListingSchema,
  AccessRequestListSchema,
  ListedOrganisationListSchema,
  type AccessRequestApprove,
  type AccessRequestCreate,
} from '#shared/access-requests/access-request.schema.ts';
import { OkSchema } from '#shared/auth/sign-in.schema.ts';
import { request } from '#web/lib/api.ts';

const LIST_KEY = ['access-requests'] as const;

export function useListedOrganisations() {
  return useQuery({
    queryKey: ['access-requests', 'organisations'],
    queryFn: () => request('GET', '/api/access-requests/organisations', { schema: ListedOrganisationListSchema }),
  });
}

export function sendAccessRequest(input: AccessRequestCreate) {
  return request('POST', '/api/access-requests', { body: input, schema: OkSchema });
}

export function useAccessRequests() {
  return useQuery({ queryKey: LIST_KEY, queryFn: () => request('GET', '/api/access-requests', { schema: AccessRequestListSchema }) });
}

/** A decision changes the list (and the home inbox's count), so both are fetched again. */
function useDecision<T>(call: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => client.invalidateQueries({ queryKey: LIST_KEY }),
  });
}

export function useApproveRequest() {
  return useDecision(({ id, ...body }: AccessRequestApprove & { id: string }) =>
    request('POST', `/api/access-requests/${encodeURIComponent(id)}/approve`, { body, schema: AccessRequestHandledSchema }),
  );
}

export function useDeclineRequest() {
  return useDecision((id: string) => request('POST', `/api/access-requests/${encodeURIComponent(id)}/decline`, { body: {}, schema: AccessRequestHandledSchema }));
}

export function useSetListing() {
  return useDecision((listed: boolean) => request('PUT', '/api/access-requests/listing', { body: { listed }, schema: AccessRequestListingSchema }));
}
