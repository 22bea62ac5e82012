import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { signIn, totpCode } from '#tests/auth-helpers.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { openTotpSecret } from './totp.ts';

let t: TestApp;
let ip = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
// NOTE: a fixed clock per test; codes are generated for t.deps.now().
beforeEach(() => t.setNow(new Date()));

/** Each call from a fresh address, so rate limits of one test do not reach the next. */
function call(method: 'GET' | 'POST', url: string, cookie: string, payload?: object) {
  ip += 1;
  return t.app.inject({ method, url, headers: { cookie }, payload, remoteAddress: `10.1.${Math.floor(ip / 250)}.${ip % 250}` });
}

async function passwordOnly(account: { email: string; password: string }) {
  return signIn(t.app, { email: account.email, password: account.password });
}

/** The cookie a response set: the session's token changes when the second factor is given. */
function newCookie(res: { cookies: { name: string; value: string; maxAge?: number }[] }): string {
  const session = res.cookies.find((c) => c.name === 'ph_session');
  if (!session) throw new Error('no new session cookie');
  expect(session.maxAge).toBeUndefined();
  return `ph_session=${session.value}`;
}

async function actions(accountId: string) {
  const rows = await t.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', accountId).orderBy('seq').execute();
  return rows.map((r) => r.action);
}

describe('two-factor enrolment', () => {
  it('forces enrolment for a role that needs it, and blocks signed-in routes until then', async () => {
    const org = await createOrganisation(t.deps.db);
    const account = await createAccount(t.deps.db, { organisationId: org.id, roles: ['case_manager'] });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: account.email, password: account.password } });
    expect(res.json()).toEqual({ signInStep: 'enrol_totp' });
    let cookie = `ph_session=${res.cookies[0]?.value}`;
    const me = await call('GET', '/api/me', cookie);
    expect(me.json()).toMatchObject({ signInStep: 'enrol_totp', account: { twoFactorRequired: true, twoFactorEnabled: false } });
    expect((await call('GET', '/api/me/sessions', cookie)).statusCode).toBe(401);

    const start = await call('POST', '/api/auth/totp/enrol/start', cookie);
    expect(start.statusCode).toBe(200);
    const { secret, qrDataUrl } = start.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const stored = await t.deps.db.selectFrom('account').select(['totpSecret', 'totpEnabledAt']).where('id', '=', account.id).executeTakeFirstOrThrow();
    expect(stored.totpSecret).not.toContain(secret);
    expect(stored.totpSecret?.split(':')).toHaveLength(4);
    expect(openTotpSecret(t.deps.config.encryptionKeys, stored.totpSecret ?? '')).toBe(secret);
    expect(stored.totpEnabledAt).toBeNull();

    const wrong = await call('POST', '/api/auth/totp/enrol/confirm', cookie, { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'invalid', fields: { code: 'The code is not correct.' } });

    const confirm = await call('POST', '/api/auth/totp/enrol/confirm', cookie, { code: await totpCode(secret) });
    expect(confirm.statusCode).toBe(200);
    const body = confirm.json();
    expect(body.signInStep).toBe('done');
    expect(body.recoveryCodes).toHaveLength(10);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    expect(Object.keys(body).sort()).toEqual(['recoveryCodes', 'signInStep']);
    cookie = newCookie(confirm);
    expect((await call('GET', '/api/me/sessions', cookie)).statusCode).toBe(200);
    const codes = await t.deps.db.selectFrom('recoveryCode').select('codeHash').where('accountId', '=', account.id).execute();
    expect(codes).toHaveLength(10);
    expect(codes.map((c) => c.codeHash)).not.toContain(body.recoveryCodes[0]);
    expect(await actions(account.id)).toContain('two_factor.enabled');

    const status = await call('GET', '/api/auth/totp', cookie);
    expect(status.json()).toEqual({ enabled: true, required: true, recoveryCodesLeft: 10 });
    expect((await call('POST', '/api/auth/totp/enrol/start', cookie)).statusCode).toBe(409);
    // Secrets appear only in the enrolment answers above, never again.
    for (const res of [status, await call('GET', '/api/me', cookie), await call('GET', '/api/me/sessions', cookie)]) {
      expect(res.body).not.toContain(secret);
      expect(res.body).not.toContain(body.recoveryCodes[0]);
      expect(res.body).not.toMatch(/argon2|totpSecret|passwordHash|tokenHash/);
    }
  });
});

