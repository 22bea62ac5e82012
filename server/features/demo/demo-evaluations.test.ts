// The demo evaluations: seeded for checked-in people only, as many as planned, anonymous, once; and nothing (no
// error) when the demo events are not there.
import { describe, expect, test } from 'vitest';
import { plantEvent, plantRegistration, useEventWorld, type EventWorld } from '#server/features/events/events.fixtures.ts';
import { systemCtx } from '#server/features/audit/audit.service.ts';
import type { TestApp } from '#tests/test-app.ts';
import { seedDemoEvaluations, seedEventEvaluations } from './demo-evaluations.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  t = app;
  w = world;
});

describe('demo evaluations', () => {
  test('answers for checked-in registrations only, as many as planned, stored without them, and only once', async () => {
    const event = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, capacity: 40, startsAt: new Date('2015-10-20T07:00:00Z'), endsAt: new Date('2015-10-20T15:00:00Z'), registrationOpensAt: null, registrationClosesAt: null });
    for (let i = 0; i < 20; i++) await plantRegistration(t.deps.db, { eventId: event.id, language: i % 4 ? 'ro' : 'nb', checkedInAt: new Date('2015-10-20T07:30:00Z') });
    for (let i = 0; i < 5; i++) await plantRegistration(t.deps.db, { eventId: event.id });
    const seeded = await t.deps.db.transaction().execute((trx) => seedEventEvaluations(trx, event.id, { kind: 'evaluation', count: 18, seed: 1 }));
    expect(seeded).toBe(18);
    const again = await t.deps.db.transaction().execute((trx) => seedEventEvaluations(trx, event.id, { kind: 'evaluation', count: 18, seed: 1 }));
    expect(again).toBe(2); // only the two checked-in people who had not answered yet
    const rows = await t.deps.db.selectFrom('eventEvaluationResponse').select(['answers', 'comments', 'language']).where('eventId', '=', event.id).execute();
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => typeof r.answers.overall === 'number' && (r.answers.overall as number) >= 2)).toBe(true);
    expect(rows.some((r) => Object.keys(r.comments).length > 0)).toBe(true);
    const results = await t.app.inject({ method: 'GET', url: `/api/events/${event.id}/evaluation-results`, headers: { cookie: w.lead.trainer.cookie } });
    expect(results.json().sections[0]).toMatchObject({ eligible: 20, responses: 20, responseRate: 1, shown: true });
  });

  test('without the demo events it does nothing', async () => {
    const ctx = systemCtx(t.deps.db, t.deps.config, t.app.log);
    const before = await t.deps.db.selectFrom('eventEvaluationResponse').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await t.deps.db.transaction().execute((trx) => seedDemoEvaluations(ctx, trx));
    const after = await t.deps.db.selectFrom('eventEvaluationResponse').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
