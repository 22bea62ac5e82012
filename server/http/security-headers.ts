// Response headers that make the browser refuse framing, sniffing and third-party scripts; API responses are never cached.
import type { FastifyInstance } from 'fastify';
import { isApiRequest, routePath } from './request-path.ts';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function installSecurityHeaders(app: FastifyInstance, secure: boolean): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    // NOTE: the camera for this origin only: the organisers' check-in scanner (/events/:id/check-in) reads QR codes.
    reply.header('permissions-policy', 'camera=(self), microphone=(), geolocation=()');
    if (secure) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    const api = isApiRequest(request);
    if (api && routePath(request).startsWith('/api/docs')) return;
    reply.header('content-security-policy', CSP);
    // NOTE: a route that sets its own cache policy (immutable library images) keeps it; every other API answer is no-store.
    if (api && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}
