import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { PASSWORD_MESSAGES } from '#shared/auth/password-policy.ts';

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const T0 = new Date('2030-06-01T08:00:00Z');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.setNow(T0));

function at(minutes: number): Date {
  return new Date(T0.getTime() + minutes * 60_000);
}

function get(url: string, cookie: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } });
}

function send(method: 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie }, payload });
}

async function audited(action: string, actorAccountId: string) {
  return t.deps.db.selectFrom('auditEvent').select(['entityId', 'details']).where('action', '=', action).where('actorAccountId', '=', actorAccountId).execute();
}

describe('session lifetime', () => {
  it('ends after the idle timeout, counted from the last request', async () => {
    const account = await createAccount(t.deps.db);
    const cookie = await signIn(t.app, account);
    t.setNow(at(29));
    expect((await get('/api/me', cookie)).statusCode).toBe(200);
    t.setNow(at(58));
    expect((await get('/api/me', cookie)).statusCode).toBe(200);
    t.setNow(at(88));
    expect((await get('/api/me', cookie)).statusCode).toBe(401);
    expect(await t.deps.db.selectFrom('authSession').select('id').where('accountId', '=', account.id).execute()).toHaveLength(0);
  });

  it('writes last_seen_at at most once a minute', async () => {
    const account = await createAccount(t.deps.db);
    const cookie = await signIn(t.app, account);
    const seen = async () =>
      (await t.deps.db.selectFrom('authSession').select('lastSeenAt').where('accountId', '=', account.id).executeTakeFirstOrThrow()).lastSeenAt;
    t.setNow(new Date(T0.getTime() + 30_000));
    await get('/api/me', cookie);
    expect(await seen()).toEqual(T0);
    t.setNow(new Date(T0.getTime() + 61_000));
    await get('/api/me', cookie);
    expect(await seen()).toEqual(new Date(T0.getTime() + 61_000));
  });

  it('ends at the absolute expiry however active it is', async () => {
    const account = await createAccount(t.deps.db);
    const cookie = await signIn(t.app, account);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.setNow(at(minutes));
      expect((await get('/api/me', cookie)).statusCode).toBe(200);
    }
    t.setNow(at(12 * 60));
    expect((await get('/api/me', cookie)).statusCode).toBe(401);
  });

  it('ends when the account is disabled', async () => {
    const account = await createAccount(t.deps.db);
    const cookie = await signIn(t.app, account);
    await t.deps.db.updateTable('account').set({ disabledAt: T0 }).where('id', '=', account.id).execute();
    expect((await get('/api/me', cookie)).statusCode).toBe(401);
  });

  it('ignores an unknown or malformed cookie', async () => {
    expect((await get('/api/me', 'ph_session=nonsense')).statusCode).toBe(401);
  });
});

describe('my sessions', () => {
  it('lists my live sessions with the current one marked and no address or token', async () => {
    const account = await createAccount(t.deps.db);
    const other = await createAccount(t.deps.db);
    await signIn(t.app, other);
    const first = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: account, headers: { 'user-agent': FIREFOX } });
    const firstCookie = `ph_session=${first.cookies[0]?.value}`;
    t.setNow(at(1));
    const cookie = await signIn(t.app, account);
    const res = await get('/api/me/sessions', cookie);
    expect(res.statusCode).toBe(200);
    const { sessions } = res.json();
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ current: true, browser: 'other', os: 'other', createdAt: at(1).toISOString() });
    expect(sessions[1]).toMatchObject({ current: false, browser: 'firefox', os: 'windows', createdAt: T0.toISOString() });
    expect(Object.keys(sessions[0]).sort()).toEqual(['browser', 'createdAt', 'current', 'id', 'lastSeenAt', 'os']);
    expect(res.body).not.toContain(firstCookie.split('=')[1]);
    expect(res.body).not.toContain('127.0.0.1');
  });

  it('signs out one session, only my own', async () => {
    const account = await createAccount(t.deps.db);
    const stranger = await createAccount(t.deps.db);
    const strangerCookie = await signIn(t.app, stranger);
    const other = await signIn(t.app, account);
    const cookie = await signIn(t.app, account);
    const mine = (await get('/api/me/sessions', cookie)).json().sessions as { id: string; current: boolean }[];
    const target = mine.find((s) => !s.current);
    const strangers = (await get('/api/me/sessions', strangerCookie)).json().sessions as { id: string }[];
    expect((await send('DELETE', `/api/me/sessions/${strangers[0]?.id}`, cookie)).statusCode).toBe(404);
    expect((await get('/api/me', strangerCookie)).statusCode).toBe(200);
    expect((await send('DELETE', `/api/me/sessions/${target?.id}`, cookie)).statusCode).toBe(200);
    expect((await get('/api/me', other)).statusCode).toBe(401);
    expect((await get('/api/me', cookie)).statusCode).toBe(200);
    expect(await audited('session.revoked', account.id)).toEqual([{ entityId: target?.id, details: {} }]);
  });

  it('signs out everywhere else, keeping this session', async () => {
    const account = await createAccount(t.deps.db);
    const a = await signIn(t.app, account);
    const b = await signIn(t.app, account);
    const cookie = await signIn(t.app, account);
    const res = await send('POST', '/api/me/sessions/sign-out-everywhere', cookie);
    expect(res.json()).toEqual({ signedOut: 2 });
    expect((await get('/api/me', a)).statusCode).toBe(401);
    expect((await get('/api/me', b)).statusCode).toBe(401);
    expect((await get('/api/me', cookie)).statusCode).toBe(200);
    expect(await audited('session.revoked_all', account.id)).toEqual([{ entityId: account.id, details: { sessionsRevoked: 2 } }]);
  });
});

