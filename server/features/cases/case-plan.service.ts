// Support plans (HTCDS spl_): goals, objectives and an action plan, all sealed; a plan is drafted, started (or sent for
// a coordinator's approval when the organisation asks for it), then completed or discontinued, and reviewed meanwhile.
// Each plan is in the category of its type (planCategoryOf): only readers of that category see it.
import type { Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { planCategoryOf, type PlanCreate, type PlanList, type PlanReview, type PlanReviewCreate, type PlanStatus, type PlanStatusChange, type PlanUpdate, type SupportPlan } from '#shared/cases/follow-up.schema.ts';
import { auditRead, requireCase } from './case-access.ts';
import { findPlan, listPlanRows, listReviewRows, planNeedsApproval, type PlanRow } from './case-plan.queries.ts';
import type { CaseGrant } from './case.policy.ts';
import { auditListRead, readableOf, staleRecord, todayOf, touchCase, unprocessable } from './case-records.ts';
import { open, openJson, seal, sealJson } from './vault.ts';

type Trx = Transaction<Database>;
type Goal = SupportPlan['goals'][number];

/** The steps a team member may take from each status (approval is decided by a coordinator, elsewhere). */
const NEXT: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['active', 'discontinued'],
  pending_approval: ['discontinued'],
  active: ['completed', 'discontinued'],
  completed: [],
  discontinued: [],
};
const EDITABLE: readonly PlanStatus[] = ['draft', 'active'];

async function present(ctx: Ctx, trx: Trx, rows: PlanRow[]): Promise<SupportPlan[]> {
  const keys = ctx.config.encryptionKeys;
  const reviews = await listReviewRows(trx, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    type: r.type as SupportPlan['type'],
    category: r.category as CaseCategory,
    status: r.status as PlanStatus,
    goals: openJson<Goal[]>(keys, r.goals, []),
    objectives: open(keys, r.objectives),
    actionPlan: open(keys, r.actionPlan),
    plannedEnd: r.plannedEnd,
    actualEnd: r.actualEnd,
    approvedAt: r.approvedAt,
    reviews: reviews.filter((v) => v.planId === r.id).map((v) => ({ id: v.id, reviewedOn: v.reviewedOn, progress: v.progress as PlanReview['progress'], note: open(keys, v.note), createdByName: v.createdByName })),
    updatedAt: r.updatedAt,
    version: r.version,
  }));
}

export async function listPlans(ctx: Ctx, caseId: string): Promise<PlanList> {
  const grant = await requireCase(ctx, caseId, { kind: 'read', category: 'general' });
  const covered = readableOf(grant, ['health', 'legal', 'psychological', 'social']);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listPlanRows(trx, caseId, covered);
    await auditListRead(ctx, trx, grant, 'plans', covered, rows);
    return { plans: await present(ctx, trx, rows), categories: covered };
  });
}

/** The grant on one plan, by the plan's own category; a plan the actor may not see is a 404 like any other. */
async function requirePlan(ctx: Ctx, caseId: string, planId: string, kind: 'read' | 'write'): Promise<{ grant: CaseGrant; category: CaseCategory }> {
  const known = await ctx.db.selectFrom('casePlan').select('category').where('caseId', '=', caseId).where('id', '=', planId).executeTakeFirst();
  const category = (known?.category ?? 'general') as CaseCategory;
  const grant = await requireCase(ctx, caseId, { kind, category });
  if (!known) throw new AppError('not_found', 'No such plan.');
  return { grant, category };
}

async function presentOne(ctx: Ctx, trx: Trx, caseId: string, planId: string): Promise<SupportPlan> {
  return (await present(ctx, trx, [(await findPlan(trx, caseId, planId))!]))[0]!;
}

export async function createPlan(ctx: Ctx, caseId: string, input: PlanCreate): Promise<SupportPlan> {
  const category = planCategoryOf(input.type);
  const grant = await requireCase(ctx, caseId, { kind: 'write', category });
  const keys = ctx.config.encryptionKeys;
  return ctx.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('casePlan')
      .values({
        caseId,
        type: input.type,
        category,
        goals: sealJson(keys, input.goals),
        objectives: seal(keys, input.objectives),
        actionPlan: seal(keys, input.actionPlan),
        plannedEnd: input.plannedEnd,
        createdBy: actorOf(ctx).accountId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchCase(ctx, trx, caseId);
    await recordAudit(ctx, trx, { action: 'case.plan_created', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { planId: created.id, type: input.type, category } });
    return presentOne(ctx, trx, caseId, created.id);
  });
}

/** Locks the plan and checks the version the client read: 409 with the current plan when someone saved first. */
async function lockCurrent(ctx: Ctx, trx: Trx, caseId: string, planId: string, version: number): Promise<PlanRow> {
  const locked = await trx.selectFrom('casePlan').select('id').where('id', '=', planId).where('caseId', '=', caseId).forUpdate().executeTakeFirst();
  const current = locked && (await findPlan(trx, caseId, planId));
  if (!current) throw new AppError('not_found', 'No such plan.');
  if (current.version !== version) throw staleRecord((await present(ctx, trx, [current]))[0]);
  return current;
}

