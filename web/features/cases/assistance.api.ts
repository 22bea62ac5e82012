// Requests of a case's assistance, comments, support plans, risk assessments and tasks, and "my work today". Every
// case query uses CASE_QUERY (nothing kept after the page closes, no retries of a 404).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AssistanceListSchema,
  AssistanceRecordSchema,
  CaseCommentSchema,
  CommentListSchema,
  type AssistanceCreate,
  type AssistanceUpdate,
  type CommentCreate,
} from '#shared/cases/assistance.schema.ts';
import {
  CaseTaskSchema,
  MyWorkSchema,
  PlanListSchema,
  PlanReviewSchema,
  RiskAssessmentSchema,
  RiskListSchema,
  SupportPlanSchema,
  TaskListSchema,
  type PlanCreate,
  type PlanReviewCreate,
  type PlanStatusChange,
  type PlanUpdate,
  type RiskCreate,
  type TaskCreate,
} from '#shared/cases/follow-up.schema.ts';
import { request } from '#web/lib/api.ts';
import { CASE_QUERY, caseKeys } from './cases.api.ts';

function usePart<T>(caseId: string, part: string, schema: { parse(json: unknown): T }) {
  return useQuery({ queryKey: caseKeys.part(caseId, part), queryFn: () => request('GET', `/api/cases/${caseId}/${part}`, { schema }), ...CASE_QUERY });
}

/** After a change, the case's parts and lists are read again (and the home page's work list). */
function useRefresh() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: caseKeys.all }), client.invalidateQueries({ queryKey: ['my-work'] }), client.invalidateQueries({ queryKey: ['inbox'] })]);
}

export const useAssistance = (caseId: string) => usePart(caseId, 'assistance', AssistanceListSchema);
export const useComments = (caseId: string) => usePart(caseId, 'comments', CommentListSchema);
export const usePlans = (caseId: string) => usePart(caseId, 'plans', PlanListSchema);
export const useRisk = (caseId: string) => usePart(caseId, 'risk-assessments', RiskListSchema);
export const useTasks = (caseId: string) => usePart(caseId, 'tasks', TaskListSchema);

export function useSaveAssistance(caseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: AssistanceCreate | AssistanceUpdate }) =>
      id
        ? request('PUT', `/api/cases/${caseId}/assistance/${id}`, { body, schema: AssistanceRecordSchema })
        : request('POST', `/api/cases/${caseId}/assistance`, { body, schema: AssistanceRecordSchema }),
    onSettled: refresh,
  });
}

export function useAddComment(caseId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CommentCreate) => request('POST', `/api/cases/${caseId}/comments`, { body, schema: CaseCommentSchema }), onSettled: refresh });
}

export function usePlanChanges(caseId: string) {
  const refresh = useRefresh();
  const base = `/api/cases/${caseId}/plans`;
  return {
    create: useMutation({ mutationFn: (body: PlanCreate) => request('POST', base, { body, schema: SupportPlanSchema }), onSettled: refresh }),
    update: useMutation({ mutationFn: ({ id, ...body }: PlanUpdate & { id: string }) => request('PUT', `${base}/${id}`, { body, schema: SupportPlanSchema }), onSettled: refresh }),
    status: useMutation({ mutationFn: ({ id, ...body }: PlanStatusChange & { id: string }) => request('POST', `${base}/${id}/status`, { body, schema: SupportPlanSchema }), onSettled: refresh }),
    review: useMutation({ mutationFn: ({ id, ...body }: PlanReviewCreate & { id: string }) => request('POST', `${base}/${id}/reviews`, { body, schema: PlanReviewSchema }), onSettled: refresh }),
  };
}

export function useAssessRisk(caseId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: RiskCreate) => request('POST', `/api/cases/${caseId}/risk-assessments`, { body, schema: RiskAssessmentSchema }), onSettled: refresh });
}

export function useTaskChanges(caseId: string) {
  const refresh = useRefresh();
  return {
    create: useMutation({ mutationFn: (body: TaskCreate) => request('POST', `/api/cases/${caseId}/tasks`, { body, schema: CaseTaskSchema }), onSettled: refresh }),
    done: useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => request('POST', `/api/cases/${caseId}/tasks/${id}/done`, { body: { version }, schema: CaseTaskSchema }), onSettled: refresh }),
  };
}

export function useMyWork(enabled: boolean) {
  return useQuery({ queryKey: ['my-work'], queryFn: () => request('GET', '/api/cases/my-work', { schema: MyWorkSchema }), enabled, staleTime: 0, ...CASE_QUERY });
}
