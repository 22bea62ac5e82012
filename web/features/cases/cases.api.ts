// Case-file requests of the web app. Nothing of a case is cached beyond the page's memory: the service worker never
// stores /api/cases (web/public/sw.js), and queries are dropped when the case page closes (gcTime 0).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CaseDetailSchema,
  CaseDuplicatesSchema,
  CaseIdentitySchema,
  CaseListSchema,
  type CaseCreate,
  type CaseDuplicateCheck,
  type CaseGeneralUpdate,
  type CaseIdentityUpdate,
  type CaseListQuery,
  type CaseMemberAdd,
  type CaseMemberUpdate,
  type CaseOwnerChange,
} from '#shared/cases/case.schema.ts';
import { request } from '#web/lib/api.ts';

export const caseKeys = {
  all: ['cases'] as const,
  list: (q: Partial<CaseListQuery>) => ['cases', 'list', q] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  part: (id: string, part: string) => ['cases', 'one', id, part] as const,
};

/** Case data leaves memory as soon as no page shows it. */
export const CASE_QUERY = { gcTime: 0, retry: false } as const;

function query(q: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, v);
  return params.toString();
}

export function useCases(q: Partial<CaseListQuery>) {
  return useQuery({ queryKey: caseKeys.list(q), queryFn: () => request('GET', `/api/cases?${query(q as Record<string, string>)}`, { schema: CaseListSchema }), ...CASE_QUERY });
}

/** The list read in pages, newest change first; "load older" follows the server's cursor. */
export function useCasePages(q: Omit<Partial<CaseListQuery>, 'before'>) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(q),
    queryFn: ({ pageParam }) => request('GET', `/api/cases?${query({ ...(q as Record<string, string>), before: pageParam })}`, { schema: CaseListSchema }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    ...CASE_QUERY,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.one(id), queryFn: () => request('GET', `/api/cases/${id}`, { schema: CaseDetailSchema }), ...CASE_QUERY });
}

/** Invalidates everything about cases (lists and the open case) after a change. */
export function useInvalidateCases() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: caseKeys.all });
}

export function useOpenCase() {
  const invalidate = useInvalidateCases();
  return useMutation({ mutationFn: (body: CaseCreate) => request('POST', '/api/cases', { body, schema: CaseDetailSchema }), onSuccess: invalidate });
}

export function useUpdateCase(id: string) {
  const invalidate = useInvalidateCases();
  return useMutation({ mutationFn: (body: CaseGeneralUpdate) => request('PUT', `/api/cases/${id}`, { body, schema: CaseDetailSchema }), onSettled: invalidate });
}

export function useIdentity(id: string, enabled: boolean) {
  return useQuery({ queryKey: caseKeys.part(id, 'identity'), queryFn: () => request('GET', `/api/cases/${id}/identity`, { schema: CaseIdentitySchema }), enabled, ...CASE_QUERY });
}

export function useUpdateIdentity(id: string) {
  const invalidate = useInvalidateCases();
  return useMutation({ mutationFn: (body: CaseIdentityUpdate) => request('PUT', `/api/cases/${id}/identity`, { body, schema: CaseIdentitySchema }), onSettled: invalidate });
}

/** The identity saved right after opening a case (version 0 creates it): the case id is known only then. */
export function useFirstIdentity() {
  return useMutation({ mutationFn: ({ caseId, body }: { caseId: string; body: CaseIdentityUpdate }) => request('PUT', `/api/cases/${caseId}/identity`, { body, schema: CaseIdentitySchema }) });
}

export function useCheckDuplicates() {
  return useMutation({ mutationFn: (body: CaseDuplicateCheck) => request('POST', '/api/cases/duplicates', { body, schema: CaseDuplicatesSchema }) });
}

export function useTeamChange(id: string) {
  const invalidate = useInvalidateCases();
  return {
    add: useMutation({ mutationFn: (body: CaseMemberAdd) => request('POST', `/api/cases/${id}/members`, { body, schema: CaseDetailSchema }), onSettled: invalidate }),
    update: useMutation({
      mutationFn: ({ accountId, ...body }: CaseMemberUpdate & { accountId: string }) => request('PUT', `/api/cases/${id}/members/${accountId}`, { body, schema: CaseDetailSchema }),
      onSettled: invalidate,
    }),
    remove: useMutation({ mutationFn: (accountId: string) => request('DELETE', `/api/cases/${id}/members/${accountId}`), onSettled: invalidate }),
    handOver: useMutation({ mutationFn: (body: CaseOwnerChange) => request('POST', `/api/cases/${id}/owner`, { body, schema: CaseDetailSchema }), onSettled: invalidate }),
  };
}
