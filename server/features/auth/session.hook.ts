// HTTP side of sessions: reads the cookie into request.actor on every request, and sets or clears the cookie.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '#server/context.ts';
import { isApiRequest } from '#server/http/request-path.ts';
import { SESSION_COOKIE, resolveSession } from './session.service.ts';

export function installSessionHook(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !isApiRequest(request)) return;
    request.actor = await resolveSession(deps.db, deps.config, token, deps.now());
  });
}

export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: deps.config.secureCookies,
    // NOTE: no Max-Age: a browser-session cookie, forgotten when the browser closes (a shared or seized device keeps
    // no sign-in on disk for hours); the server still ends the session after the idle timeout and the absolute expiry.
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: Deps): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: deps.config.secureCookies });
}
