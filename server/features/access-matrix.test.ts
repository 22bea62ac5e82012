// The authorisation matrix, generated from the routes themselves: every registered route declares an access policy;
// every non-public /api route answers 401 to an anonymous caller and to a session still missing its second factor;
// every role-restricted route answers 403 to a signed-in account holding none of its roles, and lets a holder of
// one of them past the check. A route added without a policy, or with one that does not hold, fails here.
import { randomUUID } from 'node:crypto';
import type { RouteOptions } from 'fastify';
import { afterAll, describe, expect, test } from 'vitest';
import type { Access } from '#server/http/access.ts';
import { ROLES, type Role } from '#shared/auth/roles.ts';
import { API_SCOPES } from '#shared/referrals/referral-vocabulary.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp } from '#tests/test-app.ts';
import { insertApiToken } from '#server/features/fhir/fhir.fixtures.ts';

interface Endpoint {
  method: string;
  url: string;
  access: Access | undefined;
}

// NOTE: built at module level (not in beforeAll) so that each route becomes its own named test below.
const t = await createTestApp();
afterAll(() => t.close());

const endpoints: Endpoint[] = t.app.routeList.flatMap((route: RouteOptions) =>
  [route.method]
    .flat()
    .filter((method) => method !== 'HEAD' && method !== 'OPTIONS')
    .map((method) => ({ method, url: route.url, access: route.config?.access })),
);
const name = (e: Endpoint) => `${e.method} ${e.url}`;
const api = endpoints.filter((e) => e.url.startsWith('/api/'));
const guarded = api.filter((e) => e.access?.kind !== 'public');
const pastSignIn = guarded.filter((e) => e.access?.kind !== 'signInStep');
const byRole = guarded.filter((e) => e.access?.kind === 'roles' || e.access?.kind === 'platformAdmin');
/** Routes for other systems (FHIR): an organisation's API token with a scope, never a session. */
const byToken = endpoints.filter((e) => e.access?.kind === 'apiToken');

/** The route's URL with every path parameter filled with a placeholder (a random uuid) and wildcards with a word. */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z0-9_]+/g, () => randomUUID()).replace(/\*/g, 'placeholder');
}

function call(e: Endpoint, cookie?: string) {
  return t.app.inject({ method: e.method as 'GET', url: concrete(e.url), headers: cookie ? { cookie } : {} });
}

const sessions = new Map<string, Promise<string>>();

/** A fully signed-in session (two-factor done) of an account holding exactly `roles` in a fresh organisation. */
function sessionWith(roles: Role[], isPlatformAdmin = false): Promise<string> {
  const key = `${isPlatformAdmin}:${[...roles].sort().join(',')}`;
  let session = sessions.get(key);
  if (!session) {
    session = (async () => {
      const organisation = await createOrganisation(t.deps.db);
      const account = await createAccount(t.deps.db, { organisationId: organisation.id, roles, isPlatformAdmin, withTotp: true });
      return signIn(t.app, account);
    })();
    sessions.set(key, session);
  }
  return session;
}

let halfSignedIn: Promise<string> | undefined;

/** A session that gave the password but not yet the second factor, of an account holding every role. */
function passwordOnlySession(): Promise<string> {
  halfSignedIn ??= (async () => {
    const organisation = await createOrganisation(t.deps.db);
    const account = await createAccount(t.deps.db, { organisationId: organisation.id, roles: [...ROLES], withTotp: true });
    return signIn(t.app, { email: account.email, password: account.password });
  })();
  return halfSignedIn;
}

/** Every role except those the policy admits: the strongest caller that must still be refused. */
function rolesOutside(rule: Access): Role[] {
  if (rule.kind === 'platformAdmin') return [...ROLES];
  if (rule.kind !== 'roles') return [];
  return ROLES.filter((r) => !rule.roles.includes(r));
}

