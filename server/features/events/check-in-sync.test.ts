// The offline queue's sync, undo, the roster's access rules and the person's own check-in code.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { CheckInSyncAnswer, RegistrationQr, Roster, RosterEntry } from '#shared/events/check-in.schema.ts';
import type { TestApp } from '#tests/test-app.ts';
import { plantEvent, plantRegistration, useEventWorld, type EventWorld } from './events.fixtures.ts';
import { signRegistrationCode, verifyRegistrationCode } from './registration-code.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  t = app;
  w = world;
});

const code = (registrationId: string) => signRegistrationCode(t.deps.config.blindIndexKeys, registrationId);
const item = (body: Record<string, unknown>, minutesAgo = 10) => ({
  idempotencyKey: randomUUID(),
  deviceId: 'phone-b',
  scannedAt: new Date(t.deps.now().getTime() - minutesAgo * 60_000).toISOString(),
  offline: true,
  ...body,
});

async function sync(eventId: string, items: Record<string, unknown>[], cookie = w.lead.trainer.cookie) {
  const res = await t.app.inject({ method: 'POST', url: `/api/events/${eventId}/check-in/sync`, headers: { cookie }, payload: { items } });
  return { status: res.statusCode, body: res.json<CheckInSyncAnswer>() };
}

const newEvent = () => plantEvent(t.deps.db, { organisationId: w.lead.organisationId });

describe('syncing scans queued offline', () => {
  test('a batch with a mix answers each item, keeps the scan times, and a retried batch changes nothing', async () => {
    const event = await newEvent();
    const other = await newEvent();
    const [a, b, c] = [await plantRegistration(t.deps.db, { eventId: event.id }), await plantRegistration(t.deps.db, { eventId: event.id }), await plantRegistration(t.deps.db, { eventId: event.id })];
    const cancelled = await plantRegistration(t.deps.db, { eventId: event.id, status: 'cancelled' });
    const elsewhere = await plantRegistration(t.deps.db, { eventId: other.id });
    // another phone checked c in online before this one came back
    await t.app.inject({ method: 'POST', url: `/api/events/${event.id}/check-in`, headers: { cookie: w.lead.admin.cookie }, payload: { ...item({ code: code(c.id) }, 0), offline: false, deviceId: 'phone-a' } });
    const items = [
      item({ code: code(a.id) }, 30),
      item({ code: code(a.id) }, 29), // the same person scanned twice on this phone
      item({ registrationId: b.id }, 28),
      item({ code: code(c.id) }, 27),
      item({ code: code(cancelled.id) }, 26),
      item({ code: code(elsewhere.id) }, 25),
      item({ code: `${code(a.id).slice(0, -1)}${code(a.id).endsWith('A') ? 'B' : 'A'}` }, 24),
    ];
    const first = await sync(event.id, items);
    expect(first.status).toBe(200);
    expect(first.body.answers.map((x) => x.result)).toEqual(['ok', 'already_used', 'ok', 'already_used', 'cancelled', 'other_event', 'invalid_code']);
    expect(first.body.answers.map((x) => x.idempotencyKey)).toEqual(items.map((i) => i.idempotencyKey));
    const stored = await t.deps.db.selectFrom('registration').select(['checkedInAt', 'checkInMethod']).where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(stored.checkedInAt?.toISOString()).toBe(items[0]!.scannedAt);
    expect(stored.checkInMethod).toBe('offline_scan');

    const retried = await sync(event.id, items);
    expect(retried.body.answers.map((x) => x.result)).toEqual(first.body.answers.map((x) => x.result));
    expect(retried.body.answers.every((x) => x.replayed)).toBe(true);
    const scans = await t.deps.db.selectFrom('checkInScan').select('result').where('eventId', '=', event.id).execute();
    expect(scans).toHaveLength(items.length + 1);
    const audits = await t.deps.db.selectFrom('auditEvent').select('entityId').where('action', '=', 'event.checked_in').where('entityId', 'in', [a.id, b.id, c.id, cancelled.id]).execute();
    expect(audits.map((x) => x.entityId).sort()).toEqual([a.id, b.id, c.id].sort());
  });

  test('two phones syncing the same code at once: one ok, the other a conflict with the first time', async () => {
    const event = await newEvent();
    const reg = await plantRegistration(t.deps.db, { eventId: event.id });
    const [one, two] = await Promise.all([sync(event.id, [{ ...item({ code: code(reg.id) }, 5), deviceId: 'phone-1' }]), sync(event.id, [{ ...item({ code: code(reg.id) }, 4), deviceId: 'phone-2' }])]);
    const results = [one.body.answers[0]!, two.body.answers[0]!];
    expect(results.map((r) => r.result).sort()).toEqual(['already_used', 'ok']);
    expect(String(results[0]!.checkedInAt)).toBe(String(results[1]!.checkedInAt));
  });

  test('a scan dated in the future or long ago is dated when it arrives; batches are bounded', async () => {
    const event = await newEvent();
    const reg = await plantRegistration(t.deps.db, { eventId: event.id });
    const before = t.deps.now().getTime();
    const future = item({ code: code(reg.id) }, -60 * 24);
    await sync(event.id, [future]);
    const row = await t.deps.db.selectFrom('registration').select('checkedInAt').where('id', '=', reg.id).executeTakeFirstOrThrow();
    expect(row.checkedInAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.checkedInAt!.getTime()).toBeLessThan(Date.parse(future.scannedAt));
    expect((await sync(event.id, [])).status).toBe(400);
    expect((await sync(event.id, Array.from({ length: 101 }, () => item({ code: 'ABCD-EFGH' })))).status).toBe(400);
    expect((await sync(event.id, [{ ...item({ code: 'ABCD-EFGH' }), registrationId: reg.id }])).status).toBe(400);
  });
});

