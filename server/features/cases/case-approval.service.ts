// Approvals (issue 10): when the organisation asks for it, a closure or a support plan waits for a coordinator of the
// case's organisation. One pending approval per case and kind (a unique index); a decision is one conditional UPDATE
// (… where status = 'pending'), so two coordinators deciding at once cannot both win, and the decision's effect (the
// closure, the plan turning active) happens in the same transaction. The requester may withdraw; nobody approves
// their own request (the point of a second pair of eyes).
import { sql, type Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { CLOSED_STATUSES, type CaseStatus } from '#shared/cases/case-vocabulary.ts';
import type { ApprovalDecision, ApprovalList, ApprovalView } from '#shared/cases/case-workflow.schema.ts';
import { auditRefusal } from './case-access.ts';
import { mayApprove } from './case.policy.ts';
import { applyClosure, closureBlockers } from './case-status.service.ts';
import { open, seal } from './vault.ts';

interface ClosureRequest {
  to: CaseStatus;
  reason: string;
  /** The closure note, sealed: it waits with the request and becomes the case's note when approved. */
  sealedNote: string | null;
}

/** Files a closure for approval; the case stays as it is. A second request while one waits is a 422. */
export async function requestClosureApproval(ctx: Ctx, trx: Transaction<Database>, caseId: string, organisationId: string, request: ClosureRequest): Promise<void> {
  const created = await trx
    .insertInto('caseApproval')
    .values({ caseId, organisationId, kind: 'closure', request: JSON.stringify({ to: request.to, reason: request.reason }), requestNote: request.sealedNote, requestedBy: actorOf(ctx).accountId, requestedAt: ctx.now })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!created) throw new AppError('unprocessable', 'A closure of this case is already waiting for a coordinator’s approval.', { fields: { to: 'A closure is already waiting for approval.' } });
  await recordAudit(ctx, trx, { action: 'case.approval_requested', entityType: 'case', entityId: caseId, details: { approvalId: created.id, kind: 'closure', to: request.to, reason: request.reason } });
}

/** The approvals a case page shows: pending ones first, then the latest decisions. */
export async function approvalsOfCase(ctx: Ctx, trx: Transaction<Database>, caseId: string, accountId: string): Promise<ApprovalView[]> {
  const rows = await trx
    .selectFrom('caseApproval as ap')
    .leftJoin('account as rq', 'rq.id', 'ap.requestedBy')
    .leftJoin('account as dc', 'dc.id', 'ap.decidedBy')
    .select(['ap.id', 'ap.kind', 'ap.status', 'ap.planId', 'ap.request', 'ap.requestedBy', 'ap.requestedAt', 'ap.decidedAt', 'ap.decisionNote', 'rq.displayName as requestedByName', 'dc.displayName as decidedByName'])
    .where('ap.caseId', '=', caseId)
    .orderBy(sql`ap.status = 'pending'`, 'desc')
    .orderBy('ap.requestedAt', 'desc')
    .limit(10)
    .execute();
  return rows.map((r) => {
    const request = r.request as Partial<ClosureRequest>;
    return {
      id: r.id,
      kind: r.kind as ApprovalView['kind'],
      status: r.status as ApprovalView['status'],
      to: (request.to ?? null) as ApprovalView['to'],
      reason: (request.reason ?? null) as ApprovalView['reason'],
      planId: r.planId,
      requestedByName: r.requestedByName,
      requestedAt: r.requestedAt,
      mine: r.requestedBy === accountId,
      decidedByName: r.decidedByName,
      decidedAt: r.decidedAt,
      decisionNote: open(ctx.config.encryptionKeys, r.decisionNote),
    };
  });
}

/** Pending approvals of the coordinator's organisation: codes, kind, who asked and when; no category data. */
export async function listPendingApprovals(ctx: Ctx): Promise<ApprovalList> {
  const actor = actorOf(ctx);
  if (!actor.organisationId || !mayApprove(actor, actor.organisationId)) return { approvals: [] };
  const rows = await ctx.db
    .selectFrom('caseApproval as ap')
    .innerJoin('caseFile as c', 'c.id', 'ap.caseId')
    .leftJoin('account as rq', 'rq.id', 'ap.requestedBy')
    .select(['ap.id', 'ap.caseId', 'c.code', 'ap.kind', 'ap.request', 'ap.requestedBy', 'ap.requestedAt', 'rq.displayName as requestedByName'])
    .where('ap.organisationId', '=', actor.organisationId)
    .where('ap.status', '=', 'pending')
    .orderBy('ap.requestedAt')
    .limit(200)
    .execute();
  return {
    approvals: rows.map((r) => {
      const request = r.request as Partial<ClosureRequest>;
      return {
        id: r.id,
        caseId: r.caseId,
        code: r.code,
        kind: r.kind as ApprovalList['approvals'][number]['kind'],
        to: (request.to ?? null) as ApprovalList['approvals'][number]['to'],
        reason: (request.reason ?? null) as ApprovalList['approvals'][number]['reason'],
        requestedByName: r.requestedByName,
        requestedAt: r.requestedAt,
        mine: r.requestedBy === actor.accountId,
      };
    }),
  };
}

