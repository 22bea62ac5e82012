// A penetration tester's pass over events: another organisation's organiser on every organiser route (404, never the
// event's data), enumeration through registering with someone else's e-mail, injection into the calendar file and
// the description, oversize bodies, and the capacity invariant under a storm of mixed changes.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { TestApp } from '#tests/test-app.ts';
import { onEventChanged } from './event-change.ts';
import { eventIcs } from './event-ics.ts';
import { plantEvent, plantRegistration, useEventWorld, type EventWorld } from './events.fixtures.ts';
import { ANSWERS, byToken, call, nextAddress, offerTokenFrom, outboxTo, register, tokenOf } from './registration.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  t = app;
  w = world;
});

/** The invariant: seats_held equals the seat-holding registrations, and never exceeds the capacity. */
async function expectSeatsConsistent(eventId: string): Promise<void> {
  const event = await t.deps.db.selectFrom('event').select(['seatsHeld', 'capacity']).where('id', '=', eventId).executeTakeFirstOrThrow();
  const holding = await t.deps.db.selectFrom('registration').select('id').where('eventId', '=', eventId).where('status', 'in', ['confirmed', 'pending_approval', 'offered']).execute();
  expect(event.seatsHeld).toBe(holding.length);
  expect(event.seatsHeld).toBeLessThanOrEqual(event.capacity);
}

describe('another organisation’s organiser', () => {
  test('gets 404 on every organiser route of the event, and nothing changes', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId });
    const r = await plantRegistration(t.deps.db, { eventId: e.id, status: 'pending_approval' });
    const scan = { idempotencyKey: randomUUID(), deviceId: 'phone', scannedAt: new Date().toISOString(), registrationId: r.id };
    const session = { startsAt: '2027-01-10T08:00:00.000Z', endsAt: '2027-01-10T09:00:00.000Z', titles: { ro: 'Sesiune', en: 'Session', nb: 'Økt' }, room: '', speakers: [] };
    const routes: [method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown][] = [
      ['GET', `/api/events/${e.id}/manage`],
      ['PUT', `/api/events/${e.id}`, { ...(await call(t, w.lead.trainer, 'GET', `/api/events/${e.id}/manage`)).json<Record<string, unknown>>(), capacity: 100 }],
      ['POST', `/api/events/${e.id}/publish`, { version: 1 }],
      ['POST', `/api/events/${e.id}/cancel`, { version: 1 }],
      ['PUT', `/api/events/${e.id}/texts/en`, { title: 'Hijacked', summary: '', description: '', version: 1 }],
      ['POST', `/api/events/${e.id}/sessions`, session],
      ['PUT', `/api/events/${e.id}/sessions/${randomUUID()}`, session],
      ['DELETE', `/api/events/${e.id}/sessions/${randomUUID()}`],
      ['PUT', `/api/events/${e.id}/sessions-order`, { sessionIds: [randomUUID()] }],
      ['POST', `/api/events/${e.id}/organisers`, { organisationId: w.outsider.organisationId }],
      ['DELETE', `/api/events/${e.id}/organisers/${w.lead.organisationId}`],
      ['GET', `/api/events/${e.id}/participants`],
      ['GET', `/api/events/${e.id}/participants.csv`],
      ['GET', `/api/events/${e.id}/participants.xlsx`],
      ['POST', `/api/events/${e.id}/participants/${r.id}/approve`],
      ['POST', `/api/events/${e.id}/participants/${r.id}/reject`],
      ['POST', `/api/events/${e.id}/participants/${r.id}/cancel`],
      ['PUT', `/api/events/${e.id}/participants/${r.id}/priority`, { priority: 5, version: 1 }],
      ['GET', `/api/events/${e.id}/participants/${r.id}/history`],
      ['GET', `/api/events/${e.id}/check-in/roster`],
      ['POST', `/api/events/${e.id}/check-in`, scan],
      ['POST', `/api/events/${e.id}/check-in/sync`, { items: [{ ...scan, idempotencyKey: randomUUID() }] }],
      ['POST', `/api/events/${e.id}/check-in/undo`, { registrationId: r.id }],
      ['GET', `/api/events/${e.id}/evaluation-results`],
      ['GET', `/api/events/${e.id}/evaluation-results.csv`],
      ['GET', `/api/certificates/events/${e.id}`],
      ['POST', `/api/certificates/events/${e.id}/issue-all`],
    ];
    for (const [method, url, body] of routes) {
      const res = await t.app.inject({ method, url, headers: { cookie: w.outsider.trainer.cookie }, ...(body === undefined ? {} : { payload: body as object }) });
      expect([`${method} ${url}`, res.statusCode]).toEqual([`${method} ${url}`, 404]);
      expect(res.body).not.toContain('Ana Pop');
    }
    const after = await t.deps.db.selectFrom('registration').select(['status', 'priority', 'checkedInAt']).where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'pending_approval', priority: 0, checkedInAt: null });
    expect((await t.deps.db.selectFrom('event').select('status').where('id', '=', e.id).executeTakeFirstOrThrow()).status).toBe('published');
  });
});

