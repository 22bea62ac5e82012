// Follow-up tasks: the assignee holds the task's category on the team, done happens once (409 for the second), the
// reminder job (with a moved clock) writes one neutral email per assignee and job payloads of ids only, never twice
// a day; "my work today" lists only what its reader may still open.
import { describe, expect, test } from 'vitest';
import { runDueJobs } from '#server/features/jobs/jobs.worker.ts';
import { SEND_EMAIL_JOB, sendEmailJob } from '#server/features/email/email.service.ts';
import type { TestApp } from '#tests/test-app.ts';
import { CASE_TASK_REMINDERS_JOB, caseTaskRemindersJob, scheduleTaskReminders } from './case-task-reminder.ts';
import { addToTeam, call, openCase, useCaseWorld, type CaseWorld } from './cases.fixtures.ts';

let t: TestApp;
let w: CaseWorld;
useCaseWorld((app, world) => {
  [t, w] = [app, world];
});

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const today = () => dayOf(new Date());

async function task(caseId: string, assigneeAccountId: string, body: Record<string, unknown> = {}) {
  const res = await call(t, w.ngo.owner, 'POST', `/api/cases/${caseId}/tasks`, { kind: 'follow_up_contact', dueOn: today(), assigneeAccountId, note: 'Task-note-8820', ...body });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number };
}

