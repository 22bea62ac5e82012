// The case's status (HTCDS cas_Status): Active ⇄ FollowUp, closing to Closed or ClosedReferred with a reason code and
// an optional sealed note, reopening. A move that contradicts the status, or a child's case without the child-
// protection outcome, is a 422 with the reason; a stale version a 409 with the case's workflow as it is now. When the
// organisation asks for it, closing only files a request for a coordinator's approval (case-approval.service.ts).
import type { Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { CLOSED_STATUSES, needsChildPath, type CaseAgeBand, type CaseStatus } from '#shared/cases/case-vocabulary.ts';
import type { ChildProtection } from '#shared/cases/case.schema.ts';
import type { CaseStatusChange, CaseWorkflow, ClosureBlocker } from '#shared/cases/case-workflow.schema.ts';
import { auditRead, requireCase } from './case-access.ts';
import { approvalsOfCase, requestClosureApproval } from './case-approval.service.ts';
import { breakGlassOfCase } from './break-glass.service.ts';
import { findCaseSettings } from './case-setting.service.ts';
import { mayOnCase, type CaseGrant } from './case.policy.ts';
import { open, seal } from './vault.ts';

const isClosed = (s: string) => CLOSED_STATUSES.includes(s as CaseStatus);
const refuse = (message: string, field = 'to') => new AppError('unprocessable', message, { fields: { [field]: message } });

interface StatusRow {
  id: string;
  organisationId: string;
  status: string;
  version: number;
  ageBand: string;
  childProtection: unknown;
  closureReason: string | null;
  closureNote: string | null;
  closedAt: Date | null;
  anonymisedAt: Date | null;
}

async function findStatusRow(trx: Transaction<Database>, caseId: string, lock = false): Promise<StatusRow> {
  let q = trx
    .selectFrom('caseFile')
    .select(['id', 'organisationId', 'status', 'version', 'ageBand', 'childProtection', 'closureReason', 'closureNote', 'closedAt', 'anonymisedAt'])
    .where('id', '=', caseId);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such case.');
  return row;
}

/** What stops the case from closing now (the child path's outcome; a closure already waiting for approval). */
export async function closureBlockers(trx: Transaction<Database>, row: Pick<StatusRow, 'id' | 'ageBand' | 'childProtection'>): Promise<ClosureBlocker[]> {
  const blockers: ClosureBlocker[] = [];
  const outcome = (row.childProtection as ChildProtection | null)?.outcome ?? null;
  // NOTE: domain.md §7.2: a child's case does not close before child protection has answered.
  if (needsChildPath(row.ageBand as CaseAgeBand) && (outcome === null || outcome === 'pending')) blockers.push('child_protection_outcome_missing');
  const pending = await trx.selectFrom('caseApproval').select('id').where('caseId', '=', row.id).where('kind', '=', 'closure').where('status', '=', 'pending').executeTakeFirst();
  if (pending) blockers.push('closure_waiting_for_approval');
  return blockers;
}

const BLOCKER_REASON: Record<ClosureBlocker, string> = {
  child_protection_outcome_missing: 'This is a child’s case: record the child-protection outcome before closing it.',
  closure_waiting_for_approval: 'A closure of this case is already waiting for a coordinator’s approval.',
};

/** The move is one the status allows, or a 422 that says why not. */
function checkMove(from: string, input: CaseStatusChange): void {
  if (from === input.to) throw refuse(`The case is already ${isClosed(from) ? 'closed' : input.to === 'FollowUp' ? 'in follow-up' : 'active'}.`);
  if (isClosed(from) && isClosed(input.to)) throw refuse('The case is already closed. Reopen it first.');
  if (isClosed(input.to) && !input.reason) throw refuse('Choose why the case closes.', 'reason');
  if (!isClosed(input.to) && (input.reason || input.note)) throw refuse('A reason and a note belong to a closure only.', input.reason ? 'reason' : 'note');
}

/** Applies a closure (directly, or when its approval is granted): conditional on the case still being open. */
export async function applyClosure(ctx: Ctx, trx: Transaction<Database>, caseId: string, c: { to: CaseStatus; reason: string; sealedNote: string | null; from?: string }): Promise<boolean> {
  const done = await trx
    .updateTable('caseFile')
    .set({ status: c.to, closureReason: c.reason, closureNote: c.sealedNote, closedAt: ctx.now, updatedAt: ctx.now, version: (eb) => eb('version', '+', 1) })
    .where('id', '=', caseId)
    .where('status', 'in', ['Active', 'FollowUp'])
    .returning('status')
    .executeTakeFirst();
  if (done) await recordAudit(ctx, trx, { action: 'case.status_changed', entityType: 'case', entityId: caseId, details: { to: c.to, reason: c.reason } });
  return Boolean(done);
}

/** Moves the case's status, or files a closure for approval when the organisation asks for one. */
export async function changeStatus(ctx: Ctx, caseId: string, input: CaseStatusChange): Promise<CaseWorkflow> {
  const grant = await requireCase(ctx, caseId, { kind: 'change_status' });
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findStatusRow(trx, caseId, true);
    if (row.version !== input.version) {
      throw new AppError('conflict', 'Someone else changed this case in the meantime. Nothing was changed: review it and try again.', { current: await presentWorkflow(ctx, trx, grant) });
    }
    checkMove(row.status, input);
    const sealedNote = seal(ctx.config.encryptionKeys, input.note?.trim());
    if (isClosed(input.to)) {
      const blockers = await closureBlockers(trx, row);
      if (blockers.length > 0) throw refuse(BLOCKER_REASON[blockers[0]!]);
      const settings = await findCaseSettings(trx, row.organisationId);
      if (settings.closureNeedsApproval) return requestClosureApproval(ctx, trx, caseId, row.organisationId, { to: input.to, reason: input.reason!, sealedNote });
      await applyClosure(ctx, trx, caseId, { to: input.to, reason: input.reason!, sealedNote });
      return;
    }
    // NOTE: an anonymised case is closed for good: what was written after reopening could never be purged nor erased.
    if (row.anonymisedAt) throw refuse('This case has been anonymised: open a new case for the person instead.');
    // NOTE: reopening clears the closure, so a case never looks closed and open at once; the audit keeps the history.
    // The categories purged so far are forgotten too: what is written from now on must be purged after the next
    // closure (purging an already purged category again removes only what is new).
    await trx
      .updateTable('caseFile')
      .set({ status: input.to, closureReason: null, closureNote: null, closedAt: null, purgedCategories: JSON.stringify([]), updatedAt: ctx.now, version: (eb) => eb('version', '+', 1) })
      .where('id', '=', caseId)
      .execute();
    await recordAudit(ctx, trx, { action: isClosed(row.status) ? 'case.reopened' : 'case.status_changed', entityType: 'case', entityId: caseId, details: { from: row.status, to: input.to } });
  });
  return getWorkflow(ctx, caseId);
}