describe('enumeration', () => {
  test('registering with an address someone already registered answers exactly as a first registration would', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, capacity: 5 });
    // The victim registered and then the organiser rejected them: neither fact may leak to a stranger.
    const victim = await plantRegistration(t.deps.db, { eventId: e.id, status: 'rejected', email: 'victim@x.example' });
    const fresh = await register(t, e.id, { fullName: 'Someone', email: 'stranger@x.example' });
    const probe = await register(t, e.id, { fullName: 'Someone', email: 'victim@x.example' });
    expect([probe.statusCode, probe.json()]).toEqual([fresh.statusCode, fresh.json()]);
    expect((await t.deps.db.selectFrom('registration').select('status').where('id', '=', victim.id).executeTakeFirstOrThrow()).status).toBe('rejected');
  });

  test('the signed-in person repeating their own registration is told its real status (200)', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, capacity: 5 });
    await plantRegistration(t.deps.db, { eventId: e.id, status: 'waitlisted', email: 'me.own@x.example', accountId: w.clinician.id });
    const again = await register(t, e.id, { fullName: 'Me', email: 'me.own@x.example' }, w.clinician);
    expect([again.statusCode, again.json()]).toEqual([200, { attendees: [{ status: 'waitlisted' }] }]);
  });

  test('registering someone’s address again and again does not flood their inbox with links', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, capacity: 50 });
    for (let i = 0; i < 12; i++) expect((await register(t, e.id, { fullName: 'Someone', email: 'inbox.victim@x.example' })).statusCode).toBe(201);
    const mails = await outboxTo(t, 'inbox.victim@x.example');
    expect(mails.length).toBeLessThanOrEqual(4);
  });

  test('one address cannot have the server mail more than 100 people an hour, by registering groups of strangers', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, capacity: 500 });
    await t.deps.db.updateTable('event').set({ maxGroupSize: 50 }).where('id', '=', e.id).execute();
    const group = (n: number) => Array.from({ length: 50 }, (_, i) => ({ fullName: `Stranger ${n}-${i}`, email: `relay${n}.${i}@x.example`, answers: ANSWERS }));
    const send = (n: number) =>
      t.app.inject({ method: 'POST', url: `/api/events/${e.id}/registrations`, remoteAddress: '10.251.0.7', payload: { language: 'ro', fullName: 'Booker', email: `booker${n}@x.example`, attends: false, colleagues: group(n) } });
    expect([(await send(1)).statusCode, (await send(2)).statusCode]).toEqual([201, 201]);
    const third = await send(3);
    expect(third.statusCode).toBe(429);
    expect(await outboxTo(t, 'relay3.0@x.example')).toHaveLength(0);
    const rows = await t.deps.db.selectFrom('registration').select('id').where('eventId', '=', e.id).execute();
    expect(rows).toHaveLength(100);
  });

  test('colleagues signed in behind one shared address each have their own budget; anonymous callers share it', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, capacity: 500 });
    const shared = '10.251.0.9';
    const anonymous = (i: number) =>
      t.app.inject({ method: 'POST', url: `/api/events/${e.id}/registrations`, remoteAddress: shared, payload: { language: 'ro', fullName: `Nurse ${i}`, email: `nurse${i}@hospital.example`, answers: ANSWERS } });
    for (let i = 0; i < 30; i++) expect((await anonymous(i)).statusCode).toBe(201);
    expect((await anonymous(30)).statusCode).toBe(429);
    const signedIn = await t.app.inject({ method: 'POST', url: `/api/events/${e.id}/registrations`, remoteAddress: shared, headers: { cookie: w.clinician.cookie }, payload: { language: 'ro', fullName: 'Dr. Clinician', answers: ANSWERS } });
    expect(signedIn.statusCode).toBe(201);
  });

  test('a forged or unknown token answers the same 404 on every token route', async () => {
    for (const path of ['view', 'cancel', 'offer/accept', 'offer/decline', 'ics', 'qr']) {
      const res = await byToken(t, path, 'A'.repeat(43));
      expect([path, res.statusCode]).toEqual([path, 404]);
    }
  });
});

