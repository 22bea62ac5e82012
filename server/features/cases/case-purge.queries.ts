// Removing what retention or an erasure says must go, category by category, keeping the coded facts (type, state,
// date, outcome, levels) so indicators still count. Each function runs inside the caller's transaction and returns
// how many rows it removed or blanked, by table (camel case, as the app reads JSON back; the audit records numbers only).
import { sql, type Transaction } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import { CASE_CATEGORIES, type CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { DEFAULT_RETENTION_MONTHS } from '#shared/cases/case-protection.schema.ts';

type Trx = Transaction<Database>;
export type Counts = Record<string, number>;

const n = (r: { numDeletedRows?: bigint; numUpdatedRows?: bigint } | undefined) => Number(r?.numDeletedRows ?? r?.numUpdatedRows ?? 0n);

function add(into: Counts, table: string, count: number): void {
  if (count > 0) into[table] = (into[table] ?? 0) + count;
}

/** The identity vault of a case: its sealed fields and every blind-index digest (so it can no longer be matched). */
async function purgeIdentity(trx: Trx, caseId: string, counts: Counts): Promise<void> {
  add(counts, 'caseIdentity', n(await trx.deleteFrom('caseIdentity').where('caseId', '=', caseId).executeTakeFirst()));
  add(counts, 'caseIdentityIndex', n(await trx.deleteFrom('caseIdentityIndex').where('caseId', '=', caseId).executeTakeFirst()));
}

/** One category's free text and documents; assistance records and plans stay as codes and dates. */
export async function purgeCategory(trx: Trx, caseId: string, category: CaseCategory): Promise<Counts> {
  const counts: Counts = {};
  if (category === 'identity') await purgeIdentity(trx, caseId, counts);
  add(counts, 'caseAssistance', n(await trx.updateTable('caseAssistance').set({ note: null }).where('caseId', '=', caseId).where('category', '=', category).where('note', 'is not', null).executeTakeFirst()));
  add(counts, 'caseComment', n(await trx.deleteFrom('caseComment').where('caseId', '=', caseId).where('category', '=', category).executeTakeFirst()));
  add(counts, 'caseAttachment', n(await trx.deleteFrom('caseAttachment').where('caseId', '=', caseId).where('category', '=', category).executeTakeFirst()));
  const plans = trx.selectFrom('casePlan').select('id').where('caseId', '=', caseId).where('category', '=', category);
  add(counts, 'casePlanReview', n(await trx.updateTable('casePlanReview').set({ note: null }).where('planId', 'in', plans).where('note', 'is not', null).executeTakeFirst()));
  add(
    counts,
    'case_plan',
    n(
      await trx
        .updateTable('casePlan')
        .set({ objectives: null, actionPlan: null, goals: null })
        .where('caseId', '=', caseId)
        .where('category', '=', category)
        .where((eb) => eb.or([eb('objectives', 'is not', null), eb('actionPlan', 'is not', null), eb('goals', 'is not', null)]))
        .executeTakeFirst(),
    ),
  );
  add(counts, 'caseTask', n(await trx.updateTable('caseTask').set({ note: null }).where('caseId', '=', caseId).where('category', '=', category).where('note', 'is not', null).executeTakeFirst()));
  return counts;
}

/**
 * Anonymises the case: every category purged, then what belongs to the case as a whole — safe-contact instructions,
 * the closure note, risk notes, consent notes, approval notes, break-glass reasons — blanked or removed. The code,
 * status, dates and coded facts stay, so the case still counts in indicators and nobody can be found in it.
 */
export async function anonymise(trx: Trx, caseId: string, now: Date): Promise<Counts> {
  const counts: Counts = {};
  for (const category of CASE_CATEGORIES) for (const [table, c] of Object.entries(await purgeCategory(trx, caseId, category))) add(counts, table, c);
  add(counts, 'caseRiskAssessment', n(await trx.updateTable('caseRiskAssessment').set({ note: null }).where('caseId', '=', caseId).where('note', 'is not', null).executeTakeFirst()));
  add(counts, 'consent', n(await trx.updateTable('consent').set({ note: null }).where('caseId', '=', caseId).where('note', 'is not', null).executeTakeFirst()));
  add(counts, 'caseApproval', n(await trx.updateTable('caseApproval').set({ decisionNote: null, requestNote: null }).where('caseId', '=', caseId).where((eb) => eb.or([eb('decisionNote', 'is not', null), eb('requestNote', 'is not', null)])).executeTakeFirst()));
  // NOTE: a break-glass reason is sealed text that may name the person; the opening itself stays in the audit log.
  add(counts, 'caseBreakGlass', n(await trx.deleteFrom('caseBreakGlass').where('caseId', '=', caseId).executeTakeFirst()));
  await trx
    .updateTable('caseFile')
    .set({ safeContact: null, closureNote: null, legalHoldReason: null, anonymisedAt: now, purgedCategories: JSON.stringify(CASE_CATEGORIES), updatedAt: now, version: (eb) => eb('version', '+', 1) })
    .where('id', '=', caseId)
    .execute();
  return counts;
}

/** Adds categories to the case's purged list (kept sorted in CASE_CATEGORIES order) and bumps its version. */
export async function markPurged(trx: Trx, caseId: string, done: readonly CaseCategory[], already: readonly string[], now: Date): Promise<void> {
  const all = CASE_CATEGORIES.filter((c) => done.includes(c) || already.includes(c));
  await trx.updateTable('caseFile').set({ purgedCategories: JSON.stringify(all), updatedAt: now, version: (eb) => eb('version', '+', 1) }).where('id', '=', caseId).execute();
}

/** A result column per category (camel case: the CamelCasePlugin maps it to and from SQL). */
const dueAlias = (category: CaseCategory) => `due${category[0]!.toUpperCase()}${category.slice(1)}`;

/** "This category of the case is past its retention": closed long enough ago, by the organisation's months or ours. */
function pastRetention(category: CaseCategory, now: Date) {
  // NOTE: the settings API stores whole months (1–600); anything else in the column falls back to the default rather
  // than failing the whole purge on a cast.
  const months = sql`(case when (s.retention ->> ${category}) ~ '^[0-9]{1,3}$' then (s.retention ->> ${category})::int else ${DEFAULT_RETENTION_MONTHS[category]}::int end)`;
  return sql<boolean>`(c.closed_at + make_interval(months => ${months}) <= ${now} and not c.purged_categories @> ${JSON.stringify([category])}::jsonb)`;
}

/**
 * Closed cases, not anonymised and not under a legal hold, with at least one category past its retention and not
 * purged yet — and which categories. With `lockCaseId`, that one case only, locked FOR UPDATE (the purge re-checks
 * in its own transaction, so a hold set meanwhile wins).
 */
export async function dueForPurge(db: Db | Trx, now: Date, opts: { limit: number; lockCaseId?: string }) {
  let q = db
    .selectFrom('caseFile as c')
    .leftJoin('caseSetting as s', 's.organisationId', 'c.organisationId')
    .select(['c.id', 'c.organisationId', 'c.purgedCategories'])
    .select(CASE_CATEGORIES.map((category) => pastRetention(category, now).as(dueAlias(category))))
    .where('c.closedAt', 'is not', null)
    .where('c.status', 'in', ['Closed', 'ClosedReferred'])
    .where('c.anonymisedAt', 'is', null)
    .where('c.legalHold', '=', false)
    .where(sql<boolean>`(${sql.join(CASE_CATEGORIES.map((category) => pastRetention(category, now)), sql` or `)})`)
    .orderBy('c.closedAt')
    .limit(opts.limit);
  if (opts.lockCaseId) q = q.where('c.id', '=', opts.lockCaseId).forUpdate('c');
  const rows = await q.execute();
  return rows.map((r) => {
    const flags = r as unknown as Record<string, boolean>;
    return { id: r.id, organisationId: r.organisationId, purged: r.purgedCategories, due: CASE_CATEGORIES.filter((c) => flags[dueAlias(c)]) };
  });
}
