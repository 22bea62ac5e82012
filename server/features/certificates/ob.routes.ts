// The public Open Badges 3.0 documents at stable addresses outside /api (they are named inside signed credentials):
// the issuer, achievements, the revocation status list and each credential. Readable from any origin (no cookies).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { CodeParamsSchema } from '#shared/certificates/certificate.schema.ts';
import { limit as limitVerifications } from './certificate-verify.service.ts';
import { achievementDocument, credentialDocument, issuerDocument, statusListCredential } from './ob.service.ts';

const Document = z.record(z.string(), z.unknown());
const AchievementParams = z.object({ ref: z.string().max(50).regex(/^(event|course)-[0-9a-f-]{36}$/, 'Not an achievement') });

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const route = {
    config: { access: access.public() },
    onSend: async (_request: unknown, reply: FastifyReply) => {
      void reply.header('access-control-allow-origin', '*').header('cache-control', 'no-cache').type('application/ld+json; charset=utf-8');
    },
  };
  const tags = ['open-badges'];
  app.get('/ob/issuer', { ...route, schema: { tags, response: { 200: Document } } }, async () => issuerDocument(deps.db, deps.config));
  app.get('/ob/status/1', { ...route, schema: { tags, response: { 200: Document } } }, async () => statusListCredential(deps.db, deps.config));
  app.get('/ob/achievements/:ref', { ...route, schema: { tags, params: AchievementParams, response: { 200: Document } } }, async (request) => achievementDocument(ctxOf(request, deps), request.params.ref));
  app.get('/ob/credentials/:code', { ...route, schema: { tags, params: CodeParamsSchema, response: { 200: Document } } }, async (request) => {
    // NOTE: a code found here is a certificate found: guesses count against the verification page's limit.
    const ctx = ctxOf(request, deps);
    await limitVerifications(ctx);
    return credentialDocument(ctx, request.params.code);
  });
}
