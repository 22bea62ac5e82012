// Answer deadlines with a controllable clock: reminder before the deadline, escalation at it to both organisations'
// coordinators, each once even with two workers; answered referrals never escalate; per-organisation answer times.
import { describe, expect, test } from 'vitest';
import { runDueJobs } from '#server/features/jobs/jobs.worker.ts';
import { JOB_HANDLERS } from '#server/startup.ts';
import type { TestApp } from '#tests/test-app.ts';
import { sendReferral, setStatus, useWorld, type World } from './referrals.fixtures.ts';

let t: TestApp;
let w: World;
useWorld((app, world) => {
  [t, w] = [app, world];
});

const HOUR = 3_600_000;
const twoWorkers = () => Promise.all([runDueJobs(t.deps, JOB_HANDLERS, { workerId: 'one' }), runDueJobs(t.deps, JOB_HANDLERS, { workerId: 'two' })]);
const referral = (id: string) => t.deps.db.selectFrom('referral').select(['status', 'dueAt', 'sentAt', 'remindedAt', 'escalatedAt']).where('id', '=', id).executeTakeFirstOrThrow();
const events = (id: string, kind: string) => t.deps.db.selectFrom('referralEvent').select('at').where('referralId', '=', id).where('kind', '=', kind).execute();

async function outboxTo(accountIds: string[]) {
  const emails = await t.deps.db.selectFrom('outboxEmail as e').innerJoin('account as a', 'a.email', 'e.toAddress').select(['a.id', 'e.subject', 'e.bodyText']).where('a.id', 'in', accountIds).execute();
  return emails;
}

describe('answer deadlines', () => {
  test('an urgent referral is due in 4 hours: reminder at 3 h, escalation at 4 h, once each with two workers', async () => {
    const start = new Date();
    t.setNow(start);
    const { id } = await sendReferral(t, w, { urgency: 'urgent' });
    const sent = await referral(id);
    expect(sent.dueAt!.getTime() - sent.sentAt!.getTime()).toBe(4 * HOUR);
    await twoWorkers();
    expect((await referral(id)).remindedAt).toBeNull();

    t.setNow(new Date(start.getTime() + 3 * HOUR + 1000));
    await twoWorkers();
    await twoWorkers();
    expect((await referral(id)).remindedAt).not.toBeNull();
    expect((await referral(id)).escalatedAt).toBeNull();
    expect(await events(id, 'reminder')).toHaveLength(1);

    t.setNow(new Date(start.getTime() + 4 * HOUR + 1000));
    await twoWorkers();
    await twoWorkers();
    expect((await referral(id)).escalatedAt).not.toBeNull();
    expect(await events(id, 'escalation')).toHaveLength(1);
    const audit = await t.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', id).where('action', 'in', ['referral.reminded', 'referral.escalated']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['referral.escalated', 'referral.reminded']);

    // Reminder to the receiver's coordinator and case manager; escalation to both organisations' coordinators.
    const coordinators = await outboxTo([w.sender.coordinator.id, w.receiver.coordinator.id]);
    expect(coordinators.filter((e) => e.id === w.sender.coordinator.id)).toHaveLength(1);
    // NOTE: the receiver's coordinator hears of the new referral, the reminder and the escalation.
    expect(coordinators.filter((e) => e.id === w.receiver.coordinator.id)).toHaveLength(3);
    for (const email of await outboxTo([w.receiver.caseManager.id, w.receiver.coordinator.id, w.sender.coordinator.id])) {
      expect(['You have a new item in Pro Health', 'Aveți un element nou în Pro Health']).toContain(email.subject);
      expect(email.bodyText).not.toMatch(/referral|trimitere|R-[A-Z0-9]{4}|P-1|traffick/i);
    }
    const listed = await t.deps.db.selectFrom('referral').select('id').where('id', '=', id).where('escalatedAt', 'is not', null).execute();
    expect(listed).toHaveLength(1);
    t.setNow(new Date());
  });

  test('an answered referral is neither reminded nor escalated', async () => {
    const start = new Date();
    t.setNow(start);
    const { id } = await sendReferral(t, w, { urgency: 'urgent' });
    expect((await setStatus(t, w.receiver.caseManager, id, { to: 'accepted' })).statusCode).toBe(200);
    t.setNow(new Date(start.getTime() + 5 * HOUR));
    await twoWorkers();
    const row = await referral(id);
    expect(row).toMatchObject({ remindedAt: null, escalatedAt: null, status: 'accepted' });
    t.setNow(new Date());
  });

  test('a routine referral is due in 48 hours by default, or in the receiver’s own answer times', async () => {
    const routine = await sendReferral(t, w);
    const r = await referral(routine.id);
    expect(r.dueAt!.getTime() - r.sentAt!.getTime()).toBe(48 * HOUR);

    const get = await t.app.inject({ method: 'GET', url: '/api/referral-settings', headers: { cookie: w.receiver.admin.cookie } });
    expect(get.json()).toEqual({ routineHours: 48, urgentHours: 4, version: 0 });
    const put = await t.app.inject({ method: 'PUT', url: '/api/referral-settings', headers: { cookie: w.receiver.admin.cookie }, payload: { routineHours: 24, urgentHours: 2, version: 0 } });
    expect(put.json()).toEqual({ routineHours: 24, urgentHours: 2, version: 1 });
    const stale = await t.app.inject({ method: 'PUT', url: '/api/referral-settings', headers: { cookie: w.receiver.admin.cookie }, payload: { routineHours: 12, urgentHours: 2, version: 0 } });
    expect(stale.statusCode).toBe(409);
    const odd = await t.app.inject({ method: 'PUT', url: '/api/referral-settings', headers: { cookie: w.receiver.admin.cookie }, payload: { routineHours: 2, urgentHours: 12, version: 1 } });
    expect(odd.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/referral-settings', headers: { cookie: w.receiver.caseManager.cookie } })).statusCode).toBe(403);

    const urgent = await sendReferral(t, w, { urgency: 'urgent' });
    const u = await referral(urgent.id);
    expect(u.dueAt!.getTime() - u.sentAt!.getTime()).toBe(2 * HOUR);
  });

  test('overdue referrals come first in the receiver’s inbox and count on the home page', async () => {
    const start = new Date();
    const { id } = await sendReferral(t, w, { urgency: 'urgent' });
    t.setNow(new Date(start.getTime() + 10 * HOUR));
    // NOTE: the inbox is read with the database directly here: moving the clock ten hours ends the test sessions.
    const { listOrganisationReferrals } = await import('./referral.service.ts');
    const ctx = { db: t.deps.db, actor: { organisationId: w.receiver.organisationId } as never, now: t.deps.now(), log: undefined as never, ip: null, config: t.deps.config };
    const list = await listOrganisationReferrals(ctx, { box: 'incoming' });
    expect(list.referrals[0]!.overdue).toBe(true);
    expect(list.referrals.filter((r) => r.overdue).map((r) => r.id)).toContain(id);
    t.setNow(new Date());
  });
});
