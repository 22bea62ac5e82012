// Events core: who may create, read and edit events (organiser, co-organiser, outsider, other roles, anonymous), drafts
// invisible publicly, capacity never below places held, version conflicts, sequence raised by calendar changes,
// language fallback and out-of-date translations, and hostile input refused with a 4xx.
import { describe, expect, test } from 'vitest';
import type { EventList, EventManage, EventPublic, OrganiseList } from '#shared/events/event.schema.ts';
import type { TestApp } from '#tests/test-app.ts';
import { plantEvent, plantRegistration, useEventWorld, type EventWorld, type Person } from './events.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  t = app;
  w = world;
});

const DAY = 24 * 3600 * 1000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

const get = (url: string, who?: Person) => t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, who: Person | undefined, payload?: object) =>
  t.app.inject({ method, url, headers: who ? { cookie: who.cookie } : {}, ...(payload ? { payload } : {}) });

function fields(extra: Record<string, unknown> = {}) {
  return {
    type: 'training',
    startsAt: iso(40 * DAY),
    endsAt: iso(40 * DAY + 6 * 3600 * 1000),
    timeZone: 'Europe/Bucharest',
    attendanceMode: 'in_person',
    venueName: 'Sala mare',
    venueAddress: 'Strada Gheorghe Marinescu 38',
    venueCity: 'Târgu Mureș',
    country: 'RO',
    onlineUrl: null,
    capacity: 25,
    registrationOpensAt: iso(-DAY),
    registrationClosesAt: iso(35 * DAY),
    requiresApproval: false,
    waitlistEnabled: true,
    offerHours: 48,
    maxGroupSize: 5,
    questions: [{ key: 'profession', required: true }],
    certificateEnabled: true,
    followUpMonths: null,
    ...extra,
  };
}

async function createDraft(who: Person = w.lead.trainer): Promise<EventManage> {
  const res = await send('POST', '/api/events', who, { ...fields(), sourceLanguage: 'ro', title: 'Formare pentru personalul medical' });
  expect(res.statusCode).toBe(201);
  return res.json<EventManage>();
}

const update = (e: EventManage, who: Person, extra: Record<string, unknown> = {}) => send('PUT', `/api/events/${e.id}`, who, { ...fields(), startsAt: e.startsAt, endsAt: e.endsAt, version: e.version, ...extra });

describe('who may do what', () => {
  test('an organiser creates a draft: invisible publicly, 404 to an outsider organiser, visible to the lead and a co-organiser', async () => {
    const draft = await createDraft();
    expect(draft).toMatchObject({ status: 'draft', version: 1, sequence: 0, seatsHeld: 0, organisers: [{ organisationId: w.lead.organisationId, lead: true }] });
    expect((await get(`/api/events/${draft.id}`)).statusCode).toBe(404);
    expect((await get(`/api/events/${draft.id}`, w.outsider.trainer)).statusCode).toBe(404);
    expect((await get(`/api/events/${draft.id}/manage`, w.outsider.trainer)).statusCode).toBe(404);
    expect((await update(draft, w.outsider.trainer)).statusCode).toBe(404);
    expect((await get(`/api/events/${draft.id}/manage`, w.partner.trainer)).statusCode).toBe(404);
    const added = await send('POST', `/api/events/${draft.id}/organisers`, w.lead.coordinator, { organisationId: w.partner.organisationId });
    expect(added.statusCode).toBe(200);
    expect((await get(`/api/events/${draft.id}/manage`, w.partner.trainer)).statusCode).toBe(200);
    expect((await get(`/api/events/${draft.id}`, w.partner.trainer)).json<EventPublic>()).toMatchObject({ status: 'draft', canManage: true });
    const list = (await get('/api/events/organise', w.partner.trainer)).json<OrganiseList>();
    expect(list.events.find((e) => e.id === draft.id)).toMatchObject({ lead: false, status: 'draft' });
    expect((await get('/api/events/organise', w.outsider.trainer)).json<OrganiseList>().events.map((e) => e.id)).not.toContain(draft.id);
  });

  test('people without an organiser role get 403, anonymous callers 401; the public routes answer everyone', async () => {
    const draft = await createDraft();
    for (const who of [w.lead.caseManager, w.clinician, w.participant]) {
      expect((await get(`/api/events/${draft.id}/manage`, who)).statusCode).toBe(403);
      expect((await send('POST', '/api/events', who, { ...fields(), sourceLanguage: 'ro', title: 'x' })).statusCode).toBe(403);
    }
    expect((await get(`/api/events/${draft.id}/manage`)).statusCode).toBe(401);
    expect((await get('/api/events/organise')).statusCode).toBe(401);
    expect((await get('/api/events')).statusCode).toBe(200);
  });

  test('the lead organisation cannot be removed; a co-organiser can', async () => {
    const draft = await createDraft();
    expect((await send('DELETE', `/api/events/${draft.id}/organisers/${w.lead.organisationId}`, w.lead.admin)).statusCode).toBe(422);
    await send('POST', `/api/events/${draft.id}/organisers`, w.lead.admin, { organisationId: w.partner.organisationId });
    expect((await send('POST', `/api/events/${draft.id}/organisers`, w.lead.admin, { organisationId: w.partner.organisationId })).statusCode).toBe(409);
    const removed = await send('DELETE', `/api/events/${draft.id}/organisers/${w.partner.organisationId}`, w.lead.admin);
    expect(removed.json<EventManage>().organisers).toHaveLength(1);
    expect((await get(`/api/events/${draft.id}/manage`, w.partner.trainer)).statusCode).toBe(404);
  });
});

