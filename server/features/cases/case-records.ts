// Small pieces every kind of case record shares (assistance, comments, plans, risk assessments, tasks): the categories
// a list may cover, its audit per category, the 422 with a field, the case's "last changed" mark, and days as text.
import { sql, type Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { CASE_CATEGORIES, type CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { auditRead } from './case-access.ts';
import type { CaseGrant } from './case.policy.ts';

export const unprocessable = (field: string, message: string) => new AppError('unprocessable', message, { fields: { [field]: message } });

/** The categories of `candidates` the grant reads, in the fixed order: what a list query may filter on. */
export function readableOf(grant: CaseGrant, candidates: readonly CaseCategory[] = CASE_CATEGORIES): CaseCategory[] {
  return CASE_CATEGORIES.filter((c) => candidates.includes(c) && grant.categories.has(c));
}

/** One audit row per category a list covered, with the part of the case and how many records it showed. */
export async function auditListRead(ctx: Ctx, trx: Transaction<Database>, grant: CaseGrant, part: string, covered: readonly CaseCategory[], shown: readonly { category: string }[]): Promise<void> {
  for (const category of covered) {
    await auditRead(ctx, trx, grant, category, { part, count: shown.filter((r) => r.category === category).length });
  }
}

/** Marks the case as changed now (the case list is ordered by it); the case's version is not touched. */
export async function touchCase(ctx: Ctx, trx: Transaction<Database>, caseId: string): Promise<void> {
  await trx.updateTable('caseFile').set({ updatedAt: ctx.now }).where('id', '=', caseId).execute();
}

/** A date column as 'YYYY-MM-DD' (no time zone can move it a day). */
export function dayText(column: string) {
  return sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
}

/** Today in UTC as 'YYYY-MM-DD': due dates and "in the future" are compared with it. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A stale save: 409 with the record as it is now, nothing written. */
export function staleRecord(current: unknown): AppError {
  return new AppError('conflict', 'Someone else saved this record in the meantime. Your changes were not saved: review the current version.', { current });
}

/** A 'YYYY-MM-DD' day as a SQL date, to compare with date columns. */
export function dayValue(day: string) {
  return sql<Date>`${day}::date`;
}