export async function updatePlan(ctx: Ctx, caseId: string, planId: string, input: PlanUpdate): Promise<SupportPlan> {
  const { grant } = await requirePlan(ctx, caseId, planId, 'write');
  const keys = ctx.config.encryptionKeys;
  const { version, ...fields } = input;
  return ctx.db.transaction().execute(async (trx) => {
    const current = await lockCurrent(ctx, trx, caseId, planId, version);
    if (!EDITABLE.includes(current.status as PlanStatus)) throw unprocessable('status', 'Only a draft or an active plan can be changed.');
    const values: Record<string, unknown> = {};
    if (fields.goals !== undefined) values.goals = sealJson(keys, fields.goals);
    if (fields.objectives !== undefined) values.objectives = seal(keys, fields.objectives);
    if (fields.actionPlan !== undefined) values.actionPlan = seal(keys, fields.actionPlan);
    if (fields.plannedEnd !== undefined) values.plannedEnd = fields.plannedEnd;
    await trx.updateTable('casePlan').set({ ...values, updatedAt: ctx.now, version: version + 1 }).where('id', '=', planId).execute();
    await touchCase(ctx, trx, caseId);
    await recordAudit(ctx, trx, { action: 'case.plan_updated', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { planId, fields: Object.keys(values) } });
    return presentOne(ctx, trx, caseId, planId);
  });
}

/**
 * Starts, completes or discontinues a plan. Starting one where the organisation asks for approval sends it for a
 * coordinator's decision instead (a pending case_approval of kind 'plan'); discontinuing it withdraws that request.
 */
export async function changePlanStatus(ctx: Ctx, caseId: string, planId: string, input: PlanStatusChange): Promise<SupportPlan> {
  const { grant } = await requirePlan(ctx, caseId, planId, 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await lockCurrent(ctx, trx, caseId, planId, input.version);
    const from = current.status as PlanStatus;
    if (!NEXT[from].includes(input.status)) throw unprocessable('status', `A plan that is ${from.replace('_', ' ')} cannot become ${input.status}.`);
    let to: PlanStatus = input.status;
    if (to === 'active' && (await planNeedsApproval(trx, grant.organisationId))) {
      to = 'pending_approval';
      await trx
        .insertInto('caseApproval')
        .values({ caseId, organisationId: grant.organisationId, kind: 'plan', planId, request: JSON.stringify({ status: 'active' }), requestedBy: actorOf(ctx).accountId, requestedAt: ctx.now })
        .execute();
    }
    if (from === 'pending_approval') {
      await trx.updateTable('caseApproval').set({ status: 'withdrawn', decidedAt: ctx.now }).where('planId', '=', planId).where('status', '=', 'pending').execute();
    }
    const ends = to === 'completed' || to === 'discontinued';
    const actualEnd = ends ? (input.actualEnd ?? todayOf(ctx.now)) : null;
    if (actualEnd && actualEnd > todayOf(ctx.now)) throw unprocessable('actualEnd', 'A plan cannot end in the future.');
    await trx.updateTable('casePlan').set({ status: to, actualEnd, updatedAt: ctx.now, version: input.version + 1 }).where('id', '=', planId).execute();
    await touchCase(ctx, trx, caseId);
    await recordAudit(ctx, trx, { action: 'case.plan_status_changed', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { planId, from, to } });
    return presentOne(ctx, trx, caseId, planId);
  });
}

export async function listReviews(ctx: Ctx, caseId: string, planId: string): Promise<PlanReview[]> {
  const { grant, category } = await requirePlan(ctx, caseId, planId, 'read');
  return ctx.db.transaction().execute(async (trx) => {
    await auditRead(ctx, trx, grant, category, { part: 'plan_reviews', planId });
    return (await presentOne(ctx, trx, caseId, planId)).reviews;
  });
}

/** Records a review of an active plan (progress over time: its reviews are listed oldest first). */
export async function reviewPlan(ctx: Ctx, caseId: string, planId: string, input: PlanReviewCreate): Promise<PlanReview> {
  const { grant } = await requirePlan(ctx, caseId, planId, 'write');
  if (input.reviewedOn > todayOf(ctx.now)) throw unprocessable('reviewedOn', 'A review cannot be dated in the future.');
  return ctx.db.transaction().execute(async (trx) => {
    const plan = await trx.selectFrom('casePlan').select('status').where('id', '=', planId).forShare().executeTakeFirstOrThrow();
    if (plan.status !== 'active') throw unprocessable('status', 'Only an active plan is reviewed. Start the plan first.');
    const created = await trx
      .insertInto('casePlanReview')
      .values({ planId, reviewedOn: input.reviewedOn, progress: input.progress, note: seal(ctx.config.encryptionKeys, input.note), createdBy: actorOf(ctx).accountId, createdAt: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchCase(ctx, trx, caseId);
    await recordAudit(ctx, trx, { action: 'case.plan_reviewed', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { planId, reviewId: created.id, progress: input.progress } });
    return (await presentOne(ctx, trx, caseId, planId)).reviews.find((r) => r.id === created.id)!;
  });
}