describe('editing', () => {
  test('a stale version answers 409 with the current event', async () => {
    const draft = await createDraft();
    expect((await update(draft, w.lead.trainer, { capacity: 30 })).statusCode).toBe(200);
    const stale = await update(draft, w.lead.coordinator, { capacity: 40 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', current: { capacity: 30, version: 2 } });
  });

  test('parallel saves of the same version: exactly one wins, the others get 409 and nothing half-written', async () => {
    const draft = await createDraft();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => update(draft, w.lead.trainer, { capacity: 30 + i })));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(7);
    const now = (await get(`/api/events/${draft.id}/manage`, w.lead.trainer)).json<EventManage>();
    expect(now.version).toBe(2);
    const audits = await t.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', draft.id).where('action', '=', 'event.updated').execute();
    expect(audits).toHaveLength(1);
  });

  test('capacity below the places held is refused with the reason; sequence rises only for calendar changes', async () => {
    const event = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, capacity: 5 });
    for (let i = 0; i < 3; i++) await plantRegistration(t.deps.db, { eventId: event.id });
    const registrant = await plantRegistration(t.deps.db, { eventId: event.id, status: 'waitlisted' });
    let current = (await get(`/api/events/${event.id}/manage`, w.lead.trainer)).json<EventManage>();
    const below = await update(current, w.lead.trainer, { capacity: 2 });
    expect(below.statusCode).toBe(422);
    expect(below.json().fields).toHaveProperty('capacity');
    const same = await update(current, w.lead.trainer, { capacity: 3, startsAt: current.startsAt, endsAt: current.endsAt, venueName: current.venueName, venueAddress: null, venueCity: current.venueCity });
    expect(same.statusCode).toBe(200);
    current = same.json<EventManage>();
    expect(current).toMatchObject({ capacity: 3, sequence: 0, version: 2 });
    const moved = await update(current, w.lead.trainer, { capacity: 3, startsAt: iso(50 * DAY), endsAt: iso(50 * DAY + 3600 * 1000), venueCity: current.venueCity, venueName: current.venueName, venueAddress: null });
    expect(moved.json<EventManage>()).toMatchObject({ sequence: 1, version: 3 });
    const history = await t.deps.db.selectFrom('registrationHistory').select(['kind']).where('registrationId', '=', registrant.id).execute();
    expect(history.map((h) => h.kind)).toEqual(['event_rescheduled']);
    const cancelled = await send('POST', `/api/events/${event.id}/cancel`, w.lead.trainer, { version: 3 });
    expect(cancelled.json<EventManage>()).toMatchObject({ status: 'cancelled', sequence: 2 });
    expect((await get(`/api/events/${event.id}?lang=ro`)).json<EventPublic>()).toMatchObject({ status: 'cancelled', registrationState: 'closed' });
    expect((await send('POST', `/api/events/${event.id}/cancel`, w.lead.trainer, { version: 4 })).statusCode).toBe(422);
  });

  test('publishing needs a place; then the event is public and listed', async () => {
    const draft = await createDraft();
    const online = await update(draft, w.lead.trainer, { attendanceMode: 'online', venueName: null, venueAddress: null, venueCity: null });
    const refused = await send('POST', `/api/events/${draft.id}/publish`, w.lead.trainer, { version: online.json<EventManage>().version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().fields).toHaveProperty('onlineUrl');
    const linked = await update(online.json<EventManage>(), w.lead.trainer, { attendanceMode: 'online', venueName: null, venueAddress: null, venueCity: null, onlineUrl: 'https://meet.example.org/room-1' });
    const published = await send('POST', `/api/events/${draft.id}/publish`, w.lead.trainer, { version: linked.json<EventManage>().version });
    expect(published.json<EventManage>().status).toBe('published');
    const page = (await get(`/api/events/${draft.id}?lang=en`)).json<EventPublic>();
    expect(page).toMatchObject({ status: 'published', placesLeft: 25, registrationState: 'open', canManage: false });
    expect(JSON.stringify(page)).not.toContain('meet.example.org');
    const list = (await get('/api/events?type=training')).json<EventList>();
    expect(list.events.map((e) => e.id)).toContain(draft.id);
  });

  test('agenda sessions are added, changed, ordered and removed; another event’s session is not found', async () => {
    const draft = await createDraft();
    const other = await createDraft();
    const session = (title: string, hour: number) => ({ startsAt: iso(40 * DAY + hour * 3600 * 1000), endsAt: iso(40 * DAY + (hour + 1) * 3600 * 1000), titles: { ro: title, en: '', nb: '' }, room: 'Sala 2', speakers: [{ name: 'Dr. Ioana Pop', affiliation: 'Spitalul Județean' }] });
    await send('POST', `/api/events/${draft.id}/sessions`, w.lead.trainer, session('Deschidere', 0));
    const two = (await send('POST', `/api/events/${draft.id}/sessions`, w.lead.trainer, session('Studii de caz', 1))).json<EventManage>();
    expect(two.sessions.map((s) => s.titles.ro)).toEqual(['Deschidere', 'Studii de caz']);
    const ids = two.sessions.map((s) => s.id);
    const reordered = (await send('PUT', `/api/events/${draft.id}/sessions-order`, w.lead.trainer, { sessionIds: [...ids].reverse() })).json<EventManage>();
    expect(reordered.sessions.map((s) => s.titles.ro)).toEqual(['Studii de caz', 'Deschidere']);
    expect((await send('PUT', `/api/events/${draft.id}/sessions-order`, w.lead.trainer, { sessionIds: [ids[0]] })).statusCode).toBe(400);
    expect((await send('PUT', `/api/events/${other.id}/sessions/${ids[0]}`, w.lead.trainer, session('x', 0))).statusCode).toBe(404);
    const removed = (await send('DELETE', `/api/events/${draft.id}/sessions/${ids[0]}`, w.lead.trainer)).json<EventManage>();
    expect(removed.sessions).toHaveLength(1);
  });
});

