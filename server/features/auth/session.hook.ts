// HTTP side of sessions: reads the cookie into request.actor on every request, and sets or clears the cookie.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '#server/context.ts';
import { SESSION_COOKIE, resolveSession } from './session.service.ts';

export function installSessionHook(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    request.actor = await resolveSession(deps.db, deps.config, token, deps.now());
  });
}

export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: deps.config.secureCookies,
    // NOTE: the server enforces the real lifetime; the browser may drop the cookie at the absolute expiry.
    maxAge: deps.config.sessionMaxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: Deps): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: deps.config.secureCookies });
}