describe('injection', () => {
  test('CR, LF, ";" and "," in a venue or a name never start a new calendar property', () => {
    const ics = eventIcs({
      event: { id: randomUUID(), startsAt: new Date('2027-01-10T08:00:00Z'), endsAt: new Date('2027-01-10T15:00:00Z'), sequence: 0, venueName: 'Hall;X-INJ:1,a\\b', venueAddress: 'Str\r\nATTENDEE:mailto:evil@x.example', venueCity: 'Oslo\nEND:VEVENT', onlineUrl: null },
      method: 'request',
      attendee: { name: 'Ev"il;ROLE=CHAIR:mailto:x@y\r\nX-INJ:2', email: 'a@b.example' },
      language: 'en',
      mailFrom: 'Pro Health <noreply@x.example>',
      publicUrl: 'https://x.example',
      now: new Date('2027-01-01T00:00:00Z'),
    });
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
    expect(lines.filter((l) => l.startsWith('ATTENDEE'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('END:VEVENT'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('X-INJ'))).toBe(false);
    expect(lines.every((l) => /^[A-Z-]+[;:]/.test(l))).toBe(true);
    expect(ics).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  });

  test('a description with script, event handlers and javascript: links is shown without any of them', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId });
    const hostile = '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<iframe src="https://evil.example"></iframe>';
    await t.deps.db.updateTable('eventText').set({ description: hostile }).where('eventId', '=', e.id).execute();
    const res = await call(t, null, 'GET', `/api/events/${e.id}?lang=ro`);
    expect(res.statusCode).toBe(200);
    const html = res.json().text.descriptionHtml as string;
    expect(html).not.toMatch(/<(script|img|iframe)\b/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
  });
});

describe('oversize input', () => {
  test('a group of 10,000 colleagues is refused with 400 before anything is written', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId });
    const colleagues = Array.from({ length: 10_000 }, (_, i) => ({ fullName: `C ${i}`, email: `c${i}@x.example` }));
    const res = await register(t, e.id, { fullName: 'Booker', email: 'booker@x.example', colleagues });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(await t.deps.db.selectFrom('registration').select('id').where('eventId', '=', e.id).execute()).toHaveLength(0);
  });

  test('a sync batch of 100,000 scans is refused (400/413), not processed', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId });
    const item = { idempotencyKey: randomUUID(), deviceId: 'p', scannedAt: new Date().toISOString(), code: 'ABCD-EFGH' };
    const res = await call(t, w.lead.trainer, 'POST', `/api/events/${e.id}/check-in/sync`, { items: Array.from({ length: 100_000 }, () => item) });
    expect([400, 413]).toContain(res.statusCode);
    expect(await t.deps.db.selectFrom('checkInScan').select('id').where('eventId', '=', e.id).execute()).toHaveLength(0);
  });

  test('deeply nested and non-object JSON bodies get a 4xx', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId });
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    for (const payload of [deep, '"text"', '42', 'null', '[]']) {
      const res = await t.app.inject({ method: 'POST', url: `/api/events/${e.id}/registrations`, remoteAddress: nextAddress(), headers: { 'content-type': 'application/json' }, payload });
      expect([payload.slice(0, 8), res.statusCode >= 400 && res.statusCode < 500]).toEqual([payload.slice(0, 8), true]);
    }
  });
});