describe('settings', () => {
  it('saves the language', async () => {
    const account = await createAccount(t.deps.db);
    const cookie = await signIn(t.app, account);
    expect((await send('PUT', '/api/me/language', cookie, { language: 'ro' })).statusCode).toBe(200);
    expect((await get('/api/me', cookie)).json().account.language).toBe('ro');
    expect((await send('PUT', '/api/me/language', cookie, { language: 'de' })).statusCode).toBe(400);
  });

  it('switches the active organisation among my own memberships only', async () => {
    const first = await createOrganisation(t.deps.db, { name: 'First' });
    const second = await createOrganisation(t.deps.db, { name: 'Second' });
    const foreign = await createOrganisation(t.deps.db);
    const account = await createAccount(t.deps.db, { organisationId: first.id, roles: ['trainer'] });
    // NOTE: created a minute later, as it would be: the first membership is the default, and PGlite's clock can give
    // two inserts in a row the same timestamp.
    const later = new Date(Date.now() + 60_000);
    await t.deps.db.insertInto('membership').values({ accountId: account.id, organisationId: second.id, roles: ['donor_viewer'], createdAt: later }).execute();
    const cookie = await signIn(t.app, account);
    expect((await get('/api/me', cookie)).json()).toMatchObject({ organisationId: first.id, roles: ['trainer'] });
    const res = await send('POST', '/api/me/organisation', cookie, { organisationId: second.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ organisationId: second.id, roles: ['donor_viewer'] });
    expect((await get('/api/me', cookie)).json().organisationId).toBe(second.id);
    expect((await send('POST', '/api/me/organisation', cookie, { organisationId: foreign.id })).statusCode).toBe(404);
  });

  it('asks a signed-in account to enrol 2FA when a membership in another organisation needs it', async () => {
    const calm = await createOrganisation(t.deps.db);
    const cases = await createOrganisation(t.deps.db);
    const account = await createAccount(t.deps.db, { organisationId: calm.id, roles: ['trainer'] });
    await t.deps.db.insertInto('membership').values({ accountId: account.id, organisationId: cases.id, roles: ['social_worker'] }).execute();
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: account });
    expect(res.json()).toEqual({ signInStep: 'enrol_totp' });
  });

  it('changes the password after the current one, signing out other sessions', async () => {
    const account = await createAccount(t.deps.db);
    const other = await signIn(t.app, account);
    const cookie = await signIn(t.app, account);
    const wrong = await send('PUT', '/api/me/password', cookie, { currentPassword: 'wrong', newPassword: 'a fresh long passphrase' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual({ currentPassword: 'The current password is not correct.' });
    const common = await send('PUT', '/api/me/password', cookie, { currentPassword: account.password, newPassword: 'iloveyouiloveyou' });
    expect(common.json().fields).toEqual({ newPassword: PASSWORD_MESSAGES.common });
    const local = account.email.split('@')[0] ?? '';
    const withEmail = await send('PUT', '/api/me/password', cookie, { currentPassword: account.password, newPassword: `x${local}x-long` });
    expect(withEmail.json().fields).toEqual({ newPassword: PASSWORD_MESSAGES.contains_email });
    const ok = await send('PUT', '/api/me/password', cookie, { currentPassword: account.password, newPassword: 'a fresh long passphrase' });
    expect(ok.statusCode).toBe(200);
    expect((await get('/api/me', other)).statusCode).toBe(401);
    expect((await get('/api/me', cookie)).statusCode).toBe(200);
    expect(await audited('password.changed', account.id)).toEqual([{ entityId: account.id, details: { sessionsRevoked: 1 } }]);
  });
});

describe('password confirmation under attack', () => {
  it('evaluates at most 5 of 40 wrong current passwords sent at once, audits each, and then refuses the right one', async () => {
    const account = await createAccount(t.deps.db);
    const cookie = await signIn(t.app, account);
    const attempt = (currentPassword: string, i: number) =>
      t.app.inject({ method: 'PUT', url: '/api/me/password', headers: { cookie }, payload: { currentPassword, newPassword: 'a fresh long passphrase' }, remoteAddress: `10.3.0.${i}` });
    const res = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(`wrong-${i}`, i + 1)));
    const codes = res.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 400)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(35);
    const right = await attempt(account.password, 100);
    expect(right.statusCode).toBe(429);
    const failed = await audited('password.confirm_failed', account.id);
    expect(failed.filter((r) => (r.details as { reason: string }).reason === 'wrong_password')).toHaveLength(5);
    expect(failed).toHaveLength(41);
    expect(await audited('password.changed', account.id)).toHaveLength(0);
  });
});

describe('CSRF defence', () => {
  it('refuses a state change from another origin, and accepts our own', async () => {
    const account = await createAccount(t.deps.db);
    const cookie = await signIn(t.app, account);
    const foreign = await t.app.inject({ method: 'PUT', url: '/api/me/language', headers: { cookie, origin: 'https://evil.example' }, payload: { language: 'en' } });
    expect(foreign.statusCode).toBe(403);
    const own = await t.app.inject({ method: 'PUT', url: '/api/me/language', headers: { cookie, origin: 'http://localhost:3000' }, payload: { language: 'en' } });
    expect(own.statusCode).toBe(200);
    const host = await t.app.inject({ method: 'PUT', url: '/api/me/language', headers: { cookie, origin: 'http://localhost:80', host: 'localhost:80' }, payload: { language: 'en' } });
    expect(host.statusCode).toBe(200);
  });

  it('refuses a form-encoded or plain-text body', async () => {
    const account = await createAccount(t.deps.db);
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${encodeURIComponent(account.email)}&password=${encodeURIComponent(account.password)}`,
    });
    expect(form.statusCode).toBe(415);
    const text = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'text/plain' }, payload: JSON.stringify(account) });
    expect(text.statusCode).toBe(415);
  });
});
