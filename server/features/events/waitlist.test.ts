// The waiting list under pressure: 50 people at once for the last 5 places; cancellations racing each other and the
// offers they cause; two accepts of one offer; an offer used after it expired (410) and the sweep passing it on; no
// offers once the event started; priority changes with history. seats_held always equals the places held.
import { describe, expect, test } from 'vitest';
import { runDueJobs } from '#server/features/jobs/jobs.worker.ts';
import type { TestApp } from '#tests/test-app.ts';
import { plantEvent, plantRegistration, useEventWorld, type EventWorld } from './events.fixtures.ts';
import { OFFER_EXPIRY_JOB, offerExpiryJob, scheduleOfferExpiry } from './offer-expiry.service.ts';
import { byToken, call, offerTokenFrom, register, registrationOf, seatsHeld, tokenOf } from './registration.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  [t, w] = [app, world];
});

const HOUR = 3_600_000;
const event = (o: Partial<Parameters<typeof plantEvent>[1]> = {}) => plantEvent(t.deps.db, { organisationId: w.lead.organisationId, ...o });

async function heldPlaces(eventId: string): Promise<number> {
  const rows = await t.deps.db.selectFrom('registration').select('id').where('eventId', '=', eventId).where('status', 'in', ['confirmed', 'pending_approval', 'offered']).execute();
  return rows.length;
}

async function statuses(eventId: string): Promise<Record<string, number>> {
  const rows = await t.deps.db.selectFrom('registration').select('status').where('eventId', '=', eventId).execute();
  return rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
}

