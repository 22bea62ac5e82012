// The case workflow's requests: status, approvals, break-glass, the register, the settings. Case queries use
// CASE_QUERY (dropped from memory when no page shows them, never retried).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ApprovalListSchema,
  BreakGlassViewSchema,
  CaseRegisterSchema,
  CaseSettingsSchema,
  CaseWorkflowSchema,
  type CaseSettingsUpdate,
  type CaseStatusChange,
} from '#shared/cases/case-workflow.schema.ts';
import { request } from '#web/lib/api.ts';
import { CASE_QUERY, caseKeys, useInvalidateCases } from './cases.api.ts';

const SETTINGS_KEY = ['case-settings'] as const;

/** The case's workflow; `enabled` false for a reader without the general grant (the server would refuse it). */
export function useWorkflow(caseId: string, enabled = true) {
  return useQuery({ queryKey: caseKeys.part(caseId, 'workflow'), queryFn: () => request('GET', `/api/cases/${caseId}/workflow`, { schema: CaseWorkflowSchema }), enabled, ...CASE_QUERY });
}

export function useChangeStatus(caseId: string) {
  const invalidate = useInvalidateCases();
  return useMutation({ mutationFn: (body: CaseStatusChange) => request('POST', `/api/cases/${caseId}/status`, { body, schema: CaseWorkflowSchema }), onSettled: invalidate });
}

export type ApprovalVerb = 'approve' | 'reject' | 'withdraw';

export function useDecideApproval() {
  const invalidate = useInvalidateCases();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, verb, note }: { id: string; verb: ApprovalVerb; note?: string }) => request('POST', `/api/cases/approvals/${id}/${verb}`, { body: note ? { note } : {} }),
    onSettled: async () => {
      await invalidate();
      await client.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}

export function usePendingApprovals() {
  return useQuery({ queryKey: [...caseKeys.all, 'approvals'], queryFn: () => request('GET', '/api/cases/approvals', { schema: ApprovalListSchema }), ...CASE_QUERY });
}

export function useRegister(code: string) {
  const q = code ? `?code=${encodeURIComponent(code)}` : '';
  return useQuery({ queryKey: [...caseKeys.all, 'register', code], queryFn: () => request('GET', `/api/cases/register${q}`, { schema: CaseRegisterSchema }), ...CASE_QUERY });
}

export function useOpenBreakGlass() {
  const invalidate = useInvalidateCases();
  return useMutation({
    mutationFn: ({ caseId, reason }: { caseId: string; reason: string }) => request('POST', `/api/cases/${caseId}/break-glass`, { body: { reason }, schema: BreakGlassViewSchema }),
    onSettled: invalidate,
  });
}

export function useEndBreakGlass(caseId: string) {
  const invalidate = useInvalidateCases();
  return useMutation({ mutationFn: () => request('POST', `/api/cases/${caseId}/break-glass/end`), onSettled: invalidate });
}

export function useCaseSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => request('GET', '/api/case-settings', { schema: CaseSettingsSchema }), retry: false });
}

export function useSaveCaseSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseSettingsUpdate) => request('PUT', '/api/case-settings', { body, schema: CaseSettingsSchema }),
    onSuccess: (saved) => client.setQueryData(SETTINGS_KEY, saved),
  });
}
