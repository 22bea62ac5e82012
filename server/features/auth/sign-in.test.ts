import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { WRONG_CREDENTIALS } from './sign-in.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function post(url: string, payload: unknown, cookie?: string, ip = '10.0.0.1') {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers: cookie ? { cookie } : {}, remoteAddress: ip });
}

async function auditRows(action: string, entityId: string | null) {
  let q = t.deps.db.selectFrom('auditEvent').select(['action', 'actorAccountId', 'entityId', 'details', 'ip']).where('action', '=', action);
  q = entityId === null ? q.where('entityId', 'is', null) : q.where('entityId', '=', entityId);
  return q.orderBy('seq').execute();
}

describe('sign-in with email and password', () => {
  it('sets an HttpOnly session cookie and answers the next step', async () => {
    const org = await createOrganisation(t.deps.db);
    const account = await createAccount(t.deps.db, { organisationId: org.id, roles: ['trainer'] });
    const res = await post('/api/auth/sign-in', { email: account.email.toUpperCase(), password: account.password });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ signInStep: 'done' });
    const cookie = res.cookies.find((c) => c.name === 'ph_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // NOTE: a browser-session cookie: closing the browser forgets it; the server still ends the session itself.
    expect(cookie?.maxAge).toBeUndefined();
    expect(cookie?.expires).toBeUndefined();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await t.deps.db.selectFrom('authSession').select(['tokenHash', 'organisationId']).where('accountId', '=', account.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(cookie?.value);
    expect(stored[0]?.organisationId).toBe(org.id);
    expect(await auditRows('sign_in.password', account.id)).toHaveLength(1);
  });

  it('gives a wrong password and an unknown email the same status and message', async () => {
    const account = await createAccount(t.deps.db);
    const wrong = await post('/api/auth/sign-in', { email: account.email, password: 'not-the-password' }, undefined, '10.0.1.1');
    const unknown = await post('/api/auth/sign-in', { email: 'nobody-here@example.test', password: 'whatever-password' }, undefined, '10.0.1.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ code: 'unauthorized', message: WRONG_CREDENTIALS });
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.cookies).toHaveLength(0);
    const failed = await auditRows('sign_in.failed', account.id);
    expect(failed).toEqual([expect.objectContaining({ actorAccountId: account.id, details: { reason: 'wrong_password' } })]);
    const unknownRows = await t.deps.db.selectFrom('auditEvent').select(['actorAccountId', 'details']).where('action', '=', 'sign_in.failed').where('actorAccountId', 'is', null).execute();
    expect(unknownRows.some((r) => (r.details as { reason?: string }).reason === 'unknown_account')).toBe(true);
    expect(JSON.stringify(unknownRows)).not.toContain('nobody-here');
  });

  it('locks the account after 5 wrong passwords with the same message, and unlocks after 15 minutes', async () => {
    const start = new Date('2030-01-01T10:00:00Z');
    t.setNow(start);
    const account = await createAccount(t.deps.db);
    for (let i = 0; i < 5; i++) {
      const res = await post('/api/auth/sign-in', { email: account.email, password: `wrong-${i}` }, undefined, '10.0.2.1');
      expect(res.statusCode).toBe(401);
    }
    const locked = await post('/api/auth/sign-in', { email: account.email, password: account.password }, undefined, '10.0.2.2');
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toEqual({ code: 'unauthorized', message: WRONG_CREDENTIALS });
    expect(await auditRows('account.locked', account.id)).toHaveLength(1);
    t.setNow(new Date(start.getTime() + 14 * 60_000));
    expect((await post('/api/auth/sign-in', { email: account.email, password: account.password }, undefined, '10.0.2.3')).statusCode).toBe(401);
    t.setNow(new Date(start.getTime() + 15 * 60_000 + 1000));
    const after = await post('/api/auth/sign-in', { email: account.email, password: account.password }, undefined, '10.0.2.4');
    expect(after.statusCode).toBe(200);
    const row = await t.deps.db.selectFrom('account').select(['failedSignIns', 'lockedUntil']).where('id', '=', account.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ failedSignIns: 0, lockedUntil: null });
    t.setNow(new Date());
  });

  it('answers 429 after 10 failures for one email from one address, and 50 from one address', async () => {
    const email = 'rate-target@example.test';
    for (let i = 0; i < 10; i++) await post('/api/auth/sign-in', { email, password: `wrong-${i}` }, undefined, '10.0.3.1');
    const limited = await post('/api/auth/sign-in', { email, password: 'wrong-x' }, undefined, '10.0.3.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'too_many_requests' });
    expect((await post('/api/auth/sign-in', { email, password: 'wrong-y' }, undefined, '10.0.3.2')).statusCode).toBe(401);
    for (let i = 0; i < 50; i++) await post('/api/auth/sign-in', { email: `n${i}@example.test`, password: 'wrong' }, undefined, '10.0.3.3');
    expect((await post('/api/auth/sign-in', { email: 'other@example.test', password: 'wrong' }, undefined, '10.0.3.3')).statusCode).toBe(429);
  });

  it('evaluates at most 5 wrong passwords of 29 sent at once, then refuses the right one', async () => {
    const account = await createAccount(t.deps.db);
    // NOTE: one address each, so only the account lockout can stop them (not the per-address limits).
    const wrong = await Promise.all(
      Array.from({ length: 29 }, (_, i) => post('/api/auth/sign-in', { email: account.email, password: `wrong-${i}` }, undefined, `10.0.5.${i + 1}`)),
    );
    expect(wrong.map((r) => r.statusCode)).toEqual(Array(29).fill(401));
    const right = await post('/api/auth/sign-in', { email: account.email, password: account.password }, undefined, '10.0.5.100');
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual({ code: 'unauthorized', message: WRONG_CREDENTIALS });
    const reasons = (await auditRows('sign_in.failed', account.id)).map((r) => (r.details as { reason: string }).reason);
    expect(reasons.filter((r) => r === 'wrong_password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(25);
    expect(await auditRows('account.locked', account.id)).toHaveLength(1);
  });

  it('counts each attempt before checking it: of 15 sent at once for one email from one address, 5 get 429', async () => {
    const email = 'parallel-target@example.test';
    const res = await Promise.all(Array.from({ length: 15 }, (_, i) => post('/api/auth/sign-in', { email, password: `wrong-${i}` }, undefined, '10.0.6.1')));
    const codes = res.map((r) => r.statusCode).sort();
    expect(codes).toEqual([...Array(10).fill(401), ...Array(5).fill(429)]);
  });

  it('does not count successful sign-ins against the limits', async () => {
    const account = await createAccount(t.deps.db);
    for (let i = 0; i < 12; i++) expect((await post('/api/auth/sign-in', account, undefined, '10.0.7.1')).statusCode).toBe(200);
  });

  it('refuses a disabled account with the same message', async () => {
    const account = await createAccount(t.deps.db);
    await t.deps.db.updateTable('account').set({ disabledAt: new Date() }).where('id', '=', account.id).execute();
    const res = await post('/api/auth/sign-in', { email: account.email, password: account.password }, undefined, '10.0.4.1');
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe(WRONG_CREDENTIALS);
  });

  it('answers bad input with field errors', async () => {
    const res = await post('/api/auth/sign-in', { email: 'not-an-email', password: '' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields).sort()).toEqual(['email', 'password']);
  });
});

describe('GET /api/me and sign-out', () => {
  it('answers 401 when signed out', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
  });

  it('describes the account, organisation and roles; sign-out ends the session', async () => {
    const org = await createOrganisation(t.deps.db, { name: 'Test NGO' });
    const account = await createAccount(t.deps.db, { organisationId: org.id, roles: ['trainer'], language: 'nb' });
    const cookie = await signIn(t.app, account);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      account: {
        id: account.id,
        email: account.email,
        displayName: 'Test Person',
        language: 'nb',
        isPlatformAdmin: false,
        twoFactorEnabled: false,
        twoFactorRequired: false,
      },
      signInStep: 'done',
      organisationId: org.id,
      roles: ['trainer'],
      memberships: [{ organisationId: org.id, organisationName: 'Test NGO', roles: ['trainer'] }],
    });
    const out = await post('/api/auth/sign-out', undefined, cookie);
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'ph_session')?.value).toBe('');
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    expect(await auditRows('sign_out', null)).toHaveLength(0);
    const signOuts = await t.deps.db.selectFrom('auditEvent').select('actorAccountId').where('action', '=', 'sign_out').where('actorAccountId', '=', account.id).execute();
    expect(signOuts).toHaveLength(1);
  });
});
