// Library search API: public; professionals-only chapters are searched only for signed-in readers.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { SearchQuerySchema, SearchResponseSchema } from '#shared/search/search.schema.ts';
import { searchLibrary } from './search.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/library/search',
    { config: { access: access.public() }, schema: { tags: ['library'], querystring: SearchQuerySchema, response: { 200: SearchResponseSchema } } },
    async (request, reply) => {
      // NOTE: answers depend on the session (professionals-only chapters), so shared caches must not keep them.
      void reply.header('cache-control', 'private, no-store');
      return searchLibrary(ctxOf(request, deps), request.query);
    },
  );
}
