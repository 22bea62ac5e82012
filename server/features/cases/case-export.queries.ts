// What an access-request export reads, table by table, limited in SQL to the categories the exporter may read.
// Sealed columns are opened here, in memory, for the exporter only; nothing is written back.
import { sql, type Transaction } from 'kysely';
import type { Database } from '#server/db/schema.ts';
import type { KeyringKey } from '#server/lib/crypto.ts';
import type { CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { open, openJson } from './vault.ts';

type Trx = Transaction<Database>;
const day = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export async function assistanceOf(trx: Trx, keys: readonly KeyringKey[], caseId: string, categories: CaseCategory[], opts = { withNotes: true }) {
  const rows = await trx
    .selectFrom('caseAssistance as a')
    .leftJoin('organisation as o', 'o.id', 'a.providerOrganisationId')
    .select(['a.id', 'a.type', 'a.category', 'a.state', 'o.name as providerOrganisation', 'a.providerRole', 'a.deliveryMode', 'a.interpreterUsed', 'a.interpreterLanguage', 'a.serviceCategory', 'a.outcome', 'a.note'])
    .select([day('a.occurredOn').as('occurredOn'), day('a.followUpDue').as('followUpDue')])
    .where('a.caseId', '=', caseId)
    .where('a.category', 'in', categories)
    .orderBy('a.occurredOn')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...r, note: opts.withNotes ? open(keys, r.note) : null }));
}

export async function commentsOf(trx: Trx, keys: readonly KeyringKey[], caseId: string, categories: CaseCategory[]) {
  const rows = await trx
    .selectFrom('caseComment as c')
    .leftJoin('account as u', 'u.id', 'c.createdBy')
    .select(['c.id', 'c.category', 'c.body', 'c.createdAt', 'u.displayName as author'])
    .where('c.caseId', '=', caseId)
    .where('c.category', 'in', categories)
    .orderBy('c.createdAt')
    .execute();
  return rows.map((r) => ({ ...r, body: open(keys, r.body) }));
}

export async function plansOf(trx: Trx, keys: readonly KeyringKey[], caseId: string, categories: CaseCategory[]) {
  const plans = await trx
    .selectFrom('casePlan as p')
    .select(['p.id', 'p.type', 'p.category', 'p.status', 'p.objectives', 'p.actionPlan', 'p.goals', 'p.approvedAt', 'p.createdAt'])
    .select([day('p.plannedEnd').as('plannedEnd'), day('p.actualEnd').as('actualEnd')])
    .where('p.caseId', '=', caseId)
    .where('p.category', 'in', categories)
    .orderBy('p.createdAt')
    .execute();
  const reviews = plans.length
    ? await trx
        .selectFrom('casePlanReview as r')
        .select(['r.planId', 'r.progress', 'r.note', day('r.reviewedOn').as('reviewedOn')])
        .where('r.planId', 'in', plans.map((p) => p.id))
        .orderBy('r.reviewedOn')
        .execute()
    : [];
  return plans.map((p) => ({
    ...p,
    objectives: open(keys, p.objectives),
    actionPlan: open(keys, p.actionPlan),
    goals: openJson<{ text: string; done: boolean }[]>(keys, p.goals, []),
    reviews: reviews.filter((r) => r.planId === p.id).map(({ planId: _p, ...r }) => ({ ...r, note: open(keys, r.note) })),
  }));
}

export async function riskAssessmentsOf(trx: Trx, keys: readonly KeyringKey[], caseId: string) {
  const rows = await trx
    .selectFrom('caseRiskAssessment')
    .select(['id', 'individual', 'household', 'community', 'note', day('assessedOn').as('assessedOn')])
    .where('caseId', '=', caseId)
    .orderBy('assessedOn')
    .execute();
  return rows.map((r) => ({ ...r, note: open(keys, r.note) }));
}

export async function tasksOf(trx: Trx, keys: readonly KeyringKey[], caseId: string, categories: CaseCategory[]) {
  const rows = await trx
    .selectFrom('caseTask')
    .select(['id', 'category', 'kind', 'note', 'doneAt', day('dueOn').as('dueOn')])
    .where('caseId', '=', caseId)
    .where('category', 'in', categories)
    .orderBy('dueOn')
    .execute();
  return rows.map((r) => ({ ...r, note: open(keys, r.note) }));
}

export async function consentsOf(trx: Trx, keys: readonly KeyringKey[], caseId: string) {
  const rows = await trx
    .selectFrom('consent as c')
    .leftJoin('organisation as o', 'o.id', 'c.receiverOrganisationId')
    .select(['c.id', 'c.scopes', 'c.decision', 'c.guidance', 'c.language', 'c.withInterpreter', 'c.recordedAt', 'c.expiresAt', 'c.withdrawnAt', 'c.supersedesId', 'c.note', 'o.name as receiverOrganisation'])
    .where('c.caseId', '=', caseId)
    .orderBy('c.recordedAt')
    .execute();
  return rows.map((r) => ({ ...r, note: open(keys, r.note) }));
}

/** Names, types and sizes of attachments; the bytes are downloaded one by one through the case's rules. */
export async function attachmentsOf(trx: Trx, keys: readonly KeyringKey[], caseId: string, categories: CaseCategory[]) {
  const rows = await trx
    .selectFrom('caseAttachment')
    .select(['id', 'category', 'mediaType', 'byteSize', 'fileName', 'createdAt'])
    .where('caseId', '=', caseId)
    .where('category', 'in', categories)
    .orderBy('createdAt')
    .execute();
  return rows.map((r) => ({ ...r, fileName: open(keys, r.fileName) }));
}

export async function referralsOf(trx: Trx, caseId: string) {
  return trx
    .selectFrom('referral as r')
    .leftJoin('organisation as s', 's.id', 'r.senderOrganisationId')
    .leftJoin('organisation as o', 'o.id', 'r.receiverOrganisationId')
    .select(['r.id', 'r.reference', 'r.status', 'r.sentAt', 'r.createdAt', 's.name as senderOrganisation', 'o.name as receiverOrganisation'])
    .where((eb) => eb.or([eb('r.caseId', '=', caseId), eb('r.id', '=', eb.selectFrom('caseFile').select('openedFromReferralId').where('id', '=', caseId))]))
    .orderBy('r.createdAt')
    .execute();
}