describe('two-factor sign-in step', () => {
  it('asks for the code, accepts it once and refuses its replay', async () => {
    const org = await createOrganisation(t.deps.db);
    const account = await createAccount(t.deps.db, { organisationId: org.id, roles: ['coordinator'], withTotp: true });
    const now = new Date('2030-02-01T12:00:10Z');
    t.setNow(now);
    const cookie = await passwordOnly(account);
    expect((await call('GET', '/api/me', cookie)).json().signInStep).toBe('totp');
    expect((await call('GET', '/api/me/sessions', cookie)).statusCode).toBe(401);
    const code = await totpCode(account.totpSecret ?? '', now);
    const ok = await call('POST', '/api/auth/totp', cookie, { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ signInStep: 'done' });
    expect((await call('GET', '/api/me/sessions', newCookie(ok))).statusCode).toBe(200);

    const second = await passwordOnly(account);
    const replay = await call('POST', '/api/auth/totp', second, { code });
    expect(replay.statusCode).toBe(400);
    expect((await call('GET', '/api/me', second)).json().signInStep).toBe('totp');
    t.setNow(new Date(now.getTime() + 30_000));
    const next = await call('POST', '/api/auth/totp', second, { code: await totpCode(account.totpSecret ?? '', new Date(now.getTime() + 30_000)) });
    expect(next.statusCode).toBe(200);
    t.setNow(new Date());
  });

  it('accepts a recovery code once, and the helper completes the step', async () => {
    const org = await createOrganisation(t.deps.db);
    const account = await createAccount(t.deps.db, { organisationId: org.id, roles: ['coordinator'] });
    const now = new Date('2030-03-01T08:00:00Z');
    t.setNow(now);
    const first = await passwordOnly(account);
    const { secret } = (await call('POST', '/api/auth/totp/enrol/start', first)).json();
    const { recoveryCodes } = (await call('POST', '/api/auth/totp/enrol/confirm', first, { code: await totpCode(secret, now) })).json();
    const recovery = recoveryCodes[3].toLowerCase().replaceAll('-', ' ');

    const used = await call('POST', '/api/auth/totp', await passwordOnly(account), { code: recovery });
    expect(used.statusCode).toBe(200);
    const cookie = newCookie(used);
    expect(await actions(account.id)).toContain('two_factor.recovery_code_used');
    const again = await passwordOnly(account);
    expect((await call('POST', '/api/auth/totp', again, { code: recovery })).statusCode).toBe(400);
    expect((await call('GET', '/api/auth/totp', cookie)).json().recoveryCodesLeft).toBe(9);

    const later = new Date(now.getTime() + 30_000);
    t.setNow(later);
    const helper = await signIn(t.app, { email: account.email, password: account.password, totpSecret: secret, now: later });
    expect((await call('GET', '/api/me', helper)).json().signInStep).toBe('done');
  });

  it('rate-limits wrong codes with 429', async () => {
    const account = await createAccount(t.deps.db, { withTotp: true });
    const cookie = await passwordOnly(account);
    for (let i = 0; i < 10; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/totp', headers: { cookie }, payload: { code: '123456' }, remoteAddress: '10.9.9.9' });
      expect(res.statusCode).toBe(400);
    }
    const limited = await t.app.inject({ method: 'POST', url: '/api/auth/totp', headers: { cookie }, payload: { code: '123456' }, remoteAddress: '10.9.9.9' });
    expect(limited.statusCode).toBe(429);
  });
});

describe('two-factor lockout across addresses', () => {
  const wrongFrom = (cookie: string, address: string, code = '123456', url = '/api/auth/totp') =>
    t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { code }, remoteAddress: address });

  it('locks the second factor after 10 wrong codes from any number of addresses, for 15 minutes', async () => {
    const now = new Date('2030-04-01T10:00:10Z');
    t.setNow(now);
    const account = await createAccount(t.deps.db, { withTotp: true });
    const cookie = await passwordOnly(account);
    const codes: number[] = [];
    for (let a = 1; a <= 5; a++) for (let i = 0; i < 11; i++) codes.push((await wrongFrom(cookie, `10.4.${a}.1`)).statusCode);
    expect(codes.filter((c) => c === 400)).toHaveLength(10);
    expect(codes.filter((c) => c === 429)).toHaveLength(45);
    const right = await wrongFrom(cookie, '10.4.6.1', await totpCode(account.totpSecret ?? '', now));
    expect(right.statusCode).toBe(429);
    expect((await call('GET', '/api/me', cookie)).json().signInStep).toBe('totp');
    expect((await actions(account.id)).filter((a) => a === 'sign_in.second_factor_failed')).toHaveLength(10);
    expect((await actions(account.id)).filter((a) => a === 'two_factor.locked')).toHaveLength(1);

    const later = new Date(now.getTime() + 15 * 60_000 + 1000);
    t.setNow(later);
    const after = await wrongFrom(cookie, '10.4.7.1', await totpCode(account.totpSecret ?? '', later));
    expect(after.statusCode).toBe(200);
  });

  it('counts recovery codes and enrolment codes in the same lock', async () => {
    const account = await createAccount(t.deps.db);
    const first = await passwordOnly(account);
    const { secret } = (await call('POST', '/api/auth/totp/enrol/start', first)).json();
    const enrolCodes: number[] = [];
    for (let i = 0; i < 11; i++) enrolCodes.push((await wrongFrom(first, `10.5.0.${i + 1}`, '000000', '/api/auth/totp/enrol/confirm')).statusCode);
    expect(enrolCodes).toEqual([...Array(10).fill(400), 429]);
    expect((await wrongFrom(first, '10.5.1.1', await totpCode(secret), '/api/auth/totp/enrol/confirm')).statusCode).toBe(429);
    expect(await actions(account.id)).toContain('two_factor.locked');

    const other = await createAccount(t.deps.db, { withTotp: true });
    const cookie = await passwordOnly(other);
    const recovery: number[] = [];
    for (let i = 0; i < 11; i++) recovery.push((await wrongFrom(cookie, `10.5.2.${i + 1}`, 'AAAA-BBBB-CCCC-DDDD')).statusCode);
    expect(recovery).toEqual([...Array(10).fill(400), 429]);
  });

  it('evaluates at most 10 of 25 wrong codes sent at once from 25 addresses', async () => {
    const account = await createAccount(t.deps.db, { withTotp: true });
    const cookie = await passwordOnly(account);
    const res = await Promise.all(Array.from({ length: 25 }, (_, i) => wrongFrom(cookie, `10.6.0.${i + 1}`)));
    const codes = res.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 400)).toHaveLength(10);
    expect(codes.filter((c) => c === 429)).toHaveLength(15);
    expect((await actions(account.id)).filter((a) => a === 'sign_in.second_factor_failed')).toHaveLength(10);
  });
});

