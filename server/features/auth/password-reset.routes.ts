// POST /api/auth/password-reset/request and /complete.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { OkSchema, PasswordResetCompleteSchema, PasswordResetRequestSchema } from '#shared/auth/sign-in.schema.ts';
import { completePasswordReset, requestPasswordReset } from './password-reset.service.ts';

export function registerPasswordResetRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/auth/password-reset/request',
    { config: { access: access.public() }, schema: { tags: ['auth'], body: PasswordResetRequestSchema, response: { 202: OkSchema } } },
    async (request, reply) => {
      await requestPasswordReset(ctxOf(request, deps), request.body.email);
      return reply.status(202).send({ ok: true });
    },
  );
  r.post(
    '/api/auth/password-reset/complete',
    { config: { access: access.public() }, schema: { tags: ['auth'], body: PasswordResetCompleteSchema, response: { 200: OkSchema } } },
    async (request) => {
      await completePasswordReset(ctxOf(request, deps), request.body);
      return { ok: true as const };
    },
  );
}