describe('undo and the roster', () => {
  test('undo clears the check-in (history, audit) and the person can be checked in again', async () => {
    const event = await newEvent();
    const reg = await plantRegistration(t.deps.db, { eventId: event.id, checkedInAt: t.deps.now() });
    const undo = await t.app.inject({ method: 'POST', url: `/api/events/${event.id}/check-in/undo`, headers: { cookie: w.lead.coordinator.cookie }, payload: { registrationId: reg.id } });
    expect(undo.statusCode).toBe(200);
    expect(undo.json<RosterEntry>()).toMatchObject({ id: reg.id, checkedInAt: null });
    const audits = await t.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', reg.id).execute();
    expect(audits.map((a) => a.action)).toEqual(['event.check_in_undone']);
    expect((await sync(event.id, [item({ registrationId: reg.id })])).body.answers[0]?.result).toBe('ok');
    const foreign = await t.app.inject({ method: 'POST', url: `/api/events/${event.id}/check-in/undo`, headers: { cookie: w.lead.coordinator.cookie }, payload: { registrationId: randomUUID() } });
    expect(foreign.statusCode).toBe(404);
  });

  test('the roster is for the organisers: 401 anonymous, 403 without an organiser role, 404 for another organisation', async () => {
    const event = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, coOrganisers: [w.partner.organisationId], status: 'draft' });
    const reg = await plantRegistration(t.deps.db, { eventId: event.id, fullName: 'Kari Nordmann', status: 'confirmed' });
    const url = `/api/events/${event.id}/check-in/roster`;
    const get = (cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
    expect((await get()).statusCode).toBe(401);
    expect((await get(w.lead.caseManager.cookie)).statusCode).toBe(403);
    expect((await get(w.outsider.trainer.cookie)).statusCode).toBe(404);
    expect((await get(w.clinician.cookie)).statusCode).toBe(403);
    const missing = await t.app.inject({ method: 'GET', url: `/api/events/${randomUUID()}/check-in/roster`, headers: { cookie: w.lead.trainer.cookie } });
    expect(missing.statusCode).toBe(404);
    const scanOutside = await t.app.inject({ method: 'POST', url: `/api/events/${event.id}/check-in`, headers: { cookie: w.outsider.trainer.cookie }, payload: item({ code: code(reg.id) }) });
    expect(scanOutside.statusCode).toBe(404);
    const partner = await get(w.partner.trainer.cookie);
    expect(partner.statusCode).toBe(200);
    const roster = partner.json<Roster>();
    expect(roster.registrations).toEqual([{ id: reg.id, fullName: 'Kari Nordmann', status: 'confirmed', checkedInAt: null, shortCode: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/) }]);
    expect(Object.keys(roster.titles).sort()).toEqual(['en', 'nb', 'ro']);
    const audits = await t.deps.db.selectFrom('auditEvent').select('actorAccountId').where('entityId', '=', event.id).where('action', '=', 'event.check_in_roster_viewed').execute();
    expect(audits.map((a) => a.actorAccountId)).toEqual([w.partner.trainer.id]);
  });
});

describe('the person’s own check-in code', () => {
  const qr = (token: string) => t.app.inject({ method: 'POST', url: '/api/registration/qr', payload: { token } });

  test('a confirmed place gets its signed code; others and unknown links do not', async () => {
    const event = await newEvent();
    const confirmed = await plantRegistration(t.deps.db, { eventId: event.id });
    const waiting = await plantRegistration(t.deps.db, { eventId: event.id, status: 'waitlisted' });
    const res = await qr(confirmed.manageToken);
    expect(res.statusCode).toBe(200);
    const body = res.json<RegistrationQr>();
    expect(verifyRegistrationCode(t.deps.config.blindIndexKeys, body.code)).toBe(confirmed.id);
    expect(body.shortCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect((await qr(waiting.manageToken)).statusCode).toBe(409);
    expect((await qr('x'.repeat(43))).statusCode).toBe(404);
    expect((await qr('')).statusCode).toBe(400);
  });
});