describe('the session after the second factor', () => {
  it('gets a new token when the code is given; the password-only token stops working', async () => {
    const now = new Date('2030-04-02T10:00:10Z');
    t.setNow(now);
    const account = await createAccount(t.deps.db, { withTotp: true });
    const before = await passwordOnly(account);
    const ok = await call('POST', '/api/auth/totp', before, { code: await totpCode(account.totpSecret ?? '', now) });
    expect(ok.statusCode).toBe(200);
    const after = newCookie(ok);
    expect(after).not.toBe(before);
    expect((await call('GET', '/api/me', before)).statusCode).toBe(401);
    expect((await call('GET', '/api/me/sessions', after)).statusCode).toBe(200);
    expect(await t.deps.db.selectFrom('authSession').select('id').where('accountId', '=', account.id).execute()).toHaveLength(1);
  });

  it('gets a new token when enrolment is confirmed', async () => {
    const account = await createAccount(t.deps.db);
    const before = await passwordOnly(account);
    const { secret } = (await call('POST', '/api/auth/totp/enrol/start', before)).json();
    const confirm = await call('POST', '/api/auth/totp/enrol/confirm', before, { code: await totpCode(secret) });
    expect(confirm.statusCode).toBe(200);
    const after = newCookie(confirm);
    expect((await call('GET', '/api/me', before)).statusCode).toBe(401);
    expect((await call('GET', '/api/me', after)).json().signInStep).toBe('done');
  });

  it('tells a password-only session only what the next step needs: no organisation, roles, name or platform role', async () => {
    const org = await createOrganisation(t.deps.db, { name: 'Hidden Shelter' });
    const account = await createAccount(t.deps.db, { organisationId: org.id, roles: ['coordinator'], withTotp: true, displayName: 'Ana Secret', isPlatformAdmin: true });
    const cookie = await passwordOnly(account);
    const me = await call('GET', '/api/me', cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      account: { id: account.id, email: account.email, language: null, twoFactorEnabled: true, twoFactorRequired: true },
      signInStep: 'totp',
      organisationId: null,
      roles: [],
      memberships: [],
    });
    expect(me.body).not.toContain('Hidden Shelter');
    expect(me.body).not.toContain('Ana Secret');
  });
});

describe('recovery codes and switching two-factor off', () => {
  it('regenerates recovery codes after the password; the old ones stop working', async () => {
    const account = await createAccount(t.deps.db, { withTotp: true });
    const cookie = await signIn(t.app, { ...account, now: t.deps.now() });
    const wrong = await call('POST', '/api/auth/totp/recovery-codes', cookie, { currentPassword: 'nope' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual({ currentPassword: 'The current password is not correct.' });
    const res = await call('POST', '/api/auth/totp/recovery-codes', cookie, { currentPassword: account.password });
    expect(res.statusCode).toBe(200);
    expect(res.json().recoveryCodes).toHaveLength(10);
    expect(await actions(account.id)).toContain('two_factor.recovery_codes_regenerated');
  });

  it('switches off for an account no role requires it of, and refuses where one does', async () => {
    const optional = await createAccount(t.deps.db, { withTotp: true });
    const cookie = await signIn(t.app, { ...optional, now: t.deps.now() });
    const off = await call('POST', '/api/auth/totp/disable', cookie, { currentPassword: optional.password });
    expect(off.statusCode).toBe(200);
    expect(await actions(optional.id)).toContain('two_factor.disabled');
    const row = await t.deps.db.selectFrom('account').select(['totpSecret', 'totpEnabledAt']).where('id', '=', optional.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totpSecret: null, totpEnabledAt: null });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: optional })).json()).toEqual({ signInStep: 'done' });

    const org = await createOrganisation(t.deps.db);
    const required = await createAccount(t.deps.db, { organisationId: org.id, roles: ['psychologist'], withTotp: true });
    const cookie2 = await signIn(t.app, { ...required, now: t.deps.now() });
    const refused = await call('POST', '/api/auth/totp/disable', cookie2, { currentPassword: required.password });
    expect(refused.statusCode).toBe(403);
  });
});
