// Library reading API: publications, tables of contents, chapter pages, images. Public (professionals-only
// chapters are checked in the service, which answers 401 to anonymous readers).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { ChapterPageSchema, ChapterParamsSchema, ChapterQuerySchema, ImageParamsSchema, LangQuerySchema, PublicationListSchema, PublicationParamsSchema, PublicationTocSchema } from '#shared/library/library.schema.ts';
import { getImage } from './image.service.ts';
import { getChapterPage, getPublicationToc, listReaderPublications } from './reading.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.public() };
  const tags = ['library'];

  app.get('/api/library/publications', { config, schema: { tags, querystring: LangQuerySchema, response: { 200: PublicationListSchema } } }, async (request) =>
    listReaderPublications(ctxOf(request, deps), request.query.lang),
  );

  app.get(
    '/api/library/publications/:slug',
    { config, schema: { tags, params: PublicationParamsSchema, querystring: LangQuerySchema, response: { 200: PublicationTocSchema } } },
    async (request) => getPublicationToc(ctxOf(request, deps), request.params.slug, request.query.lang),
  );

  app.get(
    '/api/library/publications/:slug/chapters/:chapter',
    { config, schema: { tags, params: ChapterParamsSchema, querystring: ChapterQuerySchema, response: { 200: ChapterPageSchema } } },
    async (request) => {
      const { slug, chapter } = request.params;
      return getChapterPage(ctxOf(request, deps), { slug, chapter, lang: request.query.lang, preview: request.query.preview === 'true' || isPrefetch(request.headers) });
    },
  );

  app.get('/api/library/images/:id', { config, schema: { tags, params: ImageParamsSchema, response: { 200: z.any() } } }, async (request, reply) => {
    const image = await getImage(ctxOf(request, deps), request.params.id);
    // NOTE: an image id never gets other bytes, so once public browsers and the offline cache may keep it for a year;
    // a draft's image (shown to its editors only) is never stored by a browser or a proxy.
    const cache = image.public ? 'public, max-age=31536000, immutable' : 'private, no-store';
    return reply.type(image.contentType).header('cache-control', cache).send(image.bytes);
  });
}

/** The offline worker saves chapters ahead of reading; those fetches are not views (they would inflate the counts). */
function isPrefetch(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['purpose'] === 'prefetch' || headers['sec-purpose'] === 'prefetch';
}
