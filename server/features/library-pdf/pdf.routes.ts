// Publication PDF download: public; anonymous readers get the copy without professionals-only chapters.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { LangQuerySchema, PublicationParamsSchema } from '#shared/library/library.schema.ts';
import { getPublicationPdf } from './pdf.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/library/publications/:slug/pdf',
    { config: { access: access.public() }, schema: { tags: ['library'], params: PublicationParamsSchema, querystring: LangQuerySchema } },
    async (request, reply) => {
      const pdf = await getPublicationPdf(ctxOf(request, deps), { slug: request.params.slug, lang: request.query.lang });
      // NOTE: the file depends on the session (signed-in readers get the complete copy): never in a shared cache.
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${pdf.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf.bytes);
    },
  );
}
