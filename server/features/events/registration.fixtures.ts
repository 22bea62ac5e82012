// Test helpers of registration: register through the API from a given address (each simulated person its own, so
// the per-address limit does not interfere), read the person's page, and read the outbox.
import type { TestApp } from '#tests/test-app.ts';
import type { Person } from './events.fixtures.ts';
import { manageTokenOf } from './registration-notify.ts';

export const ANSWERS = { profession: 'nurse', institution_type: 'hospital', country: 'RO' } as const;

let address = 0;
/** A distinct client address per call (10.x.y.z). */
export function nextAddress(): string {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
}

export async function register(t: TestApp, eventId: string, body: Record<string, unknown>, who?: Person) {
  return t.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/registrations`,
    remoteAddress: nextAddress(),
    headers: who ? { cookie: who.cookie } : {},
    payload: { language: 'ro', answers: ANSWERS, ...body },
  });
}

export async function byToken(t: TestApp, path: string, token: string) {
  return t.app.inject({ method: 'POST', url: `/api/registration/${path}`, remoteAddress: nextAddress(), payload: { token } });
}

export async function call(t: TestApp, who: Person | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return t.app.inject({ method, url, headers: who ? { cookie: who.cookie } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
}

export async function registrationOf(t: TestApp, eventId: string, email: string) {
  return t.deps.db.selectFrom('registration').select(['id', 'status', 'accountId', 'groupId', 'version', 'priority']).where('eventId', '=', eventId).where('email', '=', email.toLowerCase()).executeTakeFirstOrThrow();
}

export function tokenOf(t: TestApp, registrationId: string): string {
  return manageTokenOf(t.deps.config, registrationId);
}

export async function seatsHeld(t: TestApp, eventId: string): Promise<number> {
  return (await t.deps.db.selectFrom('event').select('seatsHeld').where('id', '=', eventId).executeTakeFirstOrThrow()).seatsHeld;
}

export async function outboxTo(t: TestApp, email: string) {
  return t.deps.db.selectFrom('outboxEmail').select(['subject', 'bodyText', 'attachments']).where('toAddress', '=', email.toLowerCase()).orderBy('createdAt').execute();
}

/** The secret of the latest offer sent to this address, read from the e-mail's link. */
export async function offerTokenFrom(t: TestApp, email: string): Promise<string> {
  const mails = await outboxTo(t, email);
  const last = mails.at(-1)?.bodyText ?? '';
  const token = /\/registration#([A-Za-z0-9_-]+)/.exec(last)?.[1];
  if (!token) throw new Error('no link in the last e-mail');
  return token;
}
