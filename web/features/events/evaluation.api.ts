// Event evaluation: the person's form behind a link (token in the body) and its answers, the organisers' results,
// and the events report for reporting.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Language } from '#shared/auth/me.schema.ts';
import { EvaluationFormSchema, EvaluationResultsSchema, EvaluationSubmittedSchema, EventReportSchema, type EvaluationSubmit, type EventReportQuery } from '#shared/events/evaluation.schema.ts';
import { request } from '#web/lib/api.ts';

export const evaluationKeys = {
  form: (token: string, language: string) => ['event-evaluation', 'form', token, language] as const,
  results: (eventId: string, language: string) => ['event-evaluation', 'results', eventId, language] as const,
  report: (query: EventReportQuery) => ['reports', 'events', query] as const,
};

/** What the link's holder may answer. NOTE: a POST, so the token stays out of every URL and log. */
export function useEvaluationForm(token: string, language: Language) {
  return useQuery({
    queryKey: evaluationKeys.form(token, language),
    queryFn: () => request('POST', '/api/registration/evaluation/form', { body: { token, language }, schema: EvaluationFormSchema }),
    enabled: token.length > 0,
    retry: false,
  });
}

export function useSubmitEvaluation(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EvaluationSubmit) => request('POST', '/api/registration/evaluation', { body, schema: EvaluationSubmittedSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['event-evaluation', 'form', token] }),
  });
}

export function useEvaluationResults(eventId: string, language: string) {
  return useQuery({
    queryKey: evaluationKeys.results(eventId, language),
    queryFn: () => request('GET', `/api/events/${encodeURIComponent(eventId)}/evaluation-results?language=${language}`, { schema: EvaluationResultsSchema }),
    retry: false,
  });
}

export function useEventReport(query: EventReportQuery) {
  return useQuery({
    queryKey: evaluationKeys.report(query),
    queryFn: () => request('GET', `/api/reports/events?${new URLSearchParams({ ...query })}`, { schema: EventReportSchema }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
