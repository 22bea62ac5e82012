// Reminders of follow-up tasks: a periodic job (queued once an hour by the worker's maintenance, payload empty) finds
// open tasks due today or overdue that were not reminded today, marks them reminded (a conditional update, so two
// runs never remind twice) and queues ONE neutral email per assignee through the outbox: "You have a new item in
// Pro Health" and a link to the signed-in home — no case code, no task kind, no note. "Today" is the UTC day.
import { sql, type Transaction } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { queueEmail } from '#server/features/email/email.service.ts';
import { enqueueJob, type JobHandler, type JobHandlers } from '#server/features/jobs/jobs.service.ts';
import { newItemEmail } from '#server/features/referrals/referral-email.ts';
import { dayValue, todayOf } from './case-records.ts';

export const CASE_TASK_REMINDERS_JOB = 'case_task_reminders';
const BATCH = 200;

/** Queues this hour's reminder sweep once (uniqueKey per UTC hour), however many instances ask. */
export async function scheduleTaskReminders(db: Db, handlers: JobHandlers, now: Date): Promise<void> {
  if (!handlers[CASE_TASK_REMINDERS_JOB]) return;
  await enqueueJob(db, { kind: CASE_TASK_REMINDERS_JOB, uniqueKey: `case-task-reminders:${now.toISOString().slice(0, 13)}`, runAt: now, maxAttempts: 3 });
}

/**
 * Marks up to BATCH due tasks reminded and returns them: open, due by today, not reminded since today began, on an
 * open case, whose assignee is still on the team holding the task's category.
 */
async function claimDueTasks(trx: Transaction<Database>, now: Date) {
  const today = todayOf(now);
  const due = trx
    .selectFrom('caseTask as t')
    .innerJoin('caseFile as c', 'c.id', 't.caseId')
    .innerJoin('caseMember as m', (j) => j.onRef('m.caseId', '=', 't.caseId').onRef('m.accountId', '=', 't.assigneeAccountId'))
    .select('t.id')
    .where('t.doneAt', 'is', null)
    .where('t.dueOn', '<=', dayValue(today))
    .where((eb) => eb.or([eb('t.remindedAt', 'is', null), eb('t.remindedAt', '<', new Date(`${today}T00:00:00Z`))]))
    .where('c.status', 'in', ['Active', 'FollowUp'])
    .where(sql<boolean>`m.grants @> jsonb_build_array(t.category)`)
    .orderBy('t.dueOn')
    .limit(BATCH)
    .forUpdate('t')
    .skipLocked();
  return trx
    .updateTable('caseTask')
    .set({ remindedAt: now })
    .where('id', 'in', due)
    .returning(['id', 'caseId', 'organisationId', 'assigneeAccountId'])
    .execute();
}

/** One sweep batch in one transaction: marks, audits (ids only) and queues the emails together. */
async function remindBatch(db: Db, now: Date, publicUrl: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const tasks = await claimDueTasks(trx, now);
    const system = { now, actor: null, ip: null };
    for (const task of tasks) {
      await recordAudit(system, trx, { action: 'case.task_reminded', entityType: 'case', entityId: task.caseId, organisationId: task.organisationId, actorAccountId: null, details: { taskId: task.id } });
    }
    const assignees = [...new Set(tasks.map((t) => t.assigneeAccountId).filter((id): id is string => id !== null))];
    if (assignees.length === 0) return tasks.length;
    const people = await trx.selectFrom('account').select(['id', 'email', 'language']).where('id', 'in', assignees).where('disabledAt', 'is', null).execute();
    for (const p of people) {
      const organisationId = tasks.find((t) => t.assigneeAccountId === p.id)?.organisationId ?? null;
      await queueEmail(trx, newItemEmail({ to: p.email, language: p.language, publicUrl, organisationId }));
    }
    return tasks.length;
  });
}

/** The case_task_reminders job: sweeps in batches until no due task is left unreminded today. */
export const caseTaskRemindersJob: JobHandler = async (_job, { deps, now }) => {
  while ((await remindBatch(deps.db, now, deps.config.publicUrl)) === BATCH) {
    // NOTE: another batch; each commits on its own, so a crash midway keeps what was sent and resumes the rest.
  }
};
