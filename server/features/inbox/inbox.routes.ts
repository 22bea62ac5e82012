// GET /api/inbox: the home page's "your work" for the signed-in person.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { InboxSchema } from '#shared/inbox/inbox.schema.ts';
import { getInbox } from './inbox.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/inbox', { config: { access: access.signedIn() }, schema: { tags: ['inbox'], response: { 200: InboxSchema } } }, async (request) =>
    getInbox(ctxOf(request, deps)),
  );
}