describe('access matrix', () => {
  test('the app registers routes, and the matrix sees the API', () => {
    expect(endpoints.map(name)).toContain('GET /healthz');
    expect(api.map(name)).toContain('GET /api/me');
    expect(guarded.length).toBeGreaterThan(0);
  });

  test('every registered route declares an access policy', () => {
    expect(endpoints.filter((e) => !e.access).map(name)).toEqual([]);
  });

  test('every route that needs a session lives under /api/ (the session cookie is read only there)', () => {
    expect(endpoints.filter((e) => e.access?.kind !== 'public' && e.access?.kind !== 'apiToken' && !e.url.startsWith('/api/')).map(name)).toEqual([]);
  });

  test('every route taking an API token lives under /fhir/, and the matrix sees them', () => {
    expect(byToken.filter((e) => !e.url.startsWith('/fhir/')).map(name)).toEqual([]);
    expect(byToken.map(name)).toContain('GET /fhir/Task/:id');
  });

  test.each(guarded.map((e) => [name(e), e] as const))('anonymous %s → 401', async (_label, e) => {
    const res = await call(e);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthorized' });
  });

  test.each(pastSignIn.map((e) => [name(e), e] as const))('%s → 401 half-way through sign-in (second factor not given)', async (_label, e) => {
    const res = await call(e, await passwordOnlySession());
    expect(res.statusCode).toBe(401);
  });

  test.each(byRole.map((e) => [name(e), e] as const))('%s refuses an account holding none of its roles → 403', async (_label, e) => {
    const res = await call(e, await sessionWith(rolesOutside(e.access!)));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
  });

  test.each(byRole.map((e) => [name(e), e] as const))('%s lets a holder of its role past the access check', async (_label, e) => {
    const rule = e.access!;
    const cookie = rule.kind === 'platformAdmin' ? await sessionWith([], true) : await sessionWith([rule.kind === 'roles' ? rule.roles[0]! : 'org_admin']);
    const res = await call(e, cookie);
    // NOTE: placeholder ids and empty bodies make most of these 400 or 404; what matters is that access was granted.
    expect([401, 403]).not.toContain(res.statusCode);
  });

  test.each(byToken.map((e) => [name(e), e] as const))('%s → 401 without a token, with a revoked or expired one, and with only a session', async (_label, e) => {
    const organisationId = (await createOrganisation(t.deps.db)).id;
    const revoked = await insertApiToken(t.deps.db, organisationId, { revokedAt: new Date() });
    const expired = await insertApiToken(t.deps.db, organisationId, { expiresAt: new Date(Date.now() - 1000) });
    const everything = await sessionWith([...ROLES], true);
    for (const headers of [{}, { authorization: revoked.authorization }, { authorization: expired.authorization }, { cookie: everything }, { authorization: 'Bearer not-a-token-at-all' }]) {
      const res = await t.app.inject({ method: e.method as 'GET', url: concrete(e.url), headers });
      expect(res.statusCode, JSON.stringify(Object.keys(headers))).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  test.each(byToken.map((e) => [name(e), e] as const))('%s refuses a token without its scope → 403, and lets one with it past the check', async (_label, e) => {
    const rule = e.access as Extract<Access, { kind: 'apiToken' }>;
    const organisationId = (await createOrganisation(t.deps.db)).id;
    const without = await insertApiToken(t.deps.db, organisationId, { scopes: API_SCOPES.filter((s) => s !== rule.scope) });
    const withScope = await insertApiToken(t.deps.db, organisationId, { scopes: [rule.scope] });
    const refused = await t.app.inject({ method: e.method as 'GET', url: concrete(e.url), headers: { authorization: without.authorization } });
    expect(refused.statusCode).toBe(403);
    const passed = await t.app.inject({ method: e.method as 'GET', url: concrete(e.url), headers: { authorization: withScope.authorization } });
    expect([401, 403]).not.toContain(passed.statusCode);
  });
});
