// Signs a test account in through the real routes and returns the Cookie header for app.inject().
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';

export interface SignInCredentials {
  email: string;
  password: string;
  /** When given, the two-factor step is completed with a code generated from it. */
  totpSecret?: string;
  /**
   * The test app's clock (pass `t.deps.now()` when the test has moved it with `t.setNow`): the server checks
   * the code against its own clock. Defaults to the real time.
   */
  now?: Date;
  /**
   * Says in the test that a half-way cookie is expected (step "totp" without a secret, or "enrol_totp"). Such a
   * cookie is returned either way; the flag only documents the intent.
   */
  partial?: boolean;
}

const PERIOD = 30;
/** Last time step used per secret: the server refuses a step it has already seen (replay protection). */
const lastStep = new Map<string, number>();

/** Returns a value for the `cookie` header; throws when a step fails, with the server's answer. */
export async function signIn(app: FastifyInstance, credentials: SignInCredentials): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: credentials.email, password: credentials.password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const session = res.cookies.find((c) => c.name === 'ph_session');
  if (!session) throw new Error('sign-in set no session cookie');
  const cookie = `ph_session=${session.value}`;
  const { signInStep } = res.json<{ signInStep: string }>();
  // NOTE: without totpSecret the cookie is returned half-way (step "totp" or "enrol_totp"): tests of that state use it.
  if (signInStep === 'totp' && credentials.totpSecret) return completeTotp(app, cookie, credentials.totpSecret, credentials.now ?? new Date());
  return cookie;
}

/**
 * The server accepts the previous, current and next 30-second step, each once (replay protection), so one
 * account can sign in up to three times per clock position; move the clock by 30 s for more. Returns the new
 * cookie: the session gets a new token when the second factor is given.
 */
async function completeTotp(app: FastifyInstance, cookie: string, secret: string, now: Date): Promise<string> {
  const current = Math.floor(now.getTime() / 1000 / PERIOD);
  let answer = '';
  for (const step of [current - 1, current, current + 1]) {
    if (step <= (lastStep.get(secret) ?? -1)) continue;
    lastStep.set(secret, step);
    const code = await generate({ secret, epoch: step * PERIOD + 1 });
    const res = await app.inject({ method: 'POST', url: '/api/auth/totp', headers: { cookie }, payload: { code } });
    const rotated = res.cookies.find((c) => c.name === 'ph_session');
    if (res.statusCode === 200 && rotated) return `ph_session=${rotated.value}`;
    answer = `${res.statusCode} ${res.body}`;
    // NOTE: 400 = this step was already used (e.g. by a code the test sent itself): try the next one.
    if (res.statusCode !== 400) break;
  }
  throw new Error(`two-factor step failed: ${answer || 'no unused step left at this time; move the clock by 30 s'}`);
}

/** A fresh authenticator code for `secret` at `now` (for tests that drive the TOTP routes themselves). */
export async function totpCode(secret: string, now: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
