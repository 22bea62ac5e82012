// POST /api/auth/sign-in and /api/auth/sign-out.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { OkSchema, SignInResultSchema, SignInSchema } from '#shared/auth/sign-in.schema.ts';
import { clearSessionCookie, setSessionCookie } from './session.hook.ts';
import { signIn, signOut } from './sign-in.service.ts';

export function registerSignInRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/auth/sign-in',
    { config: { access: access.public() }, schema: { tags: ['auth'], body: SignInSchema, response: { 200: SignInResultSchema } } },
    async (request, reply) => {
      const { token, signInStep } = await signIn(ctxOf(request, deps), request.body, request.headers['user-agent'] ?? null);
      setSessionCookie(reply, deps, token);
      return { signInStep };
    },
  );
  r.post(
    '/api/auth/sign-out',
    { config: { access: access.public() }, schema: { tags: ['auth'], response: { 200: OkSchema } } },
    async (request, reply) => {
      await signOut(ctxOf(request, deps));
      clearSessionCookie(reply, deps);
      return { ok: true as const };
    },
  );
}