describe('texts per language', () => {
  test('a missing language falls back to the source; a translation is out of date once the source moves on', async () => {
    const draft = await createDraft();
    const source = draft.texts.find((x) => x.language === 'ro')!;
    await send('PUT', `/api/events/${draft.id}/texts/en`, w.lead.trainer, { title: 'Training for medical staff', summary: 'One day.', description: '## Why\n\nBecause **patients** meet us first.', version: null });
    await send('POST', `/api/events/${draft.id}/publish`, w.lead.trainer, { version: draft.version });
    let en = (await get(`/api/events/${draft.id}?lang=en`)).json<EventPublic>();
    expect(en.text).toMatchObject({ title: 'Training for medical staff', language: 'en', fallback: false, outdated: false });
    expect(en.text.descriptionHtml).toContain('<strong>patients</strong>');
    const nb = (await get(`/api/events/${draft.id}?lang=nb`)).json<EventPublic>();
    expect(nb.text).toMatchObject({ title: 'Formare pentru personalul medical', language: 'ro', fallback: true });
    const saved = await send('PUT', `/api/events/${draft.id}/texts/ro`, w.lead.trainer, { title: 'Formare pentru personal medical', summary: '', description: '<script>alert(1)</script>', version: source.version });
    expect(saved.json<EventManage>().texts.find((x) => x.language === 'en')).toMatchObject({ outdated: true, sourceVersion: 1 });
    en = (await get(`/api/events/${draft.id}?lang=en`)).json<EventPublic>();
    expect(en.text.outdated).toBe(true);
    const ro = (await get(`/api/events/${draft.id}?lang=ro`)).json<EventPublic>();
    expect(ro.text.descriptionHtml).not.toContain('<script');
    const stale = await send('PUT', `/api/events/${draft.id}/texts/ro`, w.lead.trainer, { title: 'Alt titlu', summary: '', description: '', version: source.version });
    expect(stale.statusCode).toBe(409);
  });
});

