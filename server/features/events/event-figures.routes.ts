// The events report API: figures over the events the actor's organisation organises, for reporting.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { EventReportQuerySchema, EventReportSchema } from '#shared/events/evaluation.schema.ts';
import { eventReport } from './event-figures-report.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/reports/events',
    { config: { access: access.roles('coordinator', 'org_admin', 'donor_viewer') }, schema: { tags: ['reports'], querystring: EventReportQuerySchema, response: { 200: EventReportSchema } } },
    async (request) => eventReport(ctxOf(request, deps), request.query),
  );
}
