// "Report a problem" with a section: anonymous or signed in; the server rate-limits and asks for no personal data.
import { useMutation } from '@tanstack/react-query';
import { ReportCreatedSchema, type ReportCreate } from '#shared/library/library-report.schema.ts';
import { request } from '#web/lib/api.ts';

export function useReportProblem() {
  return useMutation({
    mutationFn: (input: ReportCreate) => request('POST', '/api/library/reports', { body: input, schema: ReportCreatedSchema }),
  });
}
