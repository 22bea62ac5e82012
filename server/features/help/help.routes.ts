// Help now: the public list of emergency numbers and helplines, and the editors' routes that keep it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import {
  HelpContactCreateSchema,
  HelpContactListSchema,
  HelpContactParamsSchema,
  HelpContactQuerySchema,
  HelpContactUpdateSchema,
  HelpDeskContactSchema,
  HelpDeskListSchema,
  HelpVersionSchema,
} from '#shared/help/help-contact.schema.ts';
import { createContact, listDeskContacts, listHelpContacts, updateContact, verifyContact, withdrawContact } from './help.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // NOTE: signed in, then scoped in the service like the library desk: editors and reviewers of the owning organisation.
  const config = { access: access.signedIn() };
  const tags = ['help'];
  const one = { params: HelpContactParamsSchema, response: { 200: HelpDeskContactSchema } };

  app.get('/api/help/contacts', { config: { access: access.public() }, schema: { tags, querystring: HelpContactQuerySchema, response: { 200: HelpContactListSchema } } }, async (request) =>
    listHelpContacts(ctxOf(request, deps), request.query),
  );
  app.get('/api/help/desk/contacts', { config, schema: { tags, response: { 200: HelpDeskListSchema } } }, async (request) => listDeskContacts(ctxOf(request, deps)));
  app.post('/api/help/desk/contacts', { config, schema: { tags, body: HelpContactCreateSchema, response: { 201: HelpDeskContactSchema } } }, async (request, reply) =>
    reply.status(201).send(await createContact(ctxOf(request, deps), request.body)),
  );
  app.put('/api/help/desk/contacts/:id', { config, schema: { tags, ...one, body: HelpContactUpdateSchema } }, async (request) =>
    updateContact(ctxOf(request, deps), request.params.id, request.body),
  );
  app.post('/api/help/desk/contacts/:id/verify', { config, schema: { tags, ...one, body: HelpVersionSchema } }, async (request) =>
    verifyContact(ctxOf(request, deps), request.params.id, request.body.version),
  );
  app.post('/api/help/desk/contacts/:id/withdraw', { config, schema: { tags, ...one, body: HelpVersionSchema } }, async (request) =>
    withdrawContact(ctxOf(request, deps), request.params.id, request.body.version),
  );
}
