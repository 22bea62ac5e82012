// The editors' desk: dashboard, publications with each section's state per language, and reader reports.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { EditorPublicationListSchema, EditorPublicationTreeSchema, TextSummarySchema } from '#shared/library/library-edit.schema.ts';
import { EditorDashboardSchema, ReportListSchema, ReportSchema, type ReportClose } from '#shared/library/library-report.schema.ts';
import { request } from '#web/lib/api.ts';

export const deskKeys = {
  all: ['desk'] as const,
  dashboard: ['desk', 'dashboard'] as const,
  publications: ['desk', 'publications'] as const,
  tree: (slug: string) => ['desk', 'tree', slug] as const,
  text: (sectionId: string, lang: string) => ['desk', 'text', sectionId, lang] as const,
  revisions: (sectionId: string, lang: string) => ['desk', 'revisions', sectionId, lang] as const,
  revision: (id: string) => ['desk', 'revision', id] as const,
  diff: (from: string, to: string, mode: string) => ['desk', 'diff', from, to, mode] as const,
  preview: (bodyMd: string) => ['desk', 'preview', bodyMd] as const,
  reports: (status: 'open' | 'closed') => ['desk', 'reports', status] as const,
};

/**
 * NOTE: who wrote and who submitted a text are optional here: when the queue rows carry them, "my drafts" and
 * "waiting for you" are filtered exactly; without them every draft and every text in review is listed (the editor
 * page still refuses publishing one's own text).
 */
export const DeskTextSchema = TextSummarySchema.extend({
  authorAccountId: z.uuid().nullable().optional(),
  submittedBy: z.uuid().nullable().optional(),
});
export type DeskText = z.infer<typeof DeskTextSchema>;

const DashboardSchema = EditorDashboardSchema.extend({
  drafts: z.array(DeskTextSchema),
  inReview: z.array(DeskTextSchema),
  outdated: z.array(DeskTextSchema),
});

export function useDashboard() {
  return useQuery({
    queryKey: deskKeys.dashboard,
    queryFn: () => request('GET', '/api/library/editor/dashboard', { schema: DashboardSchema }),
    staleTime: 0,
  });
}

export function useEditorPublications() {
  return useQuery({
    queryKey: deskKeys.publications,
    queryFn: () => request('GET', '/api/library/editor/publications', { schema: EditorPublicationListSchema }),
  });
}

export function usePublicationTree(slug: string) {
  return useQuery({
    queryKey: deskKeys.tree(slug),
    queryFn: () => request('GET', `/api/library/editor/publications/${encodeURIComponent(slug)}`, { schema: EditorPublicationTreeSchema }),
    staleTime: 0,
  });
}

export function useReports(status: 'open' | 'closed') {
  return useQuery({
    queryKey: deskKeys.reports(status),
    queryFn: () => request('GET', `/api/library/reports?status=${status}`, { schema: ReportListSchema }),
    staleTime: 0,
  });
}

export function useCloseReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; close: ReportClose }) =>
      request('POST', `/api/library/reports/${input.id}/close`, { body: input.close, schema: ReportSchema }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: ['desk', 'reports'] });
      await client.invalidateQueries({ queryKey: deskKeys.dashboard });
    },
  });
}
