// Reports: the library's usage counts for a period (dissemination reporting).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { UsageReportSchema, type UsageQuery } from '#shared/library/library-report.schema.ts';
import { request } from '#web/lib/api.ts';

export function useLibraryUsage(period: UsageQuery | null) {
  return useQuery({
    queryKey: ['reports', 'library-usage', period],
    queryFn: () => request('GET', `/api/library/usage?${new URLSearchParams({ ...period! })}`, { schema: UsageReportSchema }),
    enabled: period !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
