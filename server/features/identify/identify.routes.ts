// The identification aid's printable cards: public, one A6 PDF per language (the aid itself runs in the browser).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { CardQuerySchema } from '#shared/identify/identify.schema.ts';
import { getCardPdf, type CardPdf } from './identify.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const route = { config: { access: access.public() }, schema: { tags: ['identify'], querystring: CardQuerySchema } };
  const send = (reply: { type(t: string): { header(k: string, v: string): { send(b: Buffer): unknown } } }, pdf: CardPdf) =>
    reply.type('application/pdf').header('content-disposition', `attachment; filename="${pdf.filename}"`).send(pdf.bytes);

  app.get('/api/identify/pocket-card.pdf', route, async (request, reply) => send(reply, await getCardPdf(ctxOf(request, deps), 'pocket', request.query.lang)));
  app.get('/api/identify/patient-card.pdf', route, async (request, reply) => send(reply, await getCardPdf(ctxOf(request, deps), 'patient', request.query.lang)));
}
