// Outbox API: organisation admins read their organisation's emails, platform admins all of them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { OutboxEmailSchema, OutboxIdParamsSchema, OutboxListQuerySchema, OutboxPageSchema } from '#shared/email/outbox.schema.ts';
import { listOutbox, readOutboxEmail } from './outbox.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const admins = access.roles('org_admin');

  app.get(
    '/api/outbox',
    { config: { access: admins }, schema: { tags: ['outbox'], querystring: OutboxListQuerySchema, response: { 200: OutboxPageSchema } } },
    async (request) => listOutbox(ctxOf(request, deps), request.query),
  );

  app.get(
    '/api/outbox/:id',
    { config: { access: admins }, schema: { tags: ['outbox'], params: OutboxIdParamsSchema, response: { 200: OutboxEmailSchema } } },
    async (request) => readOutboxEmail(ctxOf(request, deps), request.params.id, deps.mailer),
  );
}
