// Signs in through the API for the authenticated load: as a demo account whose roles do not require two-factor, or as
// an account a benchmark made with a TOTP secret (password, then the code).
import { generate } from 'otplib';
import type { Role } from '#shared/auth/roles.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#server/features/demo/demo-data.ts';
import { requiresTwoFactor } from '#shared/auth/roles.ts';

/** The Cookie header of a fully signed-in session (the demo account showing `role`, else the first without mandatory two-factor). */
export async function signInCookie(baseUrl: string, role?: Role): Promise<string> {
  const account = DEMO_ACCOUNTS.find((a) => (role ? a.shows === role : a.shows !== 'platform_admin') && !requiresTwoFactor(a.roles, false));
  if (!account) throw new Error('No demo account without mandatory two-factor');
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { signInStep?: string };
  if (res.status !== 200 || body.signInStep !== 'done') throw new Error(`Sign-in as the ${account.shows} failed: ${res.status} ${JSON.stringify(body)}`);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('ph_session='));
  if (!session) throw new Error('Sign-in set no session cookie');
  const me = await fetch(`${baseUrl}/api/me`, { headers: { cookie: session } });
  if (me.status !== 200) throw new Error(`GET /api/me with the session answered ${me.status}`);
  return session;
}

/** The Cookie header of a session signed in with password and a TOTP code (an account made with `withTotp`). */
export async function signInWithTotp(baseUrl: string, account: { email: string; password: string; totpSecret?: string }): Promise<string> {
  const json = { 'content-type': 'application/json' };
  const signIn = await fetch(`${baseUrl}/api/auth/sign-in`, { method: 'POST', headers: json, body: JSON.stringify({ email: account.email, password: account.password }) });
  const half = sessionCookie(signIn);
  const totp = await fetch(`${baseUrl}/api/auth/totp`, { method: 'POST', headers: { ...json, cookie: half }, body: JSON.stringify({ code: await generate({ secret: account.totpSecret! }) }) });
  if (totp.status !== 200) throw new Error(`two-factor step failed: ${totp.status}`);
  return sessionCookie(totp);
}

function sessionCookie(res: Response): string {
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('ph_session='));
  if (!session) throw new Error(`${res.url.replace(/^https?:\/\/[^/]+/, '')} set no session cookie (${res.status})`);
  return session;
}