/** How many approvals wait for the actor (the home page's inbox line): coordinators only, not their own requests. */
export async function approvalsWaiting(db: Ctx['db'], actor: Ctx['actor'] & object): Promise<number> {
  if (!actor.organisationId || !mayApprove(actor, actor.organisationId)) return 0;
  const row = await db
    .selectFrom('caseApproval')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisationId', '=', actor.organisationId)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('requestedBy', 'is', null), eb('requestedBy', '<>', actor.accountId)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type Decision = 'approved' | 'rejected' | 'withdrawn';

/** The approval, if the actor's organisation holds it; anything else is the same 404 (audited). */
async function findApproval(ctx: Ctx, approvalId: string) {
  const actor = actorOf(ctx);
  const row = await ctx.db.selectFrom('caseApproval').select(['id', 'caseId', 'organisationId', 'kind', 'planId', 'request', 'requestNote', 'status', 'requestedBy']).where('id', '=', approvalId).executeTakeFirst();
  if (row && row.organisationId === actor.organisationId) return row;
  await auditRefusal(ctx, row?.caseId ?? approvalId, { kind: 'approve' });
  throw new AppError('not_found', 'No such approval.');
}

/** Marks the approval decided, only if it still waits: the one place a race is settled. */
async function settle(ctx: Ctx, trx: Transaction<Database>, approvalId: string, decision: Decision, note: string | undefined): Promise<boolean> {
  const done = await trx
    .updateTable('caseApproval')
    .set({ status: decision, decidedBy: actorOf(ctx).accountId, decidedAt: ctx.now, decisionNote: seal(ctx.config.encryptionKeys, note?.trim()) })
    .where('id', '=', approvalId)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  return Boolean(done);
}

const alreadyDecided = () => new AppError('conflict', 'This request has already been decided or withdrawn.');

/** What an approval does when granted: the closure is applied, or the plan becomes active. */
async function applyApproved(ctx: Ctx, trx: Transaction<Database>, a: Awaited<ReturnType<typeof findApproval>>): Promise<void> {
  if (a.kind === 'plan') {
    // NOTE: a closed case takes no new work (every write is refused on it): its plan does not start either.
    const state = await trx.selectFrom('caseFile').select('status').where('id', '=', a.caseId).forShare().executeTakeFirstOrThrow();
    if (CLOSED_STATUSES.includes(state.status as CaseStatus)) throw new AppError('unprocessable', 'This case is closed: reopen it before starting its support plan.');
    const plan = await trx
      .updateTable('casePlan')
      .set({ status: 'active', approvedBy: actorOf(ctx).accountId, approvedAt: ctx.now, updatedAt: ctx.now, version: (eb) => eb('version', '+', 1) })
      .where('id', '=', a.planId ?? '00000000-0000-0000-0000-000000000000')
      .where('status', '=', 'pending_approval')
      .returning('id')
      .executeTakeFirst();
    if (!plan) throw new AppError('unprocessable', 'This support plan no longer waits for approval.');
    return;
  }
  const request = a.request as Partial<ClosureRequest>;
  const row = await trx.selectFrom('caseFile').select(['id', 'ageBand', 'childProtection']).where('id', '=', a.caseId).forUpdate().executeTakeFirstOrThrow();
  // NOTE: the child-protection outcome may have been cleared since the request: the rule holds at the decision too.
  const blockers = (await closureBlockers(trx, row)).filter((b) => b !== 'closure_waiting_for_approval');
  if (blockers.length > 0) throw new AppError('unprocessable', 'This is a child’s case: the child-protection outcome must be recorded before it closes.');
  const closed = await applyClosure(ctx, trx, a.caseId, { to: request.to as CaseStatus, reason: String(request.reason), sealedNote: a.requestNote });
  if (!closed) throw new AppError('unprocessable', 'This case is already closed.');
}

/** A coordinator approves or rejects; the requester withdraws. */
export async function decideApproval(ctx: Ctx, approvalId: string, decision: Decision, input: ApprovalDecision): Promise<void> {
  const actor = actorOf(ctx);
  const a = await findApproval(ctx, approvalId);
  if (decision === 'withdrawn' && a.requestedBy !== actor.accountId) throw new AppError('unprocessable', 'Only the person who asked may withdraw this request.');
  if (decision !== 'withdrawn') {
    if (!mayApprove(actor, a.organisationId)) {
      await auditRefusal(ctx, a.caseId, { kind: 'approve' });
      throw new AppError('not_found', 'No such approval.');
    }
    if (a.requestedBy === actor.accountId) throw new AppError('unprocessable', 'Someone else must decide your own request.');
    if (decision === 'rejected' && !input.note?.trim()) throw new AppError('unprocessable', 'Say why you reject it.', { fields: { note: 'Say why you reject it.' } });
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await settle(ctx, trx, approvalId, decision, input.note))) throw alreadyDecided();
    if (decision === 'approved') await applyApproved(ctx, trx, a);
    if (decision !== 'approved' && a.kind === 'plan' && a.planId) {
      await trx.updateTable('casePlan').set({ status: 'draft', updatedAt: ctx.now, version: (eb) => eb('version', '+', 1) }).where('id', '=', a.planId).where('status', '=', 'pending_approval').execute();
    }
    await recordAudit(ctx, trx, { action: 'case.approval_decided', entityType: 'case', entityId: a.caseId, organisationId: a.organisationId, details: { approvalId, kind: a.kind, decision } });
  });
}
