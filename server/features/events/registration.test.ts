// Registering: confirmed with an .ics e-mail; the same e-mail again (any case, in parallel) is one row and one place;
// the window and the event's state answer 409/404 with a reason; required answers; approval; groups all or nothing;
// a signed-in person is linked and sees "my registrations".
import { describe, expect, test } from 'vitest';
import type { TestApp } from '#tests/test-app.ts';
import { plantEvent, useEventWorld, type EventWorld } from './events.fixtures.ts';
import { ANSWERS, byToken, call, outboxTo, register, registrationOf, seatsHeld, tokenOf } from './registration.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  [t, w] = [app, world];
});

const DAY = 86_400_000;
const event = (o: Partial<Parameters<typeof plantEvent>[1]> = {}) => plantEvent(t.deps.db, { organisationId: w.lead.organisationId, ...o });

describe('registering', () => {
  test('takes a place, e-mails a neutral confirmation with the calendar file and a link in the fragment', async () => {
    const e = await event({ onlineUrl: 'https://meet.example.test/room' });
    const res = await register(t, e.id, { fullName: 'Ioana Marin', email: 'Ioana.Marin@Spital.example' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ attendees: [{ status: 'confirmed' }] });
    expect(await seatsHeld(t, e.id)).toBe(1);
    const [mail] = await outboxTo(t, 'ioana.marin@spital.example');
    expect(mail?.subject).toBe('Înscrierea dvs. la Pro Health');
    expect(mail?.bodyText).toMatch(/\/registration#[A-Za-z0-9_-]{40,}/);
    expect(mail?.bodyText).not.toContain('trafic');
    expect(mail?.attachments?.[0]?.contentType).toContain('method=REQUEST');
    const r = await registrationOf(t, e.id, 'ioana.marin@spital.example');
    const view = await byToken(t, 'view', tokenOf(t, r.id));
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ status: 'confirmed', onlineUrl: 'https://meet.example.test/room', via: 'manage' });
  });

  test('the same e-mail again, in any case and in parallel, is one registration and one place; the link is sent again', async () => {
    const e = await event();
    const tries = await Promise.all(['Dan@x.example', 'dan@X.example', 'DAN@x.example', 'dan@x.example', 'Dan@X.Example'].map((email) => register(t, e.id, { fullName: 'Dan Pop', email })));
    // NOTE: every anonymous try answers 201 alike (the events security test: the answer must not reveal a registration).
    expect(tries.filter((r) => r.statusCode === 201)).toHaveLength(5);
    for (const r of tries) expect(r.json()).toEqual({ attendees: [{ status: 'confirmed' }] });
    expect(await seatsHeld(t, e.id)).toBe(1);
    const rows = await t.deps.db.selectFrom('registration').select('id').where('eventId', '=', e.id).execute();
    expect(rows).toHaveLength(1);
    // NOTE: the link goes again at most MAILS_PER_RECIPIENT_PER_HOUR times (3) an hour, counting the first e-mail
    // when it came within those three: 3 or 4 e-mails, never 5 (events.security.test.ts: no flooding an inbox).
    const mails = (await outboxTo(t, 'dan@x.example')).length;
    expect(mails).toBeGreaterThanOrEqual(3);
    expect(mails).toBeLessThanOrEqual(4);
  });

  test('outside the window, for a cancelled event, or a draft: refused with a reason and nothing written', async () => {
    const now = Date.now();
    const notYet = await event({ registrationOpensAt: new Date(now + DAY) });
    const closed = await event({ registrationClosesAt: new Date(now - 1000) });
    const cancelled = await event({ status: 'cancelled' });
    const draft = await event({ status: 'draft' });
    const body = { fullName: 'Ana Pop', email: 'ana.window@x.example' };
    const a = await register(t, notYet.id, body);
    expect([a.statusCode, a.json().current.reason]).toEqual([409, 'not_open_yet']);
    const b = await register(t, closed.id, body);
    expect([b.statusCode, b.json().current.reason]).toEqual([409, 'closed']);
    const c = await register(t, cancelled.id, body);
    expect([c.statusCode, c.json().current.reason]).toEqual([409, 'event_cancelled']);
    expect((await register(t, draft.id, body)).statusCode).toBe(404);
    expect((await register(t, '00000000-0000-4000-8000-000000000000', body)).statusCode).toBe(404);
    const rows = await t.deps.db.selectFrom('registration').select('id').where('email', '=', 'ana.window@x.example').execute();
    expect(rows).toHaveLength(0);
  });

  test('full without a waiting list: 409 "full"; with one: waitlisted, not an error', async () => {
    const noList = await event({ capacity: 1, waitlistEnabled: false });
    expect((await register(t, noList.id, { fullName: 'A', email: 'a.full@x.example' })).statusCode).toBe(201);
    const refused = await register(t, noList.id, { fullName: 'B', email: 'b.full@x.example' });
    expect([refused.statusCode, refused.json().current.reason]).toEqual([409, 'full']);
    const withList = await event({ capacity: 1 });
    await register(t, withList.id, { fullName: 'A', email: 'a.full@x.example' });
    const waiting = await register(t, withList.id, { fullName: 'B', email: 'b.full@x.example' });
    expect([waiting.statusCode, waiting.json().attendees[0].status]).toEqual([201, 'waitlisted']);
    const r = await registrationOf(t, withList.id, 'b.full@x.example');
    expect((await byToken(t, 'view', tokenOf(t, r.id))).json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, onlineUrl: null });
  });

  test('required answers are required; answers outside the vocabulary are a 400 with the field', async () => {
    const e = await event({ questions: [{ key: 'profession', required: true }, { key: 'county', required: false }] });
    const missing = await register(t, e.id, { fullName: 'A', email: 'a.q@x.example', answers: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields['answers.profession']).toBeTruthy();
    const bad = await register(t, e.id, { fullName: 'A', email: 'a.q@x.example', answers: { profession: 'astronaut' } });
    expect(bad.statusCode).toBe(400);
    const badCounty = await register(t, e.id, { fullName: 'A', email: 'a.q@x.example', answers: { profession: 'nurse', county: 'XX-99' } });
    expect(badCounty.statusCode).toBe(400);
    expect((await register(t, e.id, { fullName: 'A', email: 'a.q@x.example', answers: { profession: 'nurse', county: 'RO-MS', sex: 'female' } })).statusCode).toBe(201);
  });

  test('approval: pending holds a place; approved is confirmed; rejected frees it for the next on the list', async () => {
    const e = await event({ capacity: 1, requiresApproval: true });
    const first = await register(t, e.id, { fullName: 'A', email: 'a.appr@x.example' });
    expect(first.json().attendees[0].status).toBe('pending_approval');
    await register(t, e.id, { fullName: 'B', email: 'b.appr@x.example' });
    const a = await registrationOf(t, e.id, 'a.appr@x.example');
    const reject = await call(t, w.lead.coordinator, 'POST', `/api/events/${e.id}/participants/${a.id}/reject`);
    expect([reject.statusCode, reject.json().status]).toEqual([200, 'rejected']);
    expect((await registrationOf(t, e.id, 'b.appr@x.example')).status).toBe('offered');
    expect(await seatsHeld(t, e.id)).toBe(1);
    const again = await call(t, w.lead.coordinator, 'POST', `/api/events/${e.id}/participants/${a.id}/approve`);
    expect(again.statusCode).toBe(409);
    const e2 = await event({ requiresApproval: true });
    await register(t, e2.id, { fullName: 'C', email: 'c.appr@x.example' });
    const c = await registrationOf(t, e2.id, 'c.appr@x.example');
    expect((await call(t, w.lead.trainer, 'POST', `/api/events/${e2.id}/participants/${c.id}/approve`)).json().status).toBe('confirmed');
  });

  test('a group is all or nothing: one bad e-mail writes nothing; a good one gives each their own registration and link', async () => {
    const e = await event();
    const colleague = (n: number, email = `col${n}.grp@x.example`) => ({ fullName: `Coleg ${n}`, email, answers: ANSWERS });
    const bad = await register(t, e.id, { fullName: 'Booker', email: 'booker.grp@x.example', colleagues: [colleague(1), colleague(2, 'not-an-email')] });
    expect(bad.statusCode).toBe(400);
    const dup = await register(t, e.id, { fullName: 'Booker', email: 'booker.grp@x.example', colleagues: [colleague(1), colleague(1)] });
    expect(dup.statusCode).toBe(400);
    expect(await t.deps.db.selectFrom('registration').select('id').where('eventId', '=', e.id).execute()).toHaveLength(0);
    expect(await t.deps.db.selectFrom('registrationGroup').select('id').where('eventId', '=', e.id).execute()).toHaveLength(0);
    const ok = await register(t, e.id, { fullName: 'Booker', email: 'booker.grp@x.example', attends: false, colleagues: [colleague(1), colleague(2)] });
    expect([ok.statusCode, ok.json().attendees]).toEqual([201, [{ status: 'confirmed' }, { status: 'confirmed' }]]);
    const [one, two] = [await registrationOf(t, e.id, 'col1.grp@x.example'), await registrationOf(t, e.id, 'col2.grp@x.example')];
    expect(one.groupId).toBeTruthy();
    expect(one.groupId).toBe(two.groupId);
    expect(await outboxTo(t, 'col1.grp@x.example')).toHaveLength(1);
    expect((await outboxTo(t, 'booker.grp@x.example'))[0]?.bodyText).toContain('2');
    const tooMany = await register(t, e.id, { fullName: 'B', email: 'b2.grp@x.example', colleagues: Array.from({ length: 10 }, (_, i) => colleague(i + 10)) });
    expect(tooMany.statusCode).toBe(400);
  });

  test('signed in: linked to the account, e-mail defaults to it, and listed in "my registrations"', async () => {
    const e = await event();
    const res = await register(t, e.id, { fullName: 'Clinician' }, w.clinician);
    expect(res.statusCode).toBe(201);
    const mine = await call(t, w.clinician, 'GET', '/api/registration/mine');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().registrations).toEqual([expect.objectContaining({ eventId: e.id, status: 'confirmed', checkedIn: false })]);
    // The owner's own link opens the registration (QR code, evaluation, certificate) from the list.
    const view = await t.app.inject({ method: 'POST', url: '/api/registration/view', payload: { token: mine.json().registrations[0].token } });
    expect(view.statusCode).toBe(200);
    expect((await call(t, null, 'GET', '/api/registration/mine')).statusCode).toBe(401);
  });

  test('cancelling through the link frees the place; a forged token says nothing', async () => {
    const e = await event({ capacity: 1 });
    await register(t, e.id, { fullName: 'A', email: 'a.cancel@x.example' });
    await register(t, e.id, { fullName: 'B', email: 'b.cancel@x.example' });
    const a = await registrationOf(t, e.id, 'a.cancel@x.example');
    expect((await byToken(t, 'cancel', tokenOf(t, a.id))).statusCode).toBe(200);
    expect((await registrationOf(t, e.id, 'b.cancel@x.example')).status).toBe('offered');
    expect((await byToken(t, 'cancel', tokenOf(t, a.id))).statusCode).toBe(409);
    expect((await byToken(t, 'view', 'x'.repeat(43))).statusCode).toBe(404);
    const ics = await byToken(t, 'ics', tokenOf(t, a.id));
    expect([ics.statusCode, ics.headers['content-type']]).toEqual([200, 'text/calendar; charset=utf-8']);
    expect(ics.body).toContain('METHOD:CANCEL');
  });
});
