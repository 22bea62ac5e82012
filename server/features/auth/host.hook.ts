// DNS-rebinding defence: requests must name one of our host names (PUBLIC_URL's and ALLOWED_HOSTS), so that a page
// on another name that has been re-pointed at this server cannot read our anonymous routes from the visitor's browser.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '#server/context.ts';
import { AppError } from '#server/errors.ts';

// NOTE: load balancers and orchestrators probe with the instance's address as Host; the probes reveal nothing.
const PROBES = new Set(['/healthz', '/readyz']);
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function installHostCheck(app: FastifyInstance, deps: Deps): void {
  const allowed = new Set(deps.config.allowedHosts);
  // NOTE: outside production a browser on this machine may use any loopback name and port (dev server, journeys);
  // a rebound name is never a loopback name, so this opens nothing to a rebinding page.
  const loopbackToo = deps.config.env !== 'production';
  app.addHook('onRequest', async (request) => {
    if (PROBES.has(request.routeOptions.url ?? '')) return;
    // NOTE: the Host header itself, never X-Forwarded-Host: a page on a rebound name may set that header itself (to
    // its own origin no preflight is needed), and many proxies pass it through unchanged.
    const name = hostName(request.headers.host ?? '');
    if (allowed.has(name) || (loopbackToo && LOOPBACK.has(name))) return;
    throw new AppError('invalid', 'This server does not answer to this host name.');
  });
}

/**
 * The name part of a Host header, lower case, without port or trailing dot.
 * NOTE: the port does not matter against rebinding (the attacker's name does), and proxies differ in passing it.
 */
export function hostName(host: string): string {
  const value = host.trim().toLowerCase();
  const name = value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : (value.split(':')[0] ?? '');
  return name.endsWith('.') ? name.slice(0, -1) : name;
}
