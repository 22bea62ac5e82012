import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '#tests/factories.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { PASSWORD_MESSAGES } from '#shared/auth/password-policy.ts';
import { runDueJobs } from '#server/features/jobs/jobs.worker.ts';
import { PASSWORD_RESET_JOB, passwordResetJob, RESET_JOB_DELAY_MS } from './password-reset.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.setNow(new Date('2030-05-01T09:00:00Z')));

function post(url: string, payload: object, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url, payload, headers });
}

async function outboxFor(email: string) {
  return t.deps.db.selectFrom('outboxEmail').select(['subject', 'bodyText']).where('toAddress', '=', email).execute();
}

/** Runs the queued reset requests, as the job worker would once their random delay has passed. */
async function runResetJobs() {
  const back = t.deps.now();
  t.setNow(new Date(back.getTime() + RESET_JOB_DELAY_MS));
  try {
    return await runDueJobs(t.deps, { [PASSWORD_RESET_JOB]: passwordResetJob });
  } finally {
    t.setNow(back);
  }
}

async function requestToken(email: string): Promise<string> {
  const res = await post('/api/auth/password-reset/request', { email });
  expect(res.statusCode).toBe(202);
  await runResetJobs();
  const [mail] = await outboxFor(email);
  const match = /\/reset-password#token=([A-Za-z0-9_-]{43})$/m.exec(mail?.bodyText ?? '');
  if (!match?.[1]) throw new Error('no reset link in the email');
  return match[1];
}

describe('password reset request', () => {
  it('answers an unknown email exactly like a known one, and emails only the known one', async () => {
    const account = await createAccount(t.deps.db);
    const known = await post('/api/auth/password-reset/request', { email: account.email });
    const unknown = await post('/api/auth/password-reset/request', { email: 'no-such-person@example.test' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(unknown.cookies).toEqual(known.cookies);
    // NOTE: the request itself does the same work for both (one queued job); the job finds out whether to email.
    const jobs = await t.deps.db.selectFrom('job').select(['id', 'payload']).where('kind', '=', PASSWORD_RESET_JOB).where('status', '=', 'pending').execute();
    expect(jobs).toHaveLength(2);
    expect(JSON.stringify(jobs)).not.toContain(account.email);
    expect(JSON.stringify(jobs)).not.toContain('no-such-person');
    expect(await outboxFor(account.email)).toHaveLength(0);
    expect(await runResetJobs()).toEqual({ done: 2, retried: 0, failed: 0 });
    const mails = await outboxFor(account.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Pro Health: password reset');
    expect(mails[0]?.bodyText).toContain('http://localhost:3000/reset-password#token=');
    expect(mails[0]?.bodyText).not.toContain(account.email);
    expect(await outboxFor('no-such-person@example.test')).toHaveLength(0);
    const audit = await t.deps.db
      .selectFrom('auditEvent')
      .select(['details', 'ip'])
      .where('action', '=', 'password.reset_requested')
      .where('entityId', '=', account.id)
      .execute();
    expect(audit).toEqual([{ details: {}, ip: '127.0.0.1' }]);
    expect(await t.deps.db.selectFrom('passwordReset').select('id').where('accountId', '=', account.id).execute()).toHaveLength(1);
  });

  it('emails nothing for a disabled account', async () => {
    const account = await createAccount(t.deps.db);
    await t.deps.db.updateTable('account').set({ disabledAt: new Date() }).where('id', '=', account.id).execute();
    expect((await post('/api/auth/password-reset/request', { email: account.email })).statusCode).toBe(202);
    await runResetJobs();
    expect(await outboxFor(account.email)).toHaveLength(0);
  });

  it('rate-limits requests per address with 429', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: 'flood@example.test' }, remoteAddress: '10.2.0.1' });
      expect(res.statusCode).toBe(202);
    }
    const limited = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: 'flood@example.test' }, remoteAddress: '10.2.0.1' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('too_many_requests');
  });
});

describe('password reset completion', () => {
  it('sets the new password, signs out every session, and works only once', async () => {
    const account = await createAccount(t.deps.db);
    const cookie = await signIn(t.app, account);
    const token = await requestToken(account.email);
    const done = await post('/api/auth/password-reset/complete', { token, password: 'a brand new long passphrase' });
    expect(done.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await post('/api/auth/sign-in', { email: account.email, password: account.password })).statusCode).toBe(401);
    expect((await post('/api/auth/sign-in', { email: account.email, password: 'a brand new long passphrase' })).statusCode).toBe(200);
    const again = await post('/api/auth/password-reset/complete', { token, password: 'another long passphrase' });
    expect(again.statusCode).toBe(400);
    expect(again.json().fields).toHaveProperty('token');
    const audit = await t.deps.db.selectFrom('auditEvent').select(['actorAccountId', 'details']).where('action', '=', 'password.reset').where('entityId', '=', account.id).execute();
    expect(audit).toEqual([{ actorAccountId: account.id, details: { sessionsRevoked: 1 } }]);
  });

  it('expires after 30 minutes', async () => {
    const account = await createAccount(t.deps.db);
    const token = await requestToken(account.email);
    t.setNow(new Date('2030-05-01T09:30:00Z'));
    const late = await post('/api/auth/password-reset/complete', { token, password: 'a brand new long passphrase' });
    expect(late.statusCode).toBe(400);
    t.setNow(new Date('2030-05-01T09:29:59Z'));
    expect((await post('/api/auth/password-reset/complete', { token, password: 'a brand new long passphrase' })).statusCode).toBe(200);
  });

  it('refuses a weak password without using up the link', async () => {
    const account = await createAccount(t.deps.db);
    const token = await requestToken(account.email);
    const weak = await post('/api/auth/password-reset/complete', { token, password: 'parola123456' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'invalid', fields: { password: PASSWORD_MESSAGES.common } });
    const short = await post('/api/auth/password-reset/complete', { token, password: 'short' });
    expect(short.json().fields).toEqual({ password: PASSWORD_MESSAGES.too_short });
    expect((await post('/api/auth/password-reset/complete', { token, password: 'a strong enough sentence' })).statusCode).toBe(200);
  });

  it('refuses an unknown token', async () => {
    const res = await post('/api/auth/password-reset/complete', { token: 'x'.repeat(43), password: 'a brand new long passphrase' });
    expect(res.statusCode).toBe(400);
  });
});
