// The auth feature: the Host check, CSRF check and session hook on every request, then sign-in, two-factor and reset routes.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '#server/context.ts';
import { installCsrfCheck } from './csrf.hook.ts';
import { installHostCheck } from './host.hook.ts';
import { registerPasswordResetRoutes } from './password-reset.routes.ts';
import { installSessionHook } from './session.hook.ts';
import { registerSignInRoutes } from './sign-in.routes.ts';
import { registerTotpRoutes } from './totp.routes.ts';

export function register(app: FastifyInstance, deps: Deps): void {
  // NOTE: hooks on the root instance run before every route, including other features' routes.
  installHostCheck(app, deps);
  installCsrfCheck(app, deps);
  installSessionHook(app, deps);
  registerSignInRoutes(app, deps);
  registerTotpRoutes(app, deps);
  registerPasswordResetRoutes(app, deps);
}
