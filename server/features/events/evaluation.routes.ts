// Event evaluation API: the participant's form and answers (token in the body, never in a URL), and the organisers'
// results with their CSV export.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import {
  EvaluationFormRequestSchema,
  EvaluationFormSchema,
  EvaluationResultsParamsSchema,
  EvaluationResultsSchema,
  EvaluationSubmitSchema,
  EvaluationSubmittedSchema,
  ResultsQuerySchema,
} from '#shared/events/evaluation.schema.ts';
import { EVENT_ORGANISER_ROLES } from '#shared/events/event-vocabulary.ts';
import { evaluationResults, evaluationResultsCsv } from './evaluation-results.service.ts';
import { evaluationForm, submitEvaluation } from './evaluation.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const everyone = { access: access.public() };
  const organisers = { access: access.roles(...EVENT_ORGANISER_ROLES) };
  const tags = ['events'];

  app.post('/api/registration/evaluation/form', { config: everyone, schema: { tags, body: EvaluationFormRequestSchema, response: { 200: EvaluationFormSchema } } }, async (request) =>
    evaluationForm(ctxOf(request, deps), request.body.token, request.body.language ?? 'en'),
  );

  app.post('/api/registration/evaluation', { config: everyone, schema: { tags, body: EvaluationSubmitSchema, response: { 201: EvaluationSubmittedSchema } } }, async (request, reply) =>
    reply.status(201).send(await submitEvaluation(ctxOf(request, deps), request.body)),
  );

  app.get(
    '/api/events/:id/evaluation-results',
    { config: organisers, schema: { tags, params: EvaluationResultsParamsSchema, querystring: ResultsQuerySchema, response: { 200: EvaluationResultsSchema } } },
    async (request) => evaluationResults(ctxOf(request, deps), request.params.id, request.query.language),
  );

  app.get(
    '/api/events/:id/evaluation-results.csv',
    { config: organisers, schema: { tags, params: EvaluationResultsParamsSchema, produces: ['text/csv'], response: { 200: z.string().describe('CSV: counts per item value, then comments') } } },
    async (request, reply) => {
      const csv = await evaluationResultsCsv(ctxOf(request, deps), request.params.id);
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="evaluation-results.csv"');
      return reply.send(csv);
    },
  );
}
