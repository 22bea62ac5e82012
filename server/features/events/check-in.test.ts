// Check-in through the routes: QR, short code and manual scans; every refusal answer; idempotent retries; two phones
// racing for one code; the offline queue's sync with duplicates and conflicts; undo; who may read the roster.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { CheckInAnswer, Roster } from '#shared/events/check-in.schema.ts';
import type { TestApp } from '#tests/test-app.ts';
import { plantEvent, plantRegistration, useEventWorld, type EventWorld } from './events.fixtures.ts';
import { signRegistrationCode } from './registration-code.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  t = app;
  w = world;
});

const code = (registrationId: string) => signRegistrationCode(t.deps.config.blindIndexKeys, registrationId);
const scanOf = (body: Record<string, unknown>) => ({ idempotencyKey: randomUUID(), deviceId: 'phone-a', scannedAt: t.deps.now().toISOString(), ...body });

async function scan(eventId: string, body: Record<string, unknown>, cookie = w.lead.trainer.cookie) {
  const res = await t.app.inject({ method: 'POST', url: `/api/events/${eventId}/check-in`, headers: { cookie }, payload: scanOf(body) });
  return { status: res.statusCode, answer: res.json<CheckInAnswer>() };
}

async function newEvent() {
  return plantEvent(t.deps.db, { organisationId: w.lead.organisationId, coOrganisers: [w.partner.organisationId] });
}

describe('scanning a QR code', () => {
  test('a confirmed registration is checked in once, with history and one audit row', async () => {
    const event = await newEvent();
    const reg = await plantRegistration(t.deps.db, { eventId: event.id, fullName: 'Ioana Mureșan' });
    const first = await scan(event.id, { code: code(reg.id) });
    expect(first.status).toBe(200);
    expect(first.answer).toMatchObject({ result: 'ok', registrationId: reg.id, fullName: 'Ioana Mureșan', replayed: false });
    const again = await scan(event.id, { code: code(reg.id) }, w.partner.trainer.cookie);
    expect(again.answer).toMatchObject({ result: 'already_used', registrationId: reg.id });
    expect(again.answer.checkedInAt?.toString()).toBe(first.answer.checkedInAt?.toString());
    const row = await t.deps.db.selectFrom('registration').select(['checkedInAt', 'checkedInBy', 'checkInMethod']).where('id', '=', reg.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ checkedInBy: w.lead.trainer.id, checkInMethod: 'scan' });
    const history = await t.deps.db.selectFrom('registrationHistory').select('kind').where('registrationId', '=', reg.id).execute();
    expect(history.map((h) => h.kind)).toEqual(['checked_in']);
    const audits = await t.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', reg.id).execute();
    expect(audits.map((a) => a.action)).toEqual(['event.checked_in']);
  });

  test('a forged code and a malformed one get the same answer whether or not the registration exists', async () => {
    const event = await newEvent();
    const reg = await plantRegistration(t.deps.db, { eventId: event.id });
    const real = code(reg.id);
    const forgedExisting = `${real.slice(0, -2)}${real.endsWith('AA') ? 'BB' : 'AA'}`;
    const absent = code(randomUUID());
    const forgedAbsent = `${absent.slice(0, -2)}${absent.endsWith('AA') ? 'BB' : 'AA'}`;
    const answers: Record<string, unknown>[] = [];
    for (const c of [forgedExisting, forgedAbsent, 'PH1.garbage.x', 'PH1.' + 'A'.repeat(40)]) {
      const { status, answer } = await scan(event.id, { code: c });
      answers.push({ status, ...answer, idempotencyKey: undefined });
    }
    expect(answers.every((a) => JSON.stringify(a) === JSON.stringify(answers[0]))).toBe(true);
    expect(answers[0]).toMatchObject({ status: 200, result: 'invalid_code', registrationId: null, fullName: null, checkedInAt: null });
    const row = await t.deps.db.selectFrom('registration').select('checkedInAt').where('id', '=', reg.id).executeTakeFirstOrThrow();
    expect(row.checkedInAt).toBeNull();
  });

  test('another event’s code, a cancelled place, a waiting-list place and a genuine code for no registration', async () => {
    const event = await newEvent();
    const other = await newEvent();
    const elsewhere = await plantRegistration(t.deps.db, { eventId: other.id, fullName: 'Not Shown' });
    const cancelled = await plantRegistration(t.deps.db, { eventId: event.id, status: 'cancelled' });
    const waiting = await plantRegistration(t.deps.db, { eventId: event.id, status: 'waitlisted' });
    expect((await scan(event.id, { code: code(elsewhere.id) })).answer).toMatchObject({ result: 'other_event', registrationId: null, fullName: null });
    expect((await scan(event.id, { code: code(cancelled.id) })).answer).toMatchObject({ result: 'cancelled', registrationId: cancelled.id });
    expect((await scan(event.id, { code: code(waiting.id) })).answer).toMatchObject({ result: 'not_confirmed' });
    expect((await scan(event.id, { code: code(randomUUID()) })).answer).toMatchObject({ result: 'unknown', registrationId: null });
    expect((await scan(event.id, { registrationId: elsewhere.id })).answer).toMatchObject({ result: 'unknown', fullName: null });
  });

  test('the short code typed by hand checks in; a wrong one is unknown', async () => {
    const event = await newEvent();
    const reg = await plantRegistration(t.deps.db, { eventId: event.id });
    const roster = await t.app.inject({ method: 'GET', url: `/api/events/${event.id}/check-in/roster`, headers: { cookie: w.lead.coordinator.cookie } });
    const entry = roster.json<Roster>().registrations.find((r) => r.id === reg.id)!;
    const otherEvent = await newEvent();
    const other = { eventId: otherEvent.id, ...(await plantRegistration(t.deps.db, { eventId: otherEvent.id })) };
    expect((await scan(event.id, { code: 'ZZZZ-ZZZZ' })).answer.result).toBe('unknown');
    expect((await scan(event.id, { code: 'ABC-12' })).answer.result).toBe('invalid_code');
    const otherRoster = await t.app.inject({ method: 'GET', url: `/api/events/${other.eventId}/check-in/roster`, headers: { cookie: w.lead.admin.cookie } });
    expect(otherRoster.statusCode).toBe(200);
    expect(entry.shortCode).not.toBe(otherRoster.json<Roster>().registrations[0]?.shortCode);
    const typed = await scan(event.id, { code: entry.shortCode.toLowerCase().replace('-', ' ') });
    expect(typed.answer).toMatchObject({ result: 'ok', registrationId: reg.id });
    const method = await t.deps.db.selectFrom('registration').select('checkInMethod').where('id', '=', reg.id).executeTakeFirstOrThrow();
    expect(method.checkInMethod).toBe('manual');
  });
});

