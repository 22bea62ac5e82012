// The event_evaluation_invitations job with a moved clock: after the event each checked-in person gets one
// invitation (in their language, neutral, the token in the fragment) however often the job runs; the follow-up
// invitation comes months later; people who already answered are not asked again.
import { describe, expect, test } from 'vitest';
import { runDueJobs } from '#server/features/jobs/jobs.worker.ts';
import type { TestApp } from '#tests/test-app.ts';
import { EVALUATION_INVITATIONS_JOB, evaluationInvitationsJob, scheduleEvaluationInvitations } from './evaluation-invitations.ts';
import { plantEvent, plantRegistration, useEventWorld, type EventWorld } from './events.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  t = app;
  w = world;
});

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const handlers = { [EVALUATION_INVITATIONS_JOB]: evaluationInvitationsJob };

async function runJobAt(now: Date) {
  t.setNow(now);
  await scheduleEvaluationInvitations(t.deps.db, handlers, now);
  await runDueJobs(t.deps, handlers);
}

async function outboxTo(addresses: string[]) {
  return t.deps.db.selectFrom('outboxEmail').select(['toAddress', 'subject', 'bodyText']).where('toAddress', 'in', addresses).orderBy('createdAt').execute();
}

describe('evaluation invitations', () => {
  test('sent once to each checked-in person after the end; the follow-up months later; answered people not asked again', async () => {
    const start = new Date('2031-05-10T07:00:00Z');
    const endsAt = new Date(start.getTime() + 8 * HOUR);
    t.setNow(new Date(start.getTime() - 40 * DAY));
    const event = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, startsAt: start, endsAt, now: t.deps.now() });
    await t.deps.db.updateTable('event').set({ followUpMonths: 3 }).where('id', '=', event.id).execute();
    const ro = await plantRegistration(t.deps.db, { eventId: event.id, language: 'ro', checkedInAt: start });
    const nb = await plantRegistration(t.deps.db, { eventId: event.id, language: 'nb', checkedInAt: start });
    const absent = await plantRegistration(t.deps.db, { eventId: event.id, language: 'en' });
    const all = [ro.email, nb.email, absent.email];

    await runJobAt(new Date(start.getTime() + 2 * HOUR)); // during the event: nothing yet
    expect(await outboxTo(all)).toEqual([]);

    await runJobAt(new Date(endsAt.getTime() + HOUR));
    await runJobAt(new Date(endsAt.getTime() + 2 * HOUR)); // the next hour's run sends nothing again
    const first = await outboxTo(all);
    expect(first.map((e) => e.toAddress).sort()).toEqual([ro.email, nb.email].sort());
    const toRo = first.find((e) => e.toAddress === ro.email)!;
    expect(toRo.subject).toBe('Pro Health: un scurt chestionar');
    expect(first.find((e) => e.toAddress === nb.email)!.subject).toBe('Pro Health: et kort spørreskjema');
    expect(toRo.bodyText).not.toContain('Identificarea'); // no title: neutral
    const token = /\/registration\/evaluation#([A-Za-z0-9_-]{43})/.exec(toRo.bodyText)?.[1];
    expect(token).toBeDefined();

    // The invitation's own token opens the form of its questionnaire (the follow-up gets an invitation of its own).
    const form = await t.app.inject({ method: 'POST', url: '/api/registration/evaluation/form', payload: { token } });
    expect(form.json().surveys[0]).toMatchObject({ kind: 'evaluation', state: 'open' });

    const followUpDue = new Date(Date.UTC(2031, 7, 10, 15, 0) + HOUR); // 3 months after the end
    await runJobAt(new Date(followUpDue.getTime() - DAY)); // not yet
    expect(await outboxTo(all)).toHaveLength(2);
    // The Norwegian participant answers the follow-up the moment it opens, before the job's next run.
    t.setNow(followUpDue);
    const answered = await t.app.inject({ method: 'POST', url: '/api/registration/evaluation', payload: { token: nb.manageToken, kind: 'follow_up', language: 'nb', answers: { usedManual: 'yes' }, comments: {} } });
    expect(answered.statusCode).toBe(201);
    await runJobAt(followUpDue);
    await runJobAt(new Date(followUpDue.getTime() + HOUR));
    const after = await outboxTo(all);
    expect(after).toHaveLength(3);
    expect(after[2]).toMatchObject({ toAddress: ro.email });
    expect(after[2]!.bodyText).toContain('Au trecut câteva luni');

    const audit = await t.deps.db.selectFrom('auditEvent').select('details').where('action', '=', 'event_evaluation.invitations_sent').where('entityId', '=', event.id).execute();
    expect(audit.map((a) => a.details)).toEqual([
      { kind: 'evaluation', count: 2 },
      { kind: 'follow_up', count: 1 },
    ]);
  });
});
