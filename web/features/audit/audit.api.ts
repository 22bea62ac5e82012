// Audit trail queries: filtered pages ("Load older"), the CSV export link, and the chain check.
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { AuditPageSchema, AuditVerifySchema, type AuditFilter } from '#shared/audit/audit.schema.ts';
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

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => request('GET', '/api/audit/verify', { schema: AuditVerifySchema }) });
}
