// Shared pieces of the issue 11 journeys (events, check-in, learning): an API session for the set-up that is not under
// test, a browser context signed in with that session's cookie, and the links read from the outbox.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#server/features/demo/demo-data.ts';
import { Authenticator, newJourney } from './support.ts';

export type Api = ((method: string, url: string, body?: unknown) => Promise<any>) & { cookies: Map<string, string> };

/** A client of the API from Node; signs in (password and two-step enrolment) when an account's e-mail is given. */
export async function apiSession(baseUrl: string, email?: string): Promise<Api> {
  const cookies = new Map<string, string>();
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(baseUrl + url, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), origin: baseUrl, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: body ? JSON.stringify(body) : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const answer = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${answer}`);
    return answer && res.headers.get('content-type')?.includes('json') ? JSON.parse(answer) : answer;
  };
  const api = Object.assign(call, { cookies });
  if (email) {
    await call('POST', '/api/auth/sign-in', { email, password: DEMO_PASSWORD });
    const { secret } = await call('POST', '/api/auth/totp/enrol/start');
    await call('POST', '/api/auth/totp/enrol/confirm', { code: await new Authenticator(secret).code() });
  }
  return api;
}

/** A browser context and page signed in as the API session's account (its cookies), in a locale. */
export async function browserAs(browser: Browser, baseUrl: string, api: Api | null, locale: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const journey = await newJourney(browser, { locale, width });
  if (api) {
    const { hostname } = new URL(baseUrl);
    await journey.context.addCookies([...api.cookies].map(([name, value]) => ({ name, value, domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' as const })));
  }
  return journey;
}

export function demoEmail(displayName: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.displayName === displayName);
  if (!account) throw new Error(`No demo account ${displayName}`);
  return account.email;
}

/**
 * The newest link to /registration#<token> sent to an address in an e-mail whose text matches, read by the platform
 * admin in the outbox (no mail server in the journeys: the outbox keeps the bodies). Returns the path with the fragment.
 */
export async function registrationLinkFromOutbox(admin: Api, to: string, body: RegExp): Promise<string> {
  const page = await admin('GET', '/api/outbox?limit=100');
  const items = (page.items as { id: string; toAddress: string; subject: string }[]).filter((e) => e.toAddress === to);
  for (const item of items) {
    const email = await admin('GET', `/api/outbox/${item.id}`);
    if (!body.test(email.bodyText ?? '')) continue;
    const link = /\/registration#([A-Za-z0-9_-]{20,})/.exec(email.bodyText ?? '');
    if (link) return `/registration#${link[1]}`;
  }
  throw new Error(`No registration link to ${to} in the outbox (${items.map((i) => i.subject).join(' | ')})`);
}
