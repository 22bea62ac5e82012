// Support-plan rows and their reviews, filtered in SQL by the categories the reader holds.
import type { Transaction } from 'kysely';
import type { Database } from '#server/db/schema.ts';
import type { CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { dayText } from './case-records.ts';

type Trx = Transaction<Database>;

function selectPlans(trx: Trx) {
  return trx
    .selectFrom('casePlan as p')
    .select([
      'p.id',
      'p.caseId',
      'p.type',
      'p.category',
      'p.status',
      'p.goals',
      'p.objectives',
      'p.actionPlan',
      dayText('p.plannedEnd').as('plannedEnd'),
      dayText('p.actualEnd').as('actualEnd'),
      'p.approvedAt',
      'p.updatedAt',
      'p.version',
    ]);
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export async function listPlanRows(trx: Trx, caseId: string, categories: readonly CaseCategory[]) {
  if (categories.length === 0) return [];
  return selectPlans(trx).where('p.caseId', '=', caseId).where('p.category', 'in', [...categories]).orderBy('p.createdAt', 'desc').limit(200).execute();
}

export async function findPlan(trx: Trx, caseId: string, planId: string) {
  return selectPlans(trx).where('p.caseId', '=', caseId).where('p.id', '=', planId).executeTakeFirst();
}

/** The reviews of the given plans, oldest first (progress over time). */
export async function listReviewRows(trx: Trx, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  return trx
    .selectFrom('casePlanReview as r')
    .leftJoin('account as a', 'a.id', 'r.createdBy')
    .select(['r.id', 'r.planId', dayText('r.reviewedOn').as('reviewedOn'), 'r.progress', 'r.note', 'a.displayName as createdByName'])
    .where('r.planId', 'in', [...planIds])
    .orderBy('r.reviewedOn')
    .orderBy('r.createdAt')
    .execute();
}

/** Whether the organisation asks for a coordinator's approval before a support plan starts. */
export async function planNeedsApproval(trx: Trx, organisationId: string): Promise<boolean> {
  const row = await trx.selectFrom('caseSetting').select('planNeedsApproval').where('organisationId', '=', organisationId).executeTakeFirst();
  return row?.planNeedsApproval ?? false;
}
