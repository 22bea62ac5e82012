// Figures for reporting on a planted dataset, with exact numbers: participants by dimension, unique professionals
// trained, attendance, satisfaction, participant-days; small cells withheld; the report API scoped to the actor's
// organisation and its roles.
import { beforeAll, describe, expect, test } from 'vitest';
import { member } from '#server/features/referrals/referrals.fixtures.ts';
import type { EventType } from '#shared/events/event-vocabulary.ts';
import type { TestApp } from '#tests/test-app.ts';
import { withholdSmallCells } from './event-figures-disclosure.ts';
import * as figures from './event-figures.ts';
import { plantEvent, plantRegistration, useEventWorld, type EventWorld, type Person } from './events.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  t = app;
  w = world;
});

const at = (iso: string) => new Date(iso);

async function event(type: EventType, startsAt: string, endsAt: string, organisationId = w.lead.organisationId, status: 'published' | 'draft' = 'published') {
  return plantEvent(t.deps.db, { organisationId, type, status, startsAt: at(startsAt), endsAt: at(endsAt), registrationOpensAt: null, registrationClosesAt: null });
}

type Who = [email: string, country: string, profession: string, institution: string, sex: string, attended: boolean, status?: 'confirmed' | 'cancelled' | 'waitlisted'];

async function people(eventId: string, list: Who[]) {
  for (const [email, country, profession, institution_type, sex, attended, status] of list) {
    await plantRegistration(t.deps.db, { eventId, email, status: status ?? 'confirmed', answers: { country, profession, institution_type, sex }, checkedInAt: attended ? at('2026-03-10T08:00:00Z') : null });
  }
}

async function answers(eventId: string, overall: (number | null)[]) {
  for (const value of overall) {
    const answers = JSON.stringify(value === null ? { relevance: 4 } : { overall: value });
    await t.deps.db.insertInto('eventEvaluationResponse').values({ eventId, kind: 'evaluation', language: 'ro', answers, submittedOn: '2026-03-12' }).execute();
  }
}

let filter: figures.EventFilter;
let donor: Person;

beforeAll(async () => {
  // A two-day training (Bucharest time), a one-day training and a roundtable in March 2026, organised by the lead.
  const training = await event('training', '2026-03-10T07:00:00Z', '2026-03-11T15:00:00Z');
  await people(training.id, [
    ['ana@spital.example', 'RO', 'nurse', 'hospital', 'female', true],
    ['ion@spital.example', 'RO', 'physician', 'hospital', 'male', true],
    ['kari@kommune.example', 'NO', 'social_worker', 'social_services', 'female', true],
    ['maria@spital.example', 'RO', 'nurse', 'hospital', 'female', false],
    ['dan@spital.example', 'RO', 'physician', 'hospital', 'male', false, 'cancelled'],
    ['eva@spital.example', 'RO', 'midwife', 'hospital', 'female', false, 'waitlisted'],
  ]);
  const second = await event('training', '2026-03-20T08:00:00Z', '2026-03-20T14:00:00Z');
  await people(second.id, [
    ['ana@spital.example', 'RO', 'nurse', 'hospital', 'female', true],
    ['olav@politi.example', 'NO', 'police_officer', 'police', 'male', true],
  ]);
  const roundtable = await event('roundtable', '2026-03-25T08:00:00Z', '2026-03-25T12:00:00Z');
  await people(roundtable.id, [['mihai@ong.example', 'RO', 'ngo_staff', 'ngo', 'male', true]]);
  // Outside the figures: another organisation's training, one of the lead's outside the period, a draft.
  const others = await event('training', '2026-03-12T08:00:00Z', '2026-03-12T15:00:00Z', w.outsider.organisationId);
  const earlier = await event('training', '2025-11-12T08:00:00Z', '2025-11-12T15:00:00Z');
  const draft = await event('training', '2026-03-15T08:00:00Z', '2026-03-15T15:00:00Z', w.lead.organisationId, 'draft');
  for (const e of [others, earlier, draft]) await people(e.id, [['ana@spital.example', 'RO', 'nurse', 'hospital', 'female', true]]);
  await answers(training.id, [5, 4, 2]);
  await answers(second.id, [3, null]);
  await answers(others.id, [1, 1, 1]);
  filter = { organisationId: w.lead.organisationId, from: at('2026-03-01T00:00:00Z'), to: at('2026-04-01T00:00:00Z') };
  donor = await member(t, w.lead.organisationId, ['donor_viewer']);
});

