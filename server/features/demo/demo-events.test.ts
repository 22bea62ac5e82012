// The demo events: the project's three events of 2015–2016 in the archive and two upcoming ones in the list, with texts
// in ro, en and nb, agendas, and the final conference organised by the association with the Norwegian foundation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorCtx } from '#server/features/organisations/operator.service.ts';
import type { EventList, EventPublic } from '#shared/events/event.schema.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { DEMO_EVENT_IDS } from './demo-event-ids.ts';
import { seedDemo } from './demo.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemo(operatorCtx({ ...t.deps, config: { ...t.deps.config, demoData: true } }))).toBe('seeded');
});
afterAll(async () => t.close());

const get = async <T>(url: string) => (await t.app.inject({ method: 'GET', url })).json<T>();

describe('demo events', () => {
  it('lists the two upcoming events, soonest first, and the three project events in the archive', async () => {
    const upcoming = await get<EventList>('/api/events?lang=ro');
    expect(upcoming.events.map((e) => e.id)).toEqual([DEMO_EVENT_IDS.upcomingWebinar, DEMO_EVENT_IDS.upcomingTraining]);
    // NOTE: the registrations' seed holds 8 of the training's places and fills the webinar, with a waiting list.
    expect(upcoming.events[1]).toMatchObject({ capacity: 30, placesLeft: 22, registrationState: 'open' });
    expect(upcoming.events[0]).toMatchObject({ capacity: 12, placesLeft: 0, registrationState: 'full_waitlist' });
    const past = await get<EventList>('/api/events?past=true&lang=en');
    expect(past.events.map((e) => e.id)).toEqual([DEMO_EVENT_IDS.conference2016, DEMO_EVENT_IDS.roundtable2015, DEMO_EVENT_IDS.training2015]);
  });

  it('gives each event its texts in three languages, its agenda and its organisers', async () => {
    const conference = await get<EventPublic>(`/api/events/${DEMO_EVENT_IDS.conference2016}?lang=nb`);
    expect(conference).toMatchObject({ type: 'conference', capacity: 60, venueCity: 'București', registrationState: 'closed' });
    expect(conference.text).toMatchObject({ language: 'nb', fallback: false, outdated: false });
    expect(conference.languages.sort()).toEqual(['en', 'nb', 'ro']);
    expect(conference.organisers.map((o) => o.name)).toEqual(['Asociația Punți pentru Sănătate', 'Stiftelsen Fyrlykta']);
    expect(conference.sessions.length).toBeGreaterThan(3);
    const webinar = await get<EventPublic>(`/api/events/${DEMO_EVENT_IDS.upcomingWebinar}?lang=en`);
    expect(webinar).toMatchObject({ attendanceMode: 'online', capacity: 12, timeZone: 'Europe/Oslo' });
    expect(JSON.stringify(webinar)).not.toContain('https://meet.');
  });
});
