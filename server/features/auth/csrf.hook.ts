// CSRF defence for the cookie session: state-changing /api calls must be JSON and, when the browser names an
// Origin, come from our own origin. HTML forms cannot send application/json without a CORS preflight we never grant.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { isApiRequest } from '#server/http/request-path.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installCsrfCheck(app: FastifyInstance, deps: Deps): void {
  const publicOrigin = new URL(deps.config.publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (SAFE.has(request.method) || !isApiRequest(request)) return;
    if (!isSameOrigin(request, publicOrigin)) throw new AppError('forbidden', 'This request comes from another site.');
    if (hasBody(request) && !isJson(request)) throw new AppError('unsupported_media_type', 'Send the request body as application/json.');
  });
}

function isSameOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (origin === publicOrigin) return true;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['content-type'] !== undefined || (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

function isJson(request: FastifyRequest): boolean {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}
