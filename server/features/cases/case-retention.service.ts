// Retention and erasure of case files: the daily purge removes each category of a closed case once it is past its
// retention (case_setting.retention, else DEFAULT_RETENTION_MONTHS) and anonymises the case when every category is;
// a legal hold stops all of it; an erasure on the person's request does it now. Every purge and erasure is audited
// with counts only. The clock is deps.now(), so tests move time instead of waiting years.
import { actorOf, type Ctx } from '#server/context.ts';
import type { Db } from '#server/db/db.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit, systemCtx } from '#server/features/audit/audit.service.ts';
import { enqueueJob, type JobHandler, type JobHandlers } from '#server/features/jobs/jobs.service.ts';
import type { ErasureRequest, ErasureResult, LegalHoldChange, LegalHoldView } from '#shared/cases/case-protection.schema.ts';
import { CASE_CATEGORIES, CLOSED_STATUSES, type CaseCategory, type CaseStatus } from '#shared/cases/case-vocabulary.ts';
import { requireCase } from './case-access.ts';
import { anonymise, dueForPurge, markPurged, purgeCategory, type Counts } from './case-purge.queries.ts';
import { seal } from './vault.ts';

export const CASE_RETENTION_JOB = 'case_retention_purge';
const BATCH = 100;

/** Queues today's retention purge once (uniqueKey), however many instances ask; the worker's maintenance calls it. */
export async function scheduleCaseRetention(db: Db, handlers: JobHandlers, now: Date): Promise<void> {
  if (!handlers[CASE_RETENTION_JOB]) return;
  await enqueueJob(db, { kind: CASE_RETENTION_JOB, uniqueKey: `case-retention:${now.toISOString().slice(0, 10)}`, runAt: now, maxAttempts: 3 });
}

function merge(into: Counts, more: Counts): void {
  for (const [table, c] of Object.entries(more)) into[table] = (into[table] ?? 0) + c;
}

/** Purges one case in its own short transaction, re-checking under a row lock that it is still due and not on hold. */
async function purgeOne(db: Db, ctxOf: (trx: Db) => Ctx, caseId: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const [due] = await dueForPurge(trx, now, { limit: 1, lockCaseId: caseId });
    if (!due) return false;
    const counts: Counts = {};
    const everything = CASE_CATEGORIES.every((c) => due.due.includes(c) || due.purged.includes(c));
    if (everything) merge(counts, await anonymise(trx, caseId, now));
    else {
      for (const category of due.due) merge(counts, await purgeCategory(trx, caseId, category));
      await markPurged(trx, caseId, due.due, due.purged, now);
    }
    await recordAudit(ctxOf(trx), trx, { action: 'case.purged', entityType: 'case', entityId: caseId, organisationId: due.organisationId, actorAccountId: null, details: { categories: due.due, anonymised: everything, counts } });
    return true;
  });
}

/** The scheduled purge: batch after batch of due cases until none is left (each case its own transaction). */
export const caseRetentionJob: JobHandler = async (_job, { deps, log, now }) => {
  const ctxOf = (trx: Db) => systemCtx(trx, deps.config, log, now);
  let purged = 0;
  for (;;) {
    const batch = await dueForPurge(deps.db, now, { limit: BATCH });
    if (batch.length === 0) break;
    let progressed = 0;
    for (const c of batch) if (await purgeOne(deps.db, ctxOf, c.id, now)) progressed += 1;
    purged += progressed;
    // NOTE: a batch where every case was taken by a parallel run (or put on hold meanwhile) ends this run.
    if (progressed === 0) break;
  }
  log.info({ cases: purged }, 'case retention purge done');
};

/** Sets or clears the legal hold (owner or the case coordinator); the reason is sealed, the audit holds no text. */
export async function changeLegalHold(ctx: Ctx, caseId: string, input: LegalHoldChange): Promise<LegalHoldView> {
  const grant = await requireCase(ctx, caseId, { kind: 'legal_hold' });
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('caseFile').select(['legalHold', 'version', 'anonymisedAt']).where('id', '=', caseId).forUpdate().executeTakeFirstOrThrow();
    if (current.version !== input.version) {
      throw new AppError('conflict', 'Someone else saved this case in the meantime. Nothing was changed: review the current state.', { current: { legalHold: current.legalHold, version: current.version } });
    }
    if (current.anonymisedAt) throw new AppError('unprocessable', 'This case has been anonymised: there is nothing left to hold.', { fields: { hold: 'The case is anonymised' } });
    if (current.legalHold === input.hold) {
      const message = input.hold ? 'This case is already under a legal hold.' : 'This case is not under a legal hold.';
      throw new AppError('unprocessable', message, { fields: { hold: message } });
    }
    const updated = await trx
      .updateTable('caseFile')
      .set({ legalHold: input.hold, legalHoldReason: seal(ctx.config.encryptionKeys, input.reason), legalHoldBy: actorOf(ctx).accountId, legalHoldAt: ctx.now, updatedAt: ctx.now, version: (eb) => eb('version', '+', 1) })
      .where('id', '=', caseId)
      .returning(['legalHold', 'version'])
      .executeTakeFirstOrThrow();
    await recordAudit(ctx, trx, { action: input.hold ? 'case.legal_hold_set' : 'case.legal_hold_cleared', entityType: 'case', entityId: caseId, organisationId: grant.organisationId });
    return updated;
  });
}

/**
 * Erasure on the person's request (owner with the identity grant): 'identity' removes the identity vault now; 'all'
 * anonymises a closed case now. Refused under a legal hold (422), and on a stale version (409).
 */
export async function eraseCase(ctx: Ctx, caseId: string, input: ErasureRequest): Promise<ErasureResult> {
  const grant = await requireCase(ctx, caseId, { kind: 'data_protection' });
  const refuse = (message: string) => new AppError('unprocessable', message, { fields: { scope: message } });
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('caseFile').select(['status', 'legalHold', 'version', 'anonymisedAt', 'purgedCategories']).where('id', '=', caseId).forUpdate().executeTakeFirstOrThrow();
    if (current.version !== input.version) throw new AppError('conflict', 'Someone else saved this case in the meantime. Nothing was erased.', { current: { version: current.version, legalHold: current.legalHold } });
    if (current.legalHold) throw refuse('This case is under a legal hold: nothing can be erased until the hold is lifted.');
    if (current.anonymisedAt) throw refuse('This case has already been anonymised.');
    if (input.scope === 'all' && !CLOSED_STATUSES.includes(current.status as CaseStatus)) throw refuse('Close the case before anonymising it: an open case still needs its records.');
    const counts: Counts = {};
    if (input.scope === 'all') merge(counts, await anonymise(trx, caseId, ctx.now));
    else {
      merge(counts, await purgeCategory(trx, caseId, 'identity'));
      await markPurged(trx, caseId, ['identity'] as CaseCategory[], current.purgedCategories, ctx.now);
    }
    await trx.insertInto('caseErasure').values({ caseId, scope: input.scope, reason: seal(ctx.config.encryptionKeys, input.reason)!, counts: JSON.stringify(counts), erasedBy: actorOf(ctx).accountId, erasedAt: ctx.now }).execute();
    await recordAudit(ctx, trx, { action: 'case.erased', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { scope: input.scope, counts } });
    const after = await trx.selectFrom('caseFile').select(['version', 'anonymisedAt']).where('id', '=', caseId).executeTakeFirstOrThrow();
    return { scope: input.scope, counts, anonymisedAt: after.anonymisedAt, version: after.version };
  });
}