async function emailOf(id: string) {
  return (await t.deps.db.selectFrom('account').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;
}

describe('follow-up tasks', () => {
  test('go to a team member holding the task’s category; done once, the second gets 409 with the task', async () => {
    const c = await openCase(t, w.ngo.owner);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['psychological']);
    const refused = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/tasks`, { kind: 'document', category: 'health', dueOn: today(), assigneeAccountId: w.ngo.psychologist.id });
    expect(refused.json().fields.assigneeAccountId).toBeTruthy();
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/tasks`, { kind: 'other', dueOn: today(), assigneeAccountId: w.ngo.coordinator.id })).statusCode).toBe(422);
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/tasks`, { kind: 'other', dueOn: '2020-01-01', assigneeAccountId: w.ngo.psychologist.id })).statusCode).toBe(422);
    const k = await task(c.id, w.ngo.psychologist.id);
    const url = `/api/cases/${c.id}/tasks/${k.id}/done`;
    const both = await Promise.all([call(t, w.ngo.psychologist, 'POST', url, { version: k.version }), call(t, w.ngo.owner, 'POST', url, { version: k.version })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().current).toMatchObject({ doneAt: expect.any(String), version: k.version + 1 });
    const stored = await t.deps.db.selectFrom('caseTask').select('note').where('id', '=', k.id).executeTakeFirstOrThrow();
    expect(stored.note).not.toContain('Task-note');
  });

  test('a health task is hidden from a psychologist on the team, and its done is a 404 for them', async () => {
    const c = await openCase(t, w.ngo.owner);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['psychological']);
    const k = await task(c.id, w.ngo.owner.id, { category: 'health', kind: 'document' });
    const seen = (await call(t, w.ngo.psychologist, 'GET', `/api/cases/${c.id}/tasks`)).json();
    expect(seen.tasks).toEqual([]);
    expect((await call(t, w.ngo.psychologist, 'POST', `/api/cases/${c.id}/tasks/${k.id}/done`, { version: 1 })).statusCode).toBe(404);
  });
});

describe('reminders', () => {
  test('one neutral email per assignee for tasks due or overdue, ids-only payloads, not twice on the same day', async () => {
    const c = await openCase(t, w.ngo.owner);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.clinician, ['health']);
    await task(c.id, w.ngo.clinician.id, { category: 'health', kind: 'review_plan' });
    await task(c.id, w.ngo.clinician.id, { dueOn: dayOf(new Date(Date.now() + DAY)) });
    const to = await emailOf(w.ngo.clinician.id);
    const handlers = { [CASE_TASK_REMINDERS_JOB]: caseTaskRemindersJob, [SEND_EMAIL_JOB]: sendEmailJob };
    const sweep = async (at: Date) => {
      t.setNow(at);
      await scheduleTaskReminders(t.deps.db, handlers, at);
      await runDueJobs(t.deps, handlers);
      return t.deps.db.selectFrom('outboxEmail').select(['subject', 'bodyText']).where('toAddress', '=', to).execute();
    };
    try {
      const morning = new Date(`${today()}T08:00:00Z`);
      expect(await sweep(morning)).toHaveLength(1);
      expect(await sweep(new Date(morning.getTime() + 3 * 3_600_000))).toHaveLength(1); // the same day: nothing new
      const emails = await sweep(new Date(morning.getTime() + 2 * DAY)); // both tasks overdue now: still one email
      expect(emails).toHaveLength(2);
      for (const e of emails) {
        expect(e.subject).toBe('You have a new item in Pro Health');
        expect(e.bodyText).not.toMatch(new RegExp(`${c.code}|Task-note|review|follow`, 'i'));
      }
      const payloads = await t.deps.db.selectFrom('job').select(['kind', 'payload']).where('kind', 'in', [CASE_TASK_REMINDERS_JOB, SEND_EMAIL_JOB]).execute();
      for (const p of payloads) expect(Object.keys(p.payload as object).every((key) => key === 'emailId')).toBe(true);
      const audited = await t.deps.db.selectFrom('auditEvent').select('details').where('action', '=', 'case.task_reminded').where('entityId', '=', c.id).execute();
      expect(audited).toHaveLength(3);
    } finally {
      t.setNow(new Date());
    }
  });

  test('skip a task whose assignee left the team', async () => {
    const c = await openCase(t, w.ngo.owner);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.colleague, ['general']);
    await task(c.id, w.ngo.colleague.id);
    await call(t, w.ngo.owner, 'DELETE', `/api/cases/${c.id}/members/${w.ngo.colleague.id}`);
    const handlers = { [CASE_TASK_REMINDERS_JOB]: caseTaskRemindersJob };
    await scheduleTaskReminders(t.deps.db, handlers, new Date(Date.now() + 3 * DAY));
    t.setNow(new Date(Date.now() + 3 * DAY));
    try {
      await runDueJobs(t.deps, handlers);
    } finally {
      t.setNow(new Date());
    }
    const left = await t.deps.db.selectFrom('caseTask').select('remindedAt').where('caseId', '=', c.id).executeTakeFirstOrThrow();
    expect(left.remindedAt).toBeNull();
  });
});

describe('my work today', () => {
  test('lists my open tasks due and follow-ups due on cases I can still open, codes and dates only', async () => {
    const mine = await openCase(t, w.ngo.owner);
    const gone = await openCase(t, w.ngo.owner);
    for (const c of [mine, gone]) await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['psychological']);
    await task(mine.id, w.ngo.psychologist.id);
    await task(gone.id, w.ngo.psychologist.id);
    await task(mine.id, w.ngo.psychologist.id, { dueOn: dayOf(new Date(Date.now() + 5 * DAY)) });
    await t.deps.db.insertInto('caseTask').values({ caseId: mine.id, organisationId: w.ngo.organisationId, kind: 'risk_assessment', assigneeAccountId: w.ngo.psychologist.id, dueOn: '2026-01-02' }).execute();
    await t.deps.db
      .insertInto('caseAssistance')
      .values({ caseId: mine.id, organisationId: w.ngo.organisationId, type: 'psychological', category: 'psychological', state: 'offered', occurredOn: today(), followUpDue: today(), sharedWith: '[]', createdBy: w.ngo.psychologist.id })
      .execute();
    await call(t, w.ngo.owner, 'DELETE', `/api/cases/${gone.id}/members/${w.ngo.psychologist.id}`);

    const res = await call(t, w.ngo.psychologist, 'GET', '/api/cases/my-work');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { kind: string; caseId: string; caseCode: string }[];
    expect(items.every((i) => i.caseId === mine.id && i.caseCode === mine.code)).toBe(true);
    expect(items.map((i) => i.kind).sort()).toEqual(['follow_up', 'task', 'task']);
    expect(res.body).not.toContain('Task-note');
    const inbox = (await call(t, w.ngo.psychologist, 'GET', '/api/inbox')).json();
    expect(inbox.items).toContainEqual({ kind: 'case_work_today', count: 3, href: '/#my-work' });
    expect((await call(t, w.ngo.trainer, 'GET', '/api/cases/my-work')).statusCode).toBe(403);
  });
});