describe('the waiting list', () => {
  test('50 at once for the last 5 places: exactly 5 confirmed, 45 waitlisted, never overbooked', async () => {
    const e = await event({ capacity: 20 });
    for (let i = 0; i < 15; i++) await plantRegistration(t.deps.db, { eventId: e.id });
    const res = await Promise.all(Array.from({ length: 50 }, (_, i) => register(t, e.id, { fullName: `Person ${i}`, email: `race${i}@x.example` })));
    expect(res.every((r) => r.statusCode === 201)).toBe(true);
    const got = res.map((r) => r.json().attendees[0].status);
    expect(got.filter((s) => s === 'confirmed')).toHaveLength(5);
    expect(got.filter((s) => s === 'waitlisted')).toHaveLength(45);
    expect(await seatsHeld(t, e.id)).toBe(20);
    expect(await heldPlaces(e.id)).toBe(20);
  });

  test('cancellations racing each other and their offers: every freed place is offered once, never overbooked', async () => {
    const e = await event({ capacity: 5 });
    const held = await Promise.all(Array.from({ length: 5 }, (_, i) => register(t, e.id, { fullName: `H${i}`, email: `held${i}@x.example` })));
    expect(held.every((r) => r.json().attendees[0].status === 'confirmed')).toBe(true);
    for (let i = 0; i < 8; i++) await register(t, e.id, { fullName: `W${i}`, email: `wait${i}@x.example` });
    const ids = await Promise.all(Array.from({ length: 5 }, (_, i) => registrationOf(t, e.id, `held${i}@x.example`)));
    // each cancellation sent twice at once, plus registrations arriving meanwhile
    const cancels = ids.flatMap((r) => [byToken(t, 'cancel', tokenOf(t, r.id)), byToken(t, 'cancel', tokenOf(t, r.id))]);
    const late = Array.from({ length: 5 }, (_, i) => register(t, e.id, { fullName: `L${i}`, email: `late${i}@x.example` }));
    const results = await Promise.all([...cancels, ...late]);
    expect(results.slice(0, 10).filter((r) => r.statusCode === 200)).toHaveLength(5);
    expect(results.slice(0, 10).filter((r) => r.statusCode === 409)).toHaveLength(5);
    const s = await statuses(e.id);
    expect(s.cancelled).toBe(5);
    expect((s.offered ?? 0) + (s.confirmed ?? 0)).toBe(5);
    expect(await seatsHeld(t, e.id)).toBe(5);
    expect(await heldPlaces(e.id)).toBe(5);
    const offers = await t.deps.db.selectFrom('registrationOffer').select('registrationId').where('eventId', '=', e.id).execute();
    expect(new Set(offers.map((o) => o.registrationId)).size).toBe(offers.length);
  });

  test('the first of the list (priority, then time) gets the offer; two accepts at once: one wins, one 409', async () => {
    const e = await event({ capacity: 1 });
    await register(t, e.id, { fullName: 'Holder', email: 'holder.acc@x.example' });
    await register(t, e.id, { fullName: 'Early', email: 'early.acc@x.example' });
    await register(t, e.id, { fullName: 'Late', email: 'late.acc@x.example' });
    const late = await registrationOf(t, e.id, 'late.acc@x.example');
    const up = await call(t, w.lead.trainer, 'PUT', `/api/events/${e.id}/participants/${late.id}/priority`, { priority: 5, version: late.version });
    expect(up.statusCode).toBe(200);
    const stale = await call(t, w.lead.trainer, 'PUT', `/api/events/${e.id}/participants/${late.id}/priority`, { priority: 9, version: late.version });
    expect([stale.statusCode, stale.json().current.priority]).toEqual([409, 5]);
    const holder = await registrationOf(t, e.id, 'holder.acc@x.example');
    await byToken(t, 'cancel', tokenOf(t, holder.id));
    expect((await registrationOf(t, e.id, 'late.acc@x.example')).status).toBe('offered');
    expect((await registrationOf(t, e.id, 'early.acc@x.example')).status).toBe('waitlisted');
    const offer = await offerTokenFrom(t, 'late.acc@x.example');
    expect((await byToken(t, 'view', offer)).json()).toMatchObject({ via: 'offer', status: 'offered', offer: { status: 'open' } });
    const [a, b] = await Promise.all([byToken(t, 'offer/accept', offer), byToken(t, 'offer/accept', offer)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await registrationOf(t, e.id, 'late.acc@x.example')).status).toBe('confirmed');
    expect(await seatsHeld(t, e.id)).toBe(1);
    const history = await call(t, w.lead.trainer, 'GET', `/api/events/${e.id}/participants/${late.id}/history`);
    expect(history.json().entries.map((h: { kind: string }) => h.kind)).toEqual(['waitlisted', 'priority_changed', 'offered', 'offer_accepted']);
  });

  test('an offer used after it expired answers 410; the sweep passes the place to the next; declining passes it on too', async () => {
    const start = new Date();
    t.setNow(start);
    try {
      const e = await event({ capacity: 1, offerHours: 2, now: start });
      // NOTE: one millisecond apart, so the list's order is theirs (equal times would fall back to the random id).
      for (const [i, n] of ['one', 'two', 'three', 'four'].entries()) {
        t.setNow(new Date(start.getTime() + i));
        await register(t, e.id, { fullName: n, email: `${n}.exp@x.example` });
      }
      const one = await registrationOf(t, e.id, 'one.exp@x.example');
      await byToken(t, 'cancel', tokenOf(t, one.id));
      const offer = await offerTokenFrom(t, 'two.exp@x.example');
      t.setNow(new Date(start.getTime() + 3 * HOUR));
      const late = await byToken(t, 'offer/accept', offer);
      expect([late.statusCode, late.json().code, late.json().current.reason]).toEqual([410, 'gone', 'offer_expired']);
      const handlers = { [OFFER_EXPIRY_JOB]: offerExpiryJob };
      await scheduleOfferExpiry(t.deps.db, handlers, t.deps.now());
      await runDueJobs(t.deps, handlers);
      expect((await registrationOf(t, e.id, 'two.exp@x.example')).status).toBe('cancelled');
      expect((await registrationOf(t, e.id, 'three.exp@x.example')).status).toBe('offered');
      expect((await byToken(t, 'offer/accept', offer)).statusCode).toBe(410);
      const declined = await byToken(t, 'offer/decline', await offerTokenFrom(t, 'three.exp@x.example'));
      expect(declined.statusCode).toBe(200);
      expect((await registrationOf(t, e.id, 'four.exp@x.example')).status).toBe('offered');
      expect(await seatsHeld(t, e.id)).toBe(1);
    } finally {
      t.setNow(new Date());
    }
  });

  test('once the event has started, a freed place is not offered', async () => {
    const start = new Date();
    t.setNow(start);
    try {
      const e = await event({ capacity: 1, startsAt: new Date(start.getTime() + HOUR), registrationClosesAt: null, now: start });
      await register(t, e.id, { fullName: 'A', email: 'a.started@x.example' });
      await register(t, e.id, { fullName: 'B', email: 'b.started@x.example' });
      const a = await registrationOf(t, e.id, 'a.started@x.example');
      t.setNow(new Date(start.getTime() + 2 * HOUR));
      // NOTE: a place held at the start stays held: cancelling is refused, so nobody is offered a running event.
      expect((await byToken(t, 'cancel', tokenOf(t, a.id))).statusCode).toBe(409);
      expect((await registrationOf(t, e.id, 'b.started@x.example')).status).toBe('waitlisted');
    } finally {
      t.setNow(new Date());
    }
  });
});
