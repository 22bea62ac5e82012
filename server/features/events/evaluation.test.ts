// Answering an event's questionnaires: only checked-in people, only while open, once per registration and kind (also
// under parallel submits), stored without the registration; hostile answers are refused with a 400.
import { describe, expect, test } from 'vitest';
import { randomToken, sha256 } from '#server/lib/crypto.ts';
import type { EvaluationKind } from '#shared/events/evaluation-items.ts';
import type { TestApp } from '#tests/test-app.ts';
import { plantEvent, plantRegistration, useEventWorld, type EventWorld } from './events.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  t = app;
  w = world;
});

const DAY = 24 * 3600 * 1000;

/** An event that ended yesterday (or at `endsAt`), with a checked-in registration. */
async function endedEvent(o: { endsAt?: Date; followUpMonths?: number } = {}) {
  const endsAt = o.endsAt ?? new Date(Date.now() - DAY);
  const event = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, startsAt: new Date(endsAt.getTime() - 7 * 3600 * 1000), endsAt, registrationOpensAt: null, registrationClosesAt: null });
  if (o.followUpMonths) await t.deps.db.updateTable('event').set({ followUpMonths: o.followUpMonths }).where('id', '=', event.id).execute();
  const attended = await plantRegistration(t.deps.db, { eventId: event.id, checkedInAt: new Date(endsAt.getTime() - 3600 * 1000) });
  return { event, attended };
}

const answers = { relevance: 5, newKnowledge: 4, confidenceIdentify: 4, confidenceRefer: 'na', facilitation: 5, recommend: 5, overall: 5 };

function submit(body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/registration/evaluation', payload: { kind: 'evaluation', language: 'ro', answers, comments: {}, ...body } });
}

function form(token: string) {
  return t.app.inject({ method: 'POST', url: '/api/registration/evaluation/form', payload: { token, language: 'en' } });
}

describe('who may answer, and when', () => {
  test('a checked-in participant sees the evaluation open and answers it once', async () => {
    const { attended } = await endedEvent();
    const opened = await form(attended.manageToken);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ title: 'Identifying trafficking victims in hospital', surveys: [{ kind: 'evaluation', state: 'open' }] });
    expect((await submit({ token: attended.manageToken })).statusCode).toBe(201);
    expect((await form(attended.manageToken)).json().surveys[0].state).toBe('answered');
    const again = await submit({ token: attended.manageToken });
    expect(again.statusCode).toBe(409);
  });

  test('a registration that was not checked in cannot answer (403), and its form says so', async () => {
    const { event } = await endedEvent();
    const absent = await plantRegistration(t.deps.db, { eventId: event.id });
    expect((await form(absent.manageToken)).json().surveys[0].state).toBe('not_eligible');
    const res = await submit({ token: absent.manageToken });
    expect(res.statusCode).toBe(403);
    expect(await t.deps.db.selectFrom('eventEvaluationResponse').select('id').where('eventId', '=', event.id).execute()).toHaveLength(0);
  });

  test('before the event has ended → 409; 30 days after → 409 (closed)', async () => {
    const { attended: early } = await endedEvent({ endsAt: new Date(Date.now() + 2 * 3600 * 1000) });
    const before = await submit({ token: early.manageToken });
    expect(before.statusCode).toBe(409);
    expect(before.json().message).toMatch(/opens when the event has ended/);
    const { attended: late } = await endedEvent({ endsAt: new Date(Date.now() - 31 * DAY) });
    expect((await form(late.manageToken)).json().surveys[0].state).toBe('closed');
    expect((await submit({ token: late.manageToken })).statusCode).toBe(409);
  });

  test('an unknown or forged token → 404, revealing nothing', async () => {
    const res = await submit({ token: 'x'.repeat(43) });
    expect(res.statusCode).toBe(404);
    expect((await form('y'.repeat(43))).statusCode).toBe(404);
  });

  test('the follow-up survey opens follow_up_months after the end, and only for events that have one', async () => {
    const { attended } = await endedEvent();
    const none = await submit({ token: attended.manageToken, kind: 'follow_up', answers: { usedManual: 'yes' } });
    expect(none.statusCode).toBe(409);
    const { attended: later } = await endedEvent({ followUpMonths: 3 });
    expect((await form(later.manageToken)).json().surveys.map((s: { state: string }) => s.state)).toEqual(['open', 'not_open_yet']);
    const early = await submit({ token: later.manageToken, kind: 'follow_up', answers: { usedManual: 'yes' } });
    expect(early.statusCode).toBe(409);
    t.setNow(new Date(Date.now() + 92 * DAY));
    try {
      const res = await submit({ token: later.manageToken, kind: 'follow_up', answers: { usedManual: 'yes', referredSince: 'unsure' }, comments: { practiceChange: 'Am folosit fișa de triaj.' } });
      expect(res.statusCode).toBe(201);
    } finally {
      t.setNow(new Date());
    }
  });
});

