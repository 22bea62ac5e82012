// The organisers' results: who may read them (organisers of the event only: 404 for others, 401 anonymous), the
// counts, means and response rate on planted answers, small-number disclosure, and the CSV export defused.
import { describe, expect, test } from 'vitest';
import type { TestApp } from '#tests/test-app.ts';
import { plantEvent, plantRegistration, useEventWorld, type EventWorld, type Person } from './events.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  t = app;
  w = world;
});

const DAY = 24 * 3600 * 1000;

/** An ended event co-organised with the partner, with `attended` checked-in registrations that answer in turn. */
async function eventWithAnswers(attended: number, answerSets: { answers: Record<string, unknown>; comments?: Record<string, string> }[]) {
  const endsAt = new Date(Date.now() - DAY);
  const event = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, coOrganisers: [w.partner.organisationId], startsAt: new Date(endsAt.getTime() - 6 * 3600 * 1000), endsAt, registrationOpensAt: null, registrationClosesAt: null });
  const people = [];
  for (let i = 0; i < attended; i++) people.push(await plantRegistration(t.deps.db, { eventId: event.id, checkedInAt: endsAt }));
  await plantRegistration(t.deps.db, { eventId: event.id }); // confirmed, never came: not counted as able to answer
  for (const [i, set] of answerSets.entries()) {
    const res = await t.app.inject({ method: 'POST', url: '/api/registration/evaluation', payload: { token: people[i]!.manageToken, kind: 'evaluation', language: i % 2 ? 'nb' : 'ro', answers: set.answers, comments: set.comments ?? {} } });
    expect(res.statusCode).toBe(201);
  }
  return event;
}

function results(eventId: string, who?: Person, suffix = '') {
  return t.app.inject({ method: 'GET', url: `/api/events/${eventId}/evaluation-results${suffix}`, headers: who ? { cookie: who.cookie } : {} });
}

describe('who reads the results', () => {
  test('organisers of the lead and co-organising organisations read them; others get 404, 403 or 401', async () => {
    const event = await eventWithAnswers(1, []);
    for (const who of [w.lead.trainer, w.lead.coordinator, w.lead.admin, w.partner.trainer]) expect((await results(event.id, who)).statusCode).toBe(200);
    expect((await results(event.id, w.outsider.trainer)).statusCode).toBe(404);
    expect((await results(event.id, w.lead.caseManager)).statusCode).toBe(403);
    expect((await results(event.id, w.participant)).statusCode).toBe(403);
    expect((await results(event.id)).statusCode).toBe(401);
    expect((await results(crypto.randomUUID(), w.lead.trainer)).statusCode).toBe(404);
  });
});

describe('the figures', () => {
  test('counts per value, mean without "not applicable", response rate over checked-in people, comments with their language', async () => {
    const event = await eventWithAnswers(5, [
      { answers: { relevance: 5, confidenceRefer: 'na', overall: 5 }, comments: { mostUseful: 'Studiile de caz.' } },
      { answers: { relevance: 4, confidenceRefer: 2, overall: 4 }, comments: { toImprove: 'Mer tid til spørsmål.' } },
      { answers: { relevance: 4, confidenceRefer: 'na', overall: 3 } },
      { answers: { relevance: 2, overall: 4 } },
    ]);
    const res = await results(event.id, w.lead.trainer);
    expect(res.statusCode).toBe(200);
    const [section] = res.json().sections;
    expect(section).toMatchObject({ kind: 'evaluation', eligible: 5, responses: 4, responseRate: 0.8, shown: true });
    const item = (key: string) => section.items.find((i: { key: string }) => i.key === key);
    expect(item('relevance')).toEqual({
      key: 'relevance',
      scale: 'agreement',
      n: 4,
      mean: 3.75,
      counts: [
        { value: '1', count: 0 },
        { value: '2', count: 1 },
        { value: '3', count: 0 },
        { value: '4', count: 2 },
        { value: '5', count: 1 },
        { value: 'na', count: 0 },
      ],
    });
    expect(item('confidenceRefer')).toMatchObject({ n: 1, mean: 2, counts: expect.arrayContaining([{ value: 'na', count: 2 }]) });
    expect(item('overall')).toMatchObject({ n: 4, mean: 4 });
    expect(item('newKnowledge')).toMatchObject({ n: 0, mean: null });
    expect(section.comments).toEqual([
      { key: 'mostUseful', texts: [{ text: 'Studiile de caz.', language: 'ro' }] },
      { key: 'toImprove', texts: [{ text: 'Mer tid til spørsmål.', language: 'nb' }] },
    ]);
  });

  test('fewer than three responses: only the counts, no distribution and no comments', async () => {
    const event = await eventWithAnswers(4, [{ answers: { overall: 1 }, comments: { toImprove: 'Sala era prea rece.' } }, { answers: { overall: 5 } }]);
    const [section] = (await results(event.id, w.lead.coordinator)).json().sections;
    expect(section).toMatchObject({ responses: 2, eligible: 4, responseRate: 0.5, shown: false, items: [], comments: [] });
    expect(JSON.stringify(section)).not.toContain('rece');
  });

  test('an event with a follow-up survey has its own section', async () => {
    const event = await eventWithAnswers(1, []);
    await t.deps.db.updateTable('event').set({ followUpMonths: 6 }).where('id', '=', event.id).execute();
    const sections = (await results(event.id, w.lead.trainer)).json().sections;
    expect(sections.map((s: { kind: string }) => s.kind)).toEqual(['evaluation', 'follow_up']);
  });
});

describe('CSV export', () => {
  test('defuses formula-like comments, names nobody, and is audited', async () => {
    const event = await eventWithAnswers(3, [
      { answers: { overall: 4 }, comments: { toImprove: '=HYPERLINK("http://x.example","click")' } },
      { answers: { overall: 5 } },
      { answers: { overall: 3 } },
    ]);
    const res = await results(event.id, w.lead.trainer, '.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toContain(`"'=HYPERLINK(""http://x.example"",""click"")"`);
    expect(res.body).toContain('evaluation,overall,4,1,3,4\r\n');
    expect(res.body).not.toContain('Ana Pop');
    const audit = await t.deps.db.selectFrom('auditEvent').select('actorAccountId').where('action', '=', 'event_evaluation.exported').where('entityId', '=', event.id).execute();
    expect(audit).toEqual([{ actorAccountId: w.lead.trainer.id }]);
    expect((await results(event.id, w.outsider.trainer, '.csv')).statusCode).toBe(404);
  });
});