async function presentWorkflow(ctx: Ctx, trx: Transaction<Database>, grant: CaseGrant): Promise<CaseWorkflow> {
  const row = await findStatusRow(trx, grant.caseId);
  const settings = await findCaseSettings(trx, row.organisationId);
  const actor = actorOf(ctx);
  return {
    caseId: row.id,
    status: row.status as CaseStatus,
    version: row.version,
    closureReason: row.closureReason as CaseWorkflow['closureReason'],
    closureNote: open(ctx.config.encryptionKeys, row.closureNote),
    closedAt: row.closedAt,
    closureBlockers: isClosed(row.status) ? [] : await closureBlockers(trx, row),
    closureNeedsApproval: settings.closureNeedsApproval,
    canChangeStatus: mayOnCase({ ...grant, status: row.status as CaseStatus }, { kind: 'change_status' }),
    approvals: await approvalsOfCase(ctx, trx, row.id, actor.accountId),
    breakGlass: await breakGlassOfCase(ctx, trx, row.id, actor.accountId),
  };
}

/** The case's status, what blocks its closure, its approvals and break-glass openings: general category, audited. */
export async function getWorkflow(ctx: Ctx, caseId: string): Promise<CaseWorkflow> {
  const grant = await requireCase(ctx, caseId, { kind: 'read', category: 'general' });
  return ctx.db.transaction().execute(async (trx) => {
    await auditRead(ctx, trx, grant, 'general', { part: 'workflow' });
    return presentWorkflow(ctx, trx, grant);
  });
}
