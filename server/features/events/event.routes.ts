// Events core: the public list and page of events, and the organisers' routes that create and edit them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import {
  EventCreateSchema,
  EventListQuerySchema,
  EventListSchema,
  EventManageSchema,
  EventParamsSchema,
  EventPublicSchema,
  EventReadQuerySchema,
  EventTextParamsSchema,
  EventTextSaveSchema,
  EventUpdateSchema,
  EventVersionSchema,
  OrganisationChoicesSchema,
  OrganiseListSchema,
  OrganiserAddSchema,
  OrganiserParamsSchema,
  SessionOrderSchema,
  SessionParamsSchema,
  SessionSaveSchema,
} from '#shared/events/event.schema.ts';
import { EVENT_ORGANISER_ROLES } from '#shared/events/event-vocabulary.ts';
import { addCoOrganiser, addSession, changeSession, orderSessions, removeCoOrganiser, removeSession, saveEventText } from './event-content.service.ts';
import { getPublicEvent, listEvents, listOrganisedByActor, organisationChoices } from './event-public.service.ts';
import { cancelEvent, createEvent, getManagedEvent, publishEvent, updateEvent } from './event.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  const everyone = { access: access.public() };
  // NOTE: the role check refuses everyone else with 403; an organiser of another organisation gets 404 from the service.
  const config = { access: access.roles(...EVENT_ORGANISER_ROLES) };
  const manage = { 200: EventManageSchema };
  const ctx = (request: Parameters<typeof ctxOf>[0]) => ctxOf(request, deps);

  app.get('/api/events', { config: everyone, schema: { tags, querystring: EventListQuerySchema, response: { 200: EventListSchema } } }, async (request) => listEvents(ctx(request), request.query));
  app.get('/api/events/:id', { config: everyone, schema: { tags, params: EventParamsSchema, querystring: EventReadQuerySchema, response: { 200: EventPublicSchema } } }, async (request) =>
    getPublicEvent(ctx(request), request.params.id, request.query.lang),
  );
  app.get('/api/events/organise', { config, schema: { tags, querystring: EventReadQuerySchema, response: { 200: OrganiseListSchema } } }, async (request) =>
    listOrganisedByActor(ctx(request), request.query.lang),
  );
  app.get('/api/events/organise/organisations', { config, schema: { tags, response: { 200: OrganisationChoicesSchema } } }, async (request) => organisationChoices(ctx(request)));
  app.post('/api/events', { config, schema: { tags, body: EventCreateSchema, response: { 201: EventManageSchema } } }, async (request, reply) =>
    reply.status(201).send(await createEvent(ctx(request), request.body)),
  );
  app.get('/api/events/:id/manage', { config, schema: { tags, params: EventParamsSchema, response: manage } }, async (request) => getManagedEvent(ctx(request), request.params.id));
  app.put('/api/events/:id', { config, schema: { tags, params: EventParamsSchema, body: EventUpdateSchema, response: manage } }, async (request) =>
    updateEvent(ctx(request), request.params.id, request.body),
  );
  app.post('/api/events/:id/publish', { config, schema: { tags, params: EventParamsSchema, body: EventVersionSchema, response: manage } }, async (request) =>
    publishEvent(ctx(request), request.params.id, request.body.version),
  );
  app.post('/api/events/:id/cancel', { config, schema: { tags, params: EventParamsSchema, body: EventVersionSchema, response: manage } }, async (request) =>
    cancelEvent(ctx(request), request.params.id, request.body.version),
  );
  app.put('/api/events/:id/texts/:lang', { config, schema: { tags, params: EventTextParamsSchema, body: EventTextSaveSchema, response: manage } }, async (request) =>
    saveEventText(ctx(request), request.params.id, request.params.lang, request.body),
  );
  app.post('/api/events/:id/sessions', { config, schema: { tags, params: EventParamsSchema, body: SessionSaveSchema, response: { 201: EventManageSchema } } }, async (request, reply) =>
    reply.status(201).send(await addSession(ctx(request), request.params.id, request.body)),
  );
  app.put('/api/events/:id/sessions/:sessionId', { config, schema: { tags, params: SessionParamsSchema, body: SessionSaveSchema, response: manage } }, async (request) =>
    changeSession(ctx(request), request.params.id, request.params.sessionId, request.body),
  );
  app.delete('/api/events/:id/sessions/:sessionId', { config, schema: { tags, params: SessionParamsSchema, response: manage } }, async (request) =>
    removeSession(ctx(request), request.params.id, request.params.sessionId),
  );
  app.put('/api/events/:id/sessions-order', { config, schema: { tags, params: EventParamsSchema, body: SessionOrderSchema, response: manage } }, async (request) =>
    orderSessions(ctx(request), request.params.id, request.body.sessionIds),
  );
  app.post('/api/events/:id/organisers', { config, schema: { tags, params: EventParamsSchema, body: OrganiserAddSchema, response: manage } }, async (request) =>
    addCoOrganiser(ctx(request), request.params.id, request.body.organisationId),
  );
  app.delete('/api/events/:id/organisers/:organisationId', { config, schema: { tags, params: OrganiserParamsSchema, response: manage } }, async (request) =>
    removeCoOrganiser(ctx(request), request.params.id, request.params.organisationId),
  );
}
