// API tokens for an organisation's own systems: org admins list, create (the secret shown once) and revoke them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { ApiTokenCreatedSchema, ApiTokenCreateSchema, ApiTokenListSchema, ApiTokenParamsSchema, ApiTokenSchema } from '#shared/api-tokens/api-token.schema.ts';
import { installApiTokenAuth } from './api-token.hook.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  installApiTokenAuth(fastify, deps);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.roles('org_admin') };
  const tags = ['api-tokens'];
  app.get('/api/api-tokens', { config, schema: { tags, response: { 200: ApiTokenListSchema } } }, async (request) => listApiTokens(ctxOf(request, deps)));
  app.post('/api/api-tokens', { config, schema: { tags, body: ApiTokenCreateSchema, response: { 201: ApiTokenCreatedSchema } } }, async (request, reply) =>
    reply.status(201).send(await createApiToken(ctxOf(request, deps), request.body)),
  );
  app.post('/api/api-tokens/:id/revoke', { config, schema: { tags, params: ApiTokenParamsSchema, response: { 200: ApiTokenSchema } } }, async (request) =>
    revokeApiToken(ctxOf(request, deps), request.params.id),
  );
}