describe('event figures', () => {
  test('participants by country, profession, institution type and sex (attended, and confirmed)', async () => {
    expect(await figures.participantsTotal(t.deps.db, filter)).toBe(6);
    expect(await figures.participantsBy(t.deps.db, filter, 'country')).toEqual([
      { key: 'RO', count: 4 },
      { key: 'NO', count: 2 },
    ]);
    expect(await figures.participantsBy(t.deps.db, filter, 'country', 'confirmed')).toEqual([
      { key: 'RO', count: 5 },
      { key: 'NO', count: 2 },
    ]);
    expect(await figures.participantsBy(t.deps.db, filter, 'profession')).toEqual([
      { key: 'nurse', count: 2 },
      { key: 'ngo_staff', count: 1 },
      { key: 'physician', count: 1 },
      { key: 'police_officer', count: 1 },
      { key: 'social_worker', count: 1 },
    ]);
    expect(await figures.participantsBy(t.deps.db, filter, 'sex')).toEqual([
      { key: 'female', count: 3 },
      { key: 'male', count: 3 },
    ]);
    expect(await figures.participantsBy(t.deps.db, { ...filter, types: ['roundtable'] }, 'institution_type')).toEqual([{ key: 'ngo', count: 1 }]);
  });

  test('unique professionals trained: distinct e-mails at trainings, and the medical ones among them', async () => {
    expect(await figures.uniqueProfessionalsTrained(t.deps.db, filter)).toEqual({ all: 4, medical: 2 });
    expect(await figures.uniqueProfessionalsTrained(t.deps.db, { ...filter, types: ['roundtable'] })).toEqual({ all: 0, medical: 0 });
  });

  test('attendance, satisfaction and participant-days', async () => {
    expect(await figures.attendanceRate(t.deps.db, filter, at('2026-12-01T00:00:00Z'))).toEqual({ confirmed: 7, checkedIn: 6, rate: 6 / 7 });
    expect(await figures.attendanceRate(t.deps.db, filter, at('2026-03-15T00:00:00Z'))).toEqual({ confirmed: 4, checkedIn: 3, rate: 0.75 });
    expect(await figures.satisfaction(t.deps.db, filter)).toEqual({ n: 4, mean: 3.5, satisfiedShare: 0.5 });
    // 3 people × 2 days + 2 × 1 + 1 × 1
    expect(await figures.participantDays(t.deps.db, filter)).toBe(9);
  });

  test('small cells are withheld, and a lone one takes the next smallest with it', () => {
    expect(withholdSmallCells([{ key: 'RO', count: 40 }, { key: 'NO', count: 7 }, { key: 'MD', count: 2 }])).toEqual([
      { key: 'RO', count: 40 },
      { key: 'NO', count: null },
      { key: 'MD', count: null },
    ]);
    expect(withholdSmallCells([{ key: 'a', count: 10 }, { key: 'b', count: 1 }, { key: 'c', count: 2 }])).toEqual([
      { key: 'a', count: 10 },
      { key: 'b', count: null },
      { key: 'c', count: null },
    ]);
    expect(withholdSmallCells([{ key: 'a', count: 3 }, { key: 'b', count: 4 }])).toEqual([
      { key: 'a', count: 3 },
      { key: 'b', count: 4 },
    ]);
  });
});

describe('GET /api/reports/events', () => {
  const url = '/api/reports/events?from=2026-03-01&to=2026-03-31&language=en';

  test('the organisation’s coordinators, admins and donor viewers read the figures, small cells withheld', async () => {
    for (const who of [w.lead.coordinator, w.lead.admin, donor]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
      expect(res.statusCode).toBe(200);
      const report = res.json();
      expect(report.events.map((e: { type: string; checkedIn: number }) => [e.type, e.checkedIn])).toEqual([
        ['training', 3],
        ['training', 2],
        ['roundtable', 1],
      ]);
      expect(report.events[0]).toMatchObject({ title: 'Identifying trafficking victims in hospital', confirmed: 4, responses: 3, satisfactionMean: 3.67 });
      expect(report.events[1]).toMatchObject({ responses: 2, satisfactionMean: null });
      expect(report.participants.total).toBe(6);
      // NOTE: NO (2) is small; RO goes too, or the total 6 minus RO would give NO back.
      expect(report.participants.byCountry).toEqual([
        { key: 'RO', count: null },
        { key: 'NO', count: null },
      ]);
      expect(report.participants.bySex).toEqual([
        { key: 'female', count: 3 },
        { key: 'male', count: 3 },
      ]);
      expect(report.uniqueProfessionals).toEqual({ all: 4, medical: 2 });
      expect(report.attendance).toEqual({ confirmed: 7, checkedIn: 6, rate: 0.86 });
      expect(report.satisfaction).toEqual({ n: 4, mean: 3.5, satisfiedShare: 0.5 });
      expect(report.participantDays).toBe(9);
      expect(report.knowledgeChange).toBeNull();
    }
  });

  test('another organisation sees only its own events; other roles 403; anonymous 401; a reversed period 400', async () => {
    const theirs = await member(t, w.outsider.organisationId, ['coordinator']);
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: theirs.cookie } });
    expect(res.json().events).toHaveLength(1);
    expect(res.json().satisfaction).toEqual({ n: 3, mean: 1, satisfiedShare: 0 });
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: w.lead.trainer.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const reversed = await t.app.inject({ method: 'GET', url: '/api/reports/events?from=2026-03-31&to=2026-03-01', headers: { cookie: donor.cookie } });
    expect(reversed.statusCode).toBe(400);
  });
});
