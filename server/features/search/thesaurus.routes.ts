// The search thesaurus in the desk: editors and reviewers (any organisation) and platform admins keep its groups.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import {
  SynonymGroupCreateSchema,
  SynonymGroupDeleteQuerySchema,
  SynonymGroupListSchema,
  SynonymGroupParamsSchema,
  SynonymGroupSchema,
  SynonymGroupUpdateSchema,
  ThesaurusQuerySchema,
} from '#shared/search/thesaurus.schema.ts';
import { createGroup, listThesaurus, removeGroup, updateGroup } from './thesaurus.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // NOTE: signed in here; who may keep the thesaurus is decided in the service (canKeepThesaurus → 403).
  const config = { access: access.signedIn() };
  const tags = ['library'];
  const BASE = '/api/library/thesaurus';

  app.get(BASE, { config, schema: { tags, querystring: ThesaurusQuerySchema, response: { 200: SynonymGroupListSchema } } }, async (request) =>
    listThesaurus(ctxOf(request, deps), request.query.lang),
  );
  app.post(BASE, { config, schema: { tags, body: SynonymGroupCreateSchema, response: { 201: SynonymGroupSchema } } }, async (request, reply) =>
    reply.status(201).send(await createGroup(ctxOf(request, deps), request.body)),
  );
  app.put(`${BASE}/:id`, { config, schema: { tags, params: SynonymGroupParamsSchema, body: SynonymGroupUpdateSchema, response: { 200: SynonymGroupSchema } } }, async (request) =>
    updateGroup(ctxOf(request, deps), request.params.id, request.body),
  );
  app.delete(`${BASE}/:id`, { config, schema: { tags, params: SynonymGroupParamsSchema, querystring: SynonymGroupDeleteQuerySchema, response: { 204: z.null() } } }, async (request, reply) => {
    await removeGroup(ctxOf(request, deps), request.params.id, request.query.version);
    return reply.status(204).send(null);
  });
}