describe('capacity under a storm of mixed changes', () => {
  test('registrations, cancellations, approvals, offers and capacity edits at once never overbook', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, capacity: 5, requiresApproval: true });
    const early = await Promise.all(Array.from({ length: 8 }, (_, i) => register(t, e.id, { fullName: `Early ${i}`, email: `early${i}@x.example` })));
    expect(early.every((r) => r.statusCode === 201)).toBe(true);
    const rows = await t.deps.db.selectFrom('registration').select(['id', 'status', 'version']).where('eventId', '=', e.id).orderBy('createdAt').execute();
    const manage = await call(t, w.lead.trainer, 'GET', `/api/events/${e.id}/manage`);
    const version = manage.json().version as number;
    const storm = [
      ...Array.from({ length: 30 }, (_, i) => register(t, e.id, { fullName: `Late ${i}`, email: `late${i}@x.example` })),
      ...rows.map((r) => byToken(t, 'cancel', tokenOf(t, r.id))),
      ...rows.map((r) => call(t, w.lead.trainer, 'POST', `/api/events/${e.id}/participants/${r.id}/approve`)),
      ...rows.map((r) => call(t, w.lead.coordinator, 'POST', `/api/events/${e.id}/participants/${r.id}/reject`)),
      ...Array.from({ length: 4 }, () => call(t, w.lead.trainer, 'PUT', `/api/events/${e.id}`, { ...manage.json<Record<string, unknown>>(), capacity: 3, version })),
    ];
    const answers = await Promise.all(storm);
    expect(answers.filter((a) => a.statusCode >= 500).map((a) => a.body)).toEqual([]);
    // The capacity edits were well-formed: each one saved, or refused for the places held or a stale version.
    for (const edit of answers.slice(-4)) expect([200, 409, 422]).toContain(edit.statusCode);
    await expectSeatsConsistent(e.id);
  });
});

describe('an offer answered while the organiser cancels it', () => {
  test('accepting, declining and cancelling the same offered registration at once: one wins, no 5xx, no lost place', async () => {
    for (let round = 0; round < 5; round++) {
      const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, capacity: 1 });
      const holder = await plantRegistration(t.deps.db, { eventId: e.id, status: 'confirmed' });
      for (const n of [0, 1]) await plantRegistration(t.deps.db, { eventId: e.id, status: 'waitlisted', email: `wait${n}.r${round}@x.example`, waitlistedAt: new Date(Date.now() + n) });
      expect((await byToken(t, 'cancel', holder.manageToken)).statusCode).toBe(200);
      const offered = await t.deps.db.selectFrom('registration').select('id').where('eventId', '=', e.id).where('status', '=', 'offered').executeTakeFirstOrThrow();
      const offer = await offerTokenFrom(t, `wait0.r${round}@x.example`);
      const answers = await Promise.all([
        byToken(t, 'offer/accept', offer),
        call(t, w.lead.trainer, 'POST', `/api/events/${e.id}/participants/${offered.id}/cancel`),
        byToken(t, 'offer/decline', offer),
        byToken(t, 'offer/accept', offer),
        call(t, w.lead.coordinator, 'POST', `/api/events/${e.id}/participants/${offered.id}/cancel`),
      ]);
      expect(answers.filter((a) => a.statusCode >= 500).map((a) => a.body)).toEqual([]);
      await expectSeatsConsistent(e.id);
      const statuses = await t.deps.db.selectFrom('registration').select('status').where('eventId', '=', e.id).execute();
      // The place is held by exactly one person: the one who accepted, or the next one it passed to.
      expect(statuses.filter((s) => ['confirmed', 'offered'].includes(s.status))).toHaveLength(1);
    }
  });
});

describe('the online link', () => {
  test('a rescheduled event’s invitation carries the link only to confirmed people, not to those awaiting approval or an offer', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, onlineUrl: 'https://meet.example.test/secret-room', requiresApproval: true });
    const people = { confirmed: 'link.confirmed@x.example', pending_approval: 'link.pending@x.example', offered: 'link.offered@x.example' } as const;
    for (const [status, email] of Object.entries(people)) await plantRegistration(t.deps.db, { eventId: e.id, status: status as keyof typeof people, email });
    await t.deps.db.transaction().execute((trx) => onEventChanged({ config: t.deps.config, now: new Date(), actor: null }, trx, e.id, 'rescheduled'));
    const calendarOf = async (email: string) => {
      const mails = await outboxTo(t, email);
      expect(mails).toHaveLength(1);
      return (mails[0]!.attachments ?? []).map((a) => (a.encoding === 'base64' ? Buffer.from(a.content, 'base64').toString('utf8') : a.content)).join('\n');
    };
    expect(await calendarOf(people.confirmed)).toContain('secret-room');
    expect(await calendarOf(people.pending_approval)).not.toContain('secret-room');
    expect(await calendarOf(people.offered)).not.toContain('secret-room');
  });
});