/** An invitation as the job records it: its own token, good for one questionnaire. */
async function invite(registrationId: string, kind: EvaluationKind): Promise<string> {
  const token = randomToken();
  await t.deps.db.insertInto('eventEvaluationInvitation').values({ registrationId, kind, tokenHash: sha256(token), sentAt: new Date() }).execute();
  return token;
}

describe('an invitation answers its own questionnaire only', () => {
  test('the other questionnaire gets the unknown-link answer (404), the form lists only its own', async () => {
    const { attended } = await endedEvent({ followUpMonths: 3 });
    const forEvaluation = await invite(attended.id, 'evaluation');
    const forFollowUp = await invite(attended.id, 'follow_up');
    const unknown = await submit({ token: 'z'.repeat(43) });
    const crossed = await submit({ token: forFollowUp });
    expect([crossed.statusCode, crossed.json()]).toEqual([404, unknown.json()]);
    expect((await form(forFollowUp)).json().surveys.map((s: { kind: string }) => s.kind)).toEqual(['follow_up']);
    expect((await form(forEvaluation)).json().surveys.map((s: { kind: string }) => s.kind)).toEqual(['evaluation']);
    expect((await submit({ token: forEvaluation })).statusCode).toBe(201);
    t.setNow(new Date(Date.now() + 92 * DAY));
    try {
      const wrongWay = await submit({ token: forEvaluation, kind: 'follow_up', answers: { usedManual: 'yes' } });
      expect([wrongWay.statusCode, wrongWay.json()]).toEqual([404, unknown.json()]);
      expect((await submit({ token: forFollowUp, kind: 'follow_up', answers: { usedManual: 'yes' } })).statusCode).toBe(201);
    } finally {
      t.setNow(new Date());
    }
    // NOTE: the registration's own link still reaches both questionnaires.
    expect((await form(attended.manageToken)).json().surveys.map((s: { state: string }) => s.state)).toEqual(['answered', 'answered']);
  });
});

describe('once, even in parallel', () => {
  test('ten parallel submits of one registration: one 201, nine 409, one stored answer', async () => {
    const { event, attended } = await endedEvent();
    const results = await Promise.all(Array.from({ length: 10 }, () => submit({ token: attended.manageToken })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, ...Array.from({ length: 9 }, () => 409)]);
    const rows = await t.deps.db.selectFrom('eventEvaluationResponse').select('id').where('eventId', '=', event.id).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('anonymity', () => {
  test('the answer row holds no registration, account or time of day; the audit entry names nobody', async () => {
    const { event, attended } = await endedEvent();
    expect((await submit({ token: attended.manageToken, comments: { mostUseful: 'Studiile de caz.' } })).statusCode).toBe(201);
    const row = await t.deps.db.selectFrom('eventEvaluationResponse').selectAll().where('eventId', '=', event.id).executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual(['answers', 'comments', 'eventId', 'id', 'kind', 'language', 'submittedOn']);
    expect(JSON.stringify(row)).not.toContain(attended.id);
    expect(row.comments).toEqual({ mostUseful: 'Studiile de caz.' });
    const marker = await t.deps.db.selectFrom('eventEvaluationAnswered').selectAll().where('registrationId', '=', attended.id).execute();
    expect(marker).toEqual([{ registrationId: attended.id, kind: 'evaluation' }]);
    const audit = await t.deps.db.selectFrom('auditEvent').select(['actorAccountId', 'ip', 'details']).where('action', '=', 'event_evaluation.submitted').where('entityId', '=', event.id).executeTakeFirstOrThrow();
    expect(audit).toEqual({ actorAccountId: null, ip: null, details: { kind: 'evaluation' } });
  });
});

describe('hostile answers → 400', () => {
  test.each([
    ['an unknown item', { answers: { ...answers, favouriteColour: 3 } }],
    ['a value off the scale', { answers: { ...answers, relevance: 6 } }],
    ['"not applicable" for the overall satisfaction', { answers: { ...answers, overall: 'na' } }],
    ['a fraction', { answers: { ...answers, overall: 4.5 } }],
    ['a 100 KB comment', { comments: { toImprove: 'a'.repeat(100_000) } }],
    ['an unknown comment', { comments: { secretNotes: 'x' } }],
    ['a follow-up item in the evaluation', { answers: { usedManual: 'yes' } }],
    ['nothing answered at all', { answers: {}, comments: { mostUseful: '   ' } }],
    ['an unknown questionnaire', { kind: 'pre_event' }],
  ])('%s', async (_label, body) => {
    const { attended } = await endedEvent();
    const res = await submit({ token: attended.manageToken, ...body });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid');
  });
});
