// Follow-up tasks: who does what by when, in the category of what the task is about (general by default). The assignee
// must be on the team holding that category; marking done is a conditional update, so it happens once.
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { RECORD_CATEGORIES } from '#shared/cases/assistance.schema.ts';
import type { CaseCategory } from '#shared/cases/case-vocabulary.ts';
import type { CaseTask, TaskCreate, TaskKind, TaskList } from '#shared/cases/follow-up.schema.ts';
import { requireCase } from './case-access.ts';
import { auditListRead, dayText, readableOf, staleRecord, todayOf, touchCase, unprocessable } from './case-records.ts';
import { open, seal } from './vault.ts';

type Trx = Transaction<Database>;

function selectTasks(trx: Trx) {
  return trx
    .selectFrom('caseTask as t')
    .leftJoin('account as a', 'a.id', 't.assigneeAccountId')
    .leftJoin('account as d', 'd.id', 't.doneBy')
    .select(['t.id', 't.kind', 't.category', dayText('t.dueOn').as('dueOn'), 't.assigneeAccountId', 'a.displayName as assigneeName', 't.note', 't.doneAt', 'd.displayName as doneByName', 't.version']);
}
type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['execute']>>[number];

function present(ctx: Ctx, r: TaskRow): CaseTask {
  return { ...r, kind: r.kind as TaskKind, category: r.category as CaseCategory, note: open(ctx.config.encryptionKeys, r.note) };
}

/** Open tasks first, soonest due first; then the done ones. Only the categories the grant reads. */
export async function listTasks(ctx: Ctx, caseId: string): Promise<TaskList> {
  const grant = await requireCase(ctx, caseId, { kind: 'read', category: 'general' });
  const covered = readableOf(grant, RECORD_CATEGORIES);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await selectTasks(trx)
      .where('t.caseId', '=', caseId)
      .where('t.category', 'in', covered)
      .orderBy(sql`t.done_at is not null`)
      .orderBy('t.dueOn')
      .orderBy('t.createdAt')
      .limit(500)
      .execute();
    await auditListRead(ctx, trx, grant, 'tasks', covered, rows);
    return { tasks: rows.map((r) => present(ctx, r)), categories: covered };
  });
}

export async function createTask(ctx: Ctx, caseId: string, input: TaskCreate): Promise<CaseTask> {
  const grant = await requireCase(ctx, caseId, { kind: 'write', category: input.category });
  if (input.dueOn < todayOf(ctx.now)) throw unprocessable('dueOn', 'A new task cannot be due in the past.');
  return ctx.db.transaction().execute(async (trx) => {
    const assignee = await trx
      .selectFrom('caseMember')
      .select('accountId')
      .where('caseId', '=', caseId)
      .where('accountId', '=', input.assigneeAccountId)
      .where(sql<boolean>`grants @> jsonb_build_array(${input.category}::text)`)
      .executeTakeFirst();
    if (!assignee) throw unprocessable('assigneeAccountId', 'Choose a team member who holds this part of the case.');
    const created = await trx
      .insertInto('caseTask')
      .values({
        caseId,
        organisationId: grant.organisationId,
        category: input.category,
        kind: input.kind,
        note: seal(ctx.config.encryptionKeys, input.note),
        assigneeAccountId: input.assigneeAccountId,
        dueOn: input.dueOn,
        createdBy: actorOf(ctx).accountId,
        createdAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchCase(ctx, trx, caseId);
    await recordAudit(ctx, trx, { action: 'case.task_created', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { taskId: created.id, kind: input.kind, category: input.category, assigneeAccountId: input.assigneeAccountId } });
    return present(ctx, (await selectTasks(trx).where('t.id', '=', created.id).executeTakeFirst())!);
  });
}

/** Marks a task done once: a stale version, or a task someone already marked done, gets 409 with the task as it is. */
export async function markTaskDone(ctx: Ctx, caseId: string, taskId: string, version: number): Promise<CaseTask> {
  const known = await ctx.db.selectFrom('caseTask').select('category').where('caseId', '=', caseId).where('id', '=', taskId).executeTakeFirst();
  const grant = await requireCase(ctx, caseId, { kind: 'write', category: (known?.category ?? 'general') as CaseCategory });
  if (!known) throw new AppError('not_found', 'No such task.');
  const actor = actorOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('caseTask')
      .set({ doneAt: ctx.now, doneBy: actor.accountId, version: (eb) => eb('version', '+', 1) })
      .where('id', '=', taskId)
      .where('caseId', '=', caseId)
      .where('doneAt', 'is', null)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    const row = (await selectTasks(trx).where('t.id', '=', taskId).executeTakeFirst())!;
    if (!done) throw staleRecord(present(ctx, row));
    await touchCase(ctx, trx, caseId);
    await recordAudit(ctx, trx, { action: 'case.task_done', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { taskId, category: known.category } });
    return present(ctx, row);
  });
}
