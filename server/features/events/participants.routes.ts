// The organiser's participant list: list and counts, CSV and XLSX exports, approve/reject, cancel on someone's
// behalf, waiting-list priority and each registration's history. Organisers of the event only (others: 404).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { EVENT_ORGANISER_ROLES } from '#shared/events/event-vocabulary.ts';
import {
  EventIdParamsSchema,
  ParticipantActionResultSchema,
  ParticipantFilterSchema,
  ParticipantHistorySchema,
  ParticipantListSchema,
  ParticipantParamsSchema,
  PriorityChangeSchema,
} from '#shared/events/registration.schema.ts';
import { participantsCsv, participantsXlsx } from './participants-export.ts';
import { cancelParticipant, changePriority, decideRegistration, listEventParticipants, registrationHistory } from './participants.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const organisers = { access: access.roles(...EVENT_ORGANISER_ROLES) };
  const tags = ['events'];
  const action = { tags, params: ParticipantParamsSchema, response: { 200: ParticipantActionResultSchema } };

  app.get(
    '/api/events/:id/participants',
    { config: organisers, schema: { tags, params: EventIdParamsSchema, querystring: ParticipantFilterSchema, response: { 200: ParticipantListSchema } } },
    async (request) => listEventParticipants(ctxOf(request, deps), request.params.id, request.query),
  );

  app.get(
    '/api/events/:id/participants.csv',
    { config: organisers, schema: { tags, params: EventIdParamsSchema, querystring: ParticipantFilterSchema, produces: ['text/csv'], response: { 200: z.string().describe('CSV') } } },
    async (request, reply) => {
      const csv = await participantsCsv(ctxOf(request, deps), request.params.id, request.query);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="participants.csv"').send(csv);
    },
  );

  app.get(
    '/api/events/:id/participants.xlsx',
    { config: organisers, schema: { tags, params: EventIdParamsSchema, querystring: ParticipantFilterSchema } },
    async (request, reply) => {
      const book = await participantsXlsx(ctxOf(request, deps), request.params.id, request.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="participants.xlsx"')
        .send(book);
    },
  );

  app.post('/api/events/:id/participants/:registrationId/approve', { config: organisers, schema: action }, async (request) =>
    decideRegistration(ctxOf(request, deps), request.params.id, request.params.registrationId, 'approve'),
  );
  app.post('/api/events/:id/participants/:registrationId/reject', { config: organisers, schema: action }, async (request) =>
    decideRegistration(ctxOf(request, deps), request.params.id, request.params.registrationId, 'reject'),
  );
  app.post('/api/events/:id/participants/:registrationId/cancel', { config: organisers, schema: action }, async (request) =>
    cancelParticipant(ctxOf(request, deps), request.params.id, request.params.registrationId),
  );
  app.put('/api/events/:id/participants/:registrationId/priority', { config: organisers, schema: { ...action, body: PriorityChangeSchema } }, async (request) =>
    changePriority(ctxOf(request, deps), request.params.id, request.params.registrationId, request.body),
  );
  app.get(
    '/api/events/:id/participants/:registrationId/history',
    { config: organisers, schema: { tags, params: ParticipantParamsSchema, response: { 200: ParticipantHistorySchema } } },
    async (request) => registrationHistory(ctxOf(request, deps), request.params.id, request.params.registrationId),
  );
}
