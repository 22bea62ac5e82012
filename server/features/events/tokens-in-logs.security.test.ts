// The secrets of registration links, offers and QR codes, and the people's names and addresses, never reach the logs:
// a whole journey (register, wait, be offered the place, accept, open the page, calendar, QR, be scanned, a forged
// token, a verification) runs with debug logs captured, and the log text is searched for each of them.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { createEventWorld, plantEvent, type EventWorld } from './events.fixtures.ts';
import { byToken, call, offerTokenFrom, register, registrationOf, tokenOf } from './registration.fixtures.ts';
import { signRegistrationCode } from './registration-code.ts';

const logs: string[] = [];
let t: TestApp;
let w: EventWorld;

beforeAll(async () => {
  t = await createTestApp({ logLevel: 'debug', logStream: { write: (line: string) => void logs.push(line) } });
  w = await createEventWorld(t);
});
afterAll(async () => t.close());

test('no token, QR payload, name or e-mail address of a registration appears in the logs', async () => {
  const tag = randomBytes(5).toString('hex');
  const first = { fullName: `Firstqz ${tag}`, email: `first.${tag}@x.example` };
  const second = { fullName: `Secondqz ${tag}`, email: `second.${tag}@x.example` };
  const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, capacity: 1 });
  expect((await register(t, e.id, first)).statusCode).toBe(201);
  expect((await register(t, e.id, second)).json().attendees[0].status).toBe('waitlisted');
  const a = await registrationOf(t, e.id, first.email);
  const b = await registrationOf(t, e.id, second.email);
  const manage = tokenOf(t, a.id);
  expect((await byToken(t, 'view', manage)).statusCode).toBe(200);
  expect((await byToken(t, 'cancel', manage)).statusCode).toBe(200);
  const offer = await offerTokenFrom(t, second.email);
  expect((await byToken(t, 'offer/accept', offer)).statusCode).toBe(200);
  expect((await byToken(t, 'offer/accept', offer)).statusCode).toBe(409);
  const own = tokenOf(t, b.id);
  expect((await byToken(t, 'ics', own)).statusCode).toBe(200);
  expect((await byToken(t, 'qr', own)).statusCode).toBe(200);
  const qr = signRegistrationCode(t.deps.config.blindIndexKeys, b.id);
  const scan = await call(t, w.lead.trainer, 'POST', `/api/events/${e.id}/check-in`, { idempotencyKey: randomUUID(), deviceId: 'phone-1', scannedAt: new Date().toISOString(), code: qr });
  expect(scan.json().result).toBe('ok');
  const forged = `${qr.slice(0, -4)}AAAA`;
  expect((await call(t, w.lead.trainer, 'POST', `/api/events/${e.id}/check-in`, { idempotencyKey: randomUUID(), deviceId: 'phone-1', scannedAt: new Date().toISOString(), code: forged })).json().result).toBe('invalid_code');
  expect((await byToken(t, 'view', `Forged${tag}${'A'.repeat(27)}`)).statusCode).toBe(404);
  expect(logs.length).toBeGreaterThan(10);
  const text = logs.join('\n');
  for (const [name, secret] of Object.entries({ manage, offer, own, qr, forged, firstName: first.fullName, secondName: second.fullName, firstEmail: first.email, secondEmail: second.email, forgedToken: `Forged${tag}${'A'.repeat(27)}` })) {
    expect([name, text.includes(secret)]).toEqual([name, false]);
  }
});
