// The account's own sessions: list, sign out one, sign out all the others.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { SessionIdParamsSchema, SessionListSchema, SignedOutCountSchema } from '#shared/auth/account.schema.ts';
import { OkSchema } from '#shared/auth/sign-in.schema.ts';
import { listMySessions, revokeMySession, signOutEverywhereElse } from './me.service.ts';

export function registerSessionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['account'];
  r.get(
    '/api/me/sessions',
    { config: { access: access.signedIn() }, schema: { tags, response: { 200: SessionListSchema } } },
    async (request) => listMySessions(ctxOf(request, deps)),
  );
  r.delete(
    '/api/me/sessions/:id',
    { config: { access: access.signedIn() }, schema: { tags, params: SessionIdParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      await revokeMySession(ctxOf(request, deps), request.params.id);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/me/sessions/sign-out-everywhere',
    { config: { access: access.signedIn() }, schema: { tags, response: { 200: SignedOutCountSchema } } },
    async (request) => ({ signedOut: await signOutEverywhereElse(ctxOf(request, deps)) }),
  );
}
