// Audit trail queries: filtered pages ("Load older"), the people to filter by, the CSV export link, the chain check.
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { AUDIT_PAGE_MAX, AuditPageSchema, AuditVerifySchema, type AuditFilter } from '#shared/audit/audit.schema.ts';
import { request } from '#web/lib/api.ts';

const PAGE_SIZE = 50;

/** The query string of a filter; empty values are left out. */
export function auditQuery(filter: AuditFilter, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

export function auditExportUrl(filter: AuditFilter): string {
  const query = auditQuery(filter);
  return `/api/audit/export.csv${query ? `?${query}` : ''}`;
}

export function useAuditPages(filter: AuditFilter, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) => request('GET', `/api/audit?${auditQuery(filter, { limit: PAGE_SIZE, before: pageParam })}`, { schema: AuditPageSchema }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export interface AuditPerson {
  accountId: string;
  name: string | null;
}

/**
 * The people named in the newest entries (of one organisation, when given): the person filter's choices.
 * NOTE: from the trail itself, because GET /api/members gives membership ids, not the account ids entries carry.
 */
export function useAuditPeople(organisationId: string | undefined) {
  return useQuery({
    queryKey: ['audit', 'people', organisationId ?? null],
    queryFn: () => request('GET', `/api/audit?${auditQuery({ organisationId }, { limit: AUDIT_PAGE_MAX })}`, { schema: AuditPageSchema }),
    select: (page): AuditPerson[] => {
      const people = new Map<string, string | null>();
      for (const e of page.items) if (e.actorAccountId && !people.has(e.actorAccountId)) people.set(e.actorAccountId, e.actorName);
      return [...people].map(([accountId, name]) => ({ accountId, name }));
    },
    staleTime: 60_000,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => request('GET', '/api/audit/verify', { schema: AuditVerifySchema }) });
}
