// The path a request is decided on: the route the router matched, never the raw URL. The router decodes the URL, so
// "/%61pi/auth/sign-in" reaches the sign-in route; a hook that tested the raw string by prefix would wave it through.
import type { FastifyRequest } from 'fastify';

/** The matched route's pattern, or for a request no route matched, its percent-decoded path (query left off). */
export function routePath(request: FastifyRequest): string {
  const matched = request.routeOptions.url;
  if (matched && !request.is404) return matched;
  const raw = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** True for the JSON API (everything under /api), whichever way the URL spelled it. */
export function isApiRequest(request: FastifyRequest): boolean {
  const path = routePath(request);
  return path === '/api' || path.startsWith('/api/');
}
