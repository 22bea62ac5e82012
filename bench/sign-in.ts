// Signs in through the API as a demo account whose roles do not require two-factor, for the authenticated load.
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
