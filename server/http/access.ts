// Route access policies: every route declares who may call it (config.access); undeclared routes are refused.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Role } from '#shared/auth/roles.ts';
import type { API_SCOPES } from '#shared/referrals/referral-vocabulary.ts';

export type ApiScope = (typeof API_SCOPES)[number];
import { AppError } from '#server/errors.ts';

/** Who is calling: set from the session cookie by the auth feature, null when signed out. */
export interface Actor {
  accountId: string;
  sessionId: string;
  email: string;
  displayName: string;
  language: string | null;
  isPlatformAdmin: boolean;
  organisationId: string | null;
  roles: Role[];
  /** True when the session passed every sign-in step required of this account (password and, where due, TOTP). */
  fullySignedIn: boolean;
  twoFactorEnabled: boolean;
  twoFactorRequired: boolean;
}

/** A system calling with an organisation's API token (Authorization: Bearer), set by the api-tokens feature. */
export interface ApiClient {
  tokenId: string;
  organisationId: string;
  scopes: ApiScope[];
}

export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  /** Allowed half-way through sign-in: before the second factor is given or enrolled. */
  | { kind: 'signInStep' }
  | { kind: 'roles'; roles: readonly Role[] }
  | { kind: 'platformAdmin' }
  /** Only an API token holding this scope (the FHIR routes, outside /api: no session cookie is read there). */
  | { kind: 'apiToken'; scope: ApiScope };

export const access = {
  public: (): Access => ({ kind: 'public' }),
  signedIn: (): Access => ({ kind: 'signedIn' }),
  signInStep: (): Access => ({ kind: 'signInStep' }),
  roles: (...roles: Role[]): Access => ({ kind: 'roles', roles }),
  platformAdmin: (): Access => ({ kind: 'platformAdmin' }),
  apiToken: (scope: ApiScope): Access => ({ kind: 'apiToken', scope }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    apiClient: ApiClient | null;
  }
  interface FastifyInstance {
    /** Every registered route, as the onRoute hook saw it (the access-matrix test enumerates them). */
    routeList: readonly RouteOptions[];
  }
}

/** The decision for one call: 'ok', or why not. Pure, so the policy table can be unit-tested. */
export function decide(rule: Access | undefined, actor: Actor | null, client: ApiClient | null = null): 'ok' | 'unauthorized' | 'forbidden' {
  if (!rule) return 'forbidden';
  if (rule.kind === 'public') return 'ok';
  if (rule.kind === 'apiToken') return !client ? 'unauthorized' : client.scopes.includes(rule.scope) ? 'ok' : 'forbidden';
  if (!actor) return 'unauthorized';
  if (rule.kind === 'signInStep') return 'ok';
  if (!actor.fullySignedIn) return 'unauthorized';
  if (rule.kind === 'signedIn') return 'ok';
  if (rule.kind === 'platformAdmin') return actor.isPlatformAdmin ? 'ok' : 'forbidden';
  if (actor.isPlatformAdmin && rule.roles.includes('org_admin')) return 'ok';
  return actor.roles.some((r) => rule.roles.includes(r)) ? 'ok' : 'forbidden';
}

/** Keeps every registered route, so a start-up check and a test can see which ones lack a policy. */
export function installAccessControl(app: FastifyInstance): RouteOptions[] {
  const routes: RouteOptions[] = [];
  app.decorateRequest('actor', null);
  app.decorateRequest('apiClient', null);
  app.decorate('routeList', routes);
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    const missing = routes.filter((r) => !r.config?.access).map((r) => `${String(r.method)} ${r.url}`);
    if (missing.length > 0) throw new Error(`Routes without an access policy: ${missing.join(', ')}`);
  });
  // NOTE: preValidation, not preHandler: a caller without access gets 401/403 before the body is validated, so the
  // answer never depends on (or reveals) the route's input schema.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (request.is404) return; // the not-found handler reveals nothing
    const verdict = decide(request.routeOptions.config.access, request.actor, request.apiClient);
    if (verdict === 'unauthorized') throw new AppError('unauthorized', 'Please sign in.');
    if (verdict === 'forbidden') throw new AppError('forbidden', 'You are not allowed to do this.');
  });
  return routes;
}

/** Marks every route registered inside `instance` (a plugin scope) as public: static assets, API docs. */
export function markScopePublic(instance: FastifyInstance): void {
  instance.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: { kind: 'public' } };
  });
}

/** Every organisation, or exactly one. */
export type ReadScope = { all: true } | { all: false; organisationId: string };

/**
 * What an administrator may read of organisation-owned records (audit trail, outbox): platform admins everything, or
 * the one organisation they ask for; organisation admins only their own. Null when the actor may not read them.
 */
export function adminReadScope(actor: Actor, requestedOrganisationId?: string): ReadScope | null {
  if (actor.isPlatformAdmin) return requestedOrganisationId ? { all: false, organisationId: requestedOrganisationId } : { all: true };
  if (!actor.organisationId || !actor.roles.includes('org_admin')) return null;
  if (requestedOrganisationId && requestedOrganisationId !== actor.organisationId) return null;
  return { all: false, organisationId: actor.organisationId };
}
