// E-learning queries and changes: the course list and page, attempts (start, answer, submit), the organisers' side.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AttemptViewSchema,
  ContinueSchema,
  CourseListSchema,
  CourseReportSchema,
  CourseViewSchema,
  ManagedCourseListSchema,
  ManagedCourseSchema,
  SavedSchema,
  type Answer,
  type CourseSettings,
} from '#shared/learning/learning.schema.ts';
import { request } from '#web/lib/api.ts';

export const learningKeys = {
  all: ['learning'] as const,
  list: (lang: string) => ['learning', 'courses', lang] as const,
  course: (slug: string, lang: string) => ['learning', 'course', slug, lang] as const,
  attempt: (id: string, lang: string) => ['learning', 'attempt', id, lang] as const,
  continue: (lang: string) => ['learning', 'continue', lang] as const,
  manage: (lang: string) => ['learning', 'manage', lang] as const,
  report: (id: string, lang: string) => ['learning', 'report', id, lang] as const,
};

export function useCourses(lang: string) {
  return useQuery({ queryKey: learningKeys.list(lang), queryFn: () => request('GET', `/api/learning/courses?lang=${lang}`, { schema: CourseListSchema }) });
}

export function useCourse(slug: string, lang: string) {
  return useQuery({ queryKey: learningKeys.course(slug, lang), queryFn: () => request('GET', `/api/learning/courses/${encodeURIComponent(slug)}?lang=${lang}`, { schema: CourseViewSchema }) });
}

export function useContinueCourse(lang: string) {
  return useQuery({ queryKey: learningKeys.continue(lang), queryFn: () => request('GET', `/api/learning/continue?lang=${lang}`, { schema: ContinueSchema }) });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: learningKeys.all });
}

export function useMarkDone(slug: string, lang: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (moduleKey: string) => request('POST', `/api/learning/courses/${encodeURIComponent(slug)}/modules/${moduleKey}/done?lang=${lang}`, { schema: CourseViewSchema }),
    onSuccess: invalidate,
  });
}

export function useStartAttempt(lang: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (quizId: string) => request('POST', `/api/learning/quizzes/${quizId}/attempts?lang=${lang}`, { schema: AttemptViewSchema }), onSuccess: invalidate });
}

export function useAttempt(id: string | null, lang: string) {
  return useQuery({
    queryKey: learningKeys.attempt(id ?? '', lang),
    queryFn: () => request('GET', `/api/learning/attempts/${id}?lang=${lang}`, { schema: AttemptViewSchema }),
    enabled: !!id,
  });
}

export function useSaveAnswer(attemptId: string) {
  return useMutation({
    mutationFn: ({ questionKey, answer }: { questionKey: string; answer: Answer }) =>
      request('PUT', `/api/learning/attempts/${attemptId}/answers/${questionKey}`, { body: { answer }, schema: SavedSchema }),
  });
}

export function useSubmitAttempt(attemptId: string, lang: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request('POST', `/api/learning/attempts/${attemptId}/submit?lang=${lang}`, { schema: AttemptViewSchema }),
    onSuccess: async (view) => {
      client.setQueryData(learningKeys.attempt(attemptId, lang), view);
      await client.invalidateQueries({ queryKey: ['learning', 'course'] });
    },
  });
}

export function useManagedCourses(lang: string) {
  return useQuery({ queryKey: learningKeys.manage(lang), queryFn: () => request('GET', `/api/courses/manage?lang=${lang}`, { schema: ManagedCourseListSchema }) });
}

export function useCourseReport(id: string, lang: string) {
  return useQuery({ queryKey: learningKeys.report(id, lang), queryFn: () => request('GET', `/api/courses/${id}/report?lang=${lang}`, { schema: CourseReportSchema }) });
}

export function useCourseSettings(lang: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CourseSettings }) => request('PUT', `/api/courses/${id}/settings?lang=${lang}`, { body, schema: ManagedCourseSchema }),
    onSuccess: invalidate,
  });
}

export function useCourseStatus(lang: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, status, version }: { id: string; status: 'draft' | 'published'; version: number }) =>
      request('PUT', `/api/courses/${id}/status?lang=${lang}`, { body: { status, version }, schema: ManagedCourseSchema }),
    onSuccess: invalidate,
  });
}