describe('hostile input', () => {
  test.each([
    ['end before start', { endsAt: iso(39 * DAY) }],
    ['registration closing before it opens', { registrationOpensAt: iso(10 * DAY), registrationClosesAt: iso(5 * DAY) }],
    ['an unknown question key', { questions: [{ key: 'password', required: true }] }],
    ['a question asked twice', { questions: [{ key: 'sex', required: true }, { key: 'sex', required: false }] }],
    ['a javascript: link', { onlineUrl: 'javascript:alert(1)' }],
    ['a capacity of zero', { capacity: 0 }],
    ['a huge venue name', { venueName: 'x'.repeat(5000) }],
    ['a year out of range', { startsAt: '9999-01-01T00:00:00Z' }],
  ])('%s → 400', async (_label, extra) => {
    const res = await send('POST', '/api/events', w.lead.trainer, { ...fields(extra), sourceLanguage: 'ro', title: 'Titlu' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid');
  });

  test('a huge description and a title with control characters are refused', async () => {
    const draft = await createDraft();
    const huge = await send('PUT', `/api/events/${draft.id}/texts/en`, w.lead.trainer, { title: 'T', summary: '', description: 'x'.repeat(30_000), version: null });
    expect(huge.statusCode).toBe(400);
    const control = await send('PUT', `/api/events/${draft.id}/texts/en`, w.lead.trainer, { title: 'T\u0000', summary: '', description: '', version: null });
    expect(control.statusCode).toBe(400);
    expect((await get('/api/events?page=0')).statusCode).toBe(400);
    expect((await get('/api/events/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('the public list', () => {
  test('filters by type and by the language of the texts, pages, and keeps drafts and ended events apart', async () => {
    const db = t.deps.db;
    const study = await plantEvent(db, { organisationId: w.outsider.organisationId, type: 'study_visit', title: 'Vizită de studiu la Oslo' });
    await plantEvent(db, { organisationId: w.outsider.organisationId, type: 'study_visit', status: 'draft' });
    const ended = await plantEvent(db, { organisationId: w.outsider.organisationId, type: 'study_visit', startsAt: new Date(Date.now() - 10 * DAY), registrationOpensAt: null, registrationClosesAt: null });
    await db.deleteFrom('eventText').where('eventId', '=', study.id).where('language', '=', 'nb').execute();
    const visits = (await get('/api/events?type=study_visit&lang=nb')).json<EventList>();
    expect(visits.events.map((e) => e.id)).toEqual([study.id]);
    expect(visits.events[0]!.text).toMatchObject({ language: 'ro', fallback: true, title: 'Vizită de studiu la Oslo' });
    expect((await get('/api/events?type=study_visit&language=nb')).json<EventList>().events).toHaveLength(0);
    const archive = (await get('/api/events?type=study_visit&past=true')).json<EventList>();
    expect(archive.events.map((e) => e.id)).toEqual([ended.id]);
    expect(archive.events[0]!.registrationState).toBe('closed');
    const first = (await get('/api/events?limit=1')).json<EventList>();
    const second = (await get('/api/events?limit=1&page=2')).json<EventList>();
    expect(first).toMatchObject({ page: 1, hasMore: true });
    expect(second.events[0]!.id).not.toBe(first.events[0]!.id);
  });

  test('an organiser is offered every other organisation as co-organiser', async () => {
    const res = await get('/api/events/organise/organisations', w.lead.trainer);
    const ids = res.json<{ organisations: { id: string }[] }>().organisations.map((o) => o.id);
    expect(ids).toContain(w.partner.organisationId);
    expect(ids).not.toContain(w.lead.organisationId);
    expect((await get('/api/events/organise/organisations', w.clinician)).statusCode).toBe(403);
  });
});
