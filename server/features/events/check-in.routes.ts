// Check-in over HTTP: the roster, online scans, the offline queue's sync and undo for the event's organisers (others
// get 404); the person's own check-in code, opened with the secret of their link sent in the body.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import {
  CheckInAnswerSchema,
  CheckInScanSchema,
  CheckInSyncAnswerSchema,
  CheckInSyncSchema,
  CheckInUndoSchema,
  EventIdParamsSchema,
  RegistrationQrRequestSchema,
  RegistrationQrSchema,
  RosterEntrySchema,
  RosterSchema,
} from '#shared/events/check-in.schema.ts';
import { EVENT_ORGANISER_ROLES } from '#shared/events/event-vocabulary.ts';
import { checkIn, getCheckInRoster, syncCheckIns, undoCheckIn } from './check-in.service.ts';
import { registrationQr } from './check-in-qr.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.roles(...EVENT_ORGANISER_ROLES) };
  const tags = ['events'];
  const params = EventIdParamsSchema;

  app.get('/api/events/:id/check-in/roster', { config, schema: { tags, params, response: { 200: RosterSchema } } }, async (request) =>
    getCheckInRoster(ctxOf(request, deps), request.params.id),
  );
  app.post('/api/events/:id/check-in', { config, schema: { tags, params, body: CheckInScanSchema, response: { 200: CheckInAnswerSchema } } }, async (request) =>
    checkIn(ctxOf(request, deps), request.params.id, request.body),
  );
  app.post('/api/events/:id/check-in/sync', { config, schema: { tags, params, body: CheckInSyncSchema, response: { 200: CheckInSyncAnswerSchema } } }, async (request) =>
    syncCheckIns(ctxOf(request, deps), request.params.id, request.body.items),
  );
  app.post('/api/events/:id/check-in/undo', { config, schema: { tags, params, body: CheckInUndoSchema, response: { 200: RosterEntrySchema } } }, async (request) =>
    undoCheckIn(ctxOf(request, deps), request.params.id, request.body.registrationId),
  );

  app.post('/api/registration/qr', { config: { access: access.public() }, schema: { tags, body: RegistrationQrRequestSchema, response: { 200: RegistrationQrSchema } } }, async (request) =>
    registrationQr(ctxOf(request, deps), request.body.token),
  );
}