describe('idempotency and races', () => {
  test('the same idempotency key sent again returns the first answer, even after the place changed', async () => {
    const event = await newEvent();
    const reg = await plantRegistration(t.deps.db, { eventId: event.id });
    const body = scanOf({ code: code(reg.id) });
    const send = () => t.app.inject({ method: 'POST', url: `/api/events/${event.id}/check-in`, headers: { cookie: w.lead.trainer.cookie }, payload: body });
    const first = (await send()).json<CheckInAnswer>();
    await t.deps.db.updateTable('registration').set({ status: 'cancelled' }).where('id', '=', reg.id).execute();
    const second = (await send()).json<CheckInAnswer>();
    expect(first).toMatchObject({ result: 'ok', replayed: false });
    expect(second).toMatchObject({ result: 'ok', replayed: true, registrationId: reg.id });
    const scans = await t.deps.db.selectFrom('checkInScan').select('id').where('idempotencyKey', '=', body.idempotencyKey).execute();
    expect(scans).toHaveLength(1);
    const other = await newEvent();
    const crossed = await t.app.inject({ method: 'POST', url: `/api/events/${other.id}/check-in`, headers: { cookie: w.lead.trainer.cookie }, payload: body });
    expect(crossed.json()).toMatchObject({ result: 'invalid_code', registrationId: null, fullName: null });
  });

  test('ten phones scanning one code at once: exactly one ok, the others already_used with the first time', async () => {
    const event = await newEvent();
    const reg = await plantRegistration(t.deps.db, { eventId: event.id });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.app
          .inject({ method: 'POST', url: `/api/events/${event.id}/check-in`, headers: { cookie: w.lead.trainer.cookie }, payload: { ...scanOf({ code: code(reg.id) }), deviceId: `phone-${i}` } })
          .then((r) => r.json<CheckInAnswer>()),
      ),
    );
    const ok = answers.filter((a) => a.result === 'ok');
    expect(ok).toHaveLength(1);
    expect(answers.filter((a) => a.result === 'already_used')).toHaveLength(9);
    for (const a of answers) expect(String(a.checkedInAt)).toBe(String(ok[0]!.checkedInAt));
    const audits = await t.deps.db.selectFrom('auditEvent').select('seq').where('entityId', '=', reg.id).where('action', '=', 'event.checked_in').execute();
    expect(audits).toHaveLength(1);
  });
});
