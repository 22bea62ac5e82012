// Findings 5 and 7 of the hardening probe, one test each: bodies that are not objects, and values the database would
// refuse (NUL, tsquery chains, int4 overflow, far dates, forged cursors), all answered 400 with field errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';

let t: TestApp;
let admin: string;
let organisationId: string;
beforeAll(async () => {
  t = await createTestApp();
  const organisation = await createOrganisation(t.deps.db);
  organisationId = organisation.id;
  const account = await createAccount(t.deps.db, { organisationId, roles: ['org_admin', 'coordinator', 'editor'], isPlatformAdmin: true, withTotp: true });
  admin = await signIn(t.app, account);
});
afterAll(async () => t.close());

const json = { 'content-type': 'application/json' };

function expectFieldError(res: { statusCode: number; json(): unknown }, field: string) {
  expect(res.statusCode).toBe(400);
  const body = res.json() as { code: string; fields?: Record<string, string> };
  expect(body.code).toBe('invalid');
  expect(Object.keys(body.fields ?? {})).toContain(field);
}

describe('a JSON body that is not an object (finding 5)', () => {
  for (const payload of ['[]', '"str"', '123', 'null', 'true']) {
    it(`answers ${payload} with 400, signed out and signed in`, async () => {
      const anonymous = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: json, payload });
      expectFieldError(anonymous, '_');
      const signedIn = await t.app.inject({ method: 'PUT', url: '/api/me/language', headers: { ...json, cookie: admin }, payload });
      expectFieldError(signedIn, '_');
    });
  }

  it('answers a missing body with 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in' });
    expectFieldError(res, '_');
  });
});

describe('values the database would refuse (finding 7)', () => {
  it('refuses a NUL byte in a search query and in a reader report', async () => {
    expectFieldError(await t.app.inject({ method: 'GET', url: '/api/library/search?q=a%00b&lang=ro' }), 'q');
    const report = { sectionId: '00000000-0000-4000-8000-000000000000', language: 'ro', kind: 'unclear', comment: 'a\u0000b' };
    expectFieldError(await t.app.inject({ method: 'POST', url: '/api/library/reports', headers: json, payload: report }), 'comment');
  });

  it('refuses a search query of dashes, and one of too many words', async () => {
    expectFieldError(await t.app.inject({ method: 'GET', url: `/api/library/search?q=${'-'.repeat(200)}&lang=ro` }), 'q');
    expectFieldError(await t.app.inject({ method: 'GET', url: `/api/library/search?q=${encodeURIComponent('- '.repeat(99))}a&lang=ro` }), 'q');
    expectFieldError(await t.app.inject({ method: 'GET', url: `/api/library/search?q=${encodeURIComponent('word '.repeat(13))}&lang=ro` }), 'q');
    const chain = await t.app.inject({ method: 'GET', url: `/api/library/search?q=${encodeURIComponent(`a${'-'.repeat(150)}b`)}&lang=ro` });
    expect(chain.statusCode).toBe(200);
  });

  it('refuses a version past int4 on organisation and report updates', async () => {
    const profile = { name: 'Test organisation', type: 'NGO', country: 'RO', version: 2_147_483_648 };
    expectFieldError(await t.app.inject({ method: 'PUT', url: '/api/organisation', headers: { ...json, cookie: admin }, payload: profile }), 'version');
    const close = { resolution: 'declined', note: 'Not an error', version: 2_147_483_648 };
    const res = await t.app.inject({ method: 'POST', url: '/api/library/reports/00000000-0000-4000-8000-000000000000/close', headers: { ...json, cookie: admin }, payload: close });
    expectFieldError(res, 'version');
  });

  for (const url of ['/api/audit', '/api/audit/export.csv', '/api/library/usage']) {
    it(`refuses dates in year 0 and 9999 on ${url}`, async () => {
      for (const range of ['from=0000-01-01&to=2026-12-01', 'from=2026-12-01&to=9999-12-31']) {
        const res = await t.app.inject({ method: 'GET', url: `${url}?${range}`, headers: { cookie: admin } });
        expectFieldError(res, range.startsWith('from=0') ? 'from' : 'to');
      }
    });
  }

  it('refuses a malformed outbox cursor', async () => {
    for (const before of ['9999-99-99T99:99:99Z_00000000-0000-4000-8000-000000000000', '2026-01-01T00:00:00Z_not-a-uuid', '_']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/outbox?before=${encodeURIComponent(before)}`, headers: { cookie: admin } });
      expectFieldError(res, 'before');
    }
  });
});

describe('hooks decide on the route, not the raw URL (finding 8)', () => {
  it('refuses a foreign Origin on a percent-encoded API path as on the plain one', async () => {
    const payload = { email: 'nobody@example.org', password: 'wrong password' };
    const headers = { ...json, origin: 'https://evil.example' };
    const plain = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers, payload });
    const encoded = await t.app.inject({ method: 'POST', url: '/%61pi/auth/sign-in', headers, payload });
    expect(plain.statusCode).toBe(403);
    expect(encoded.statusCode).toBe(403);
  });

  it('reads the session on a percent-encoded API path, and never lets its answer be cached', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/%61pi/me', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const missing = await t.app.inject({ method: 'GET', url: '/%61pi/no-such-thing', headers: { accept: 'text/html' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
  });
});
