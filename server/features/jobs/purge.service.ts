// Daily purge: removes rows that only existed to make sign-in work once they can no longer be used (data minimisation).
import type { Db } from '#server/db/db.ts';
import { recordAudit, systemCtx } from '#server/features/audit/audit.service.ts';
import { enqueueJob, type JobHandler, type JobHandlers } from './jobs.service.ts';
import { purgeExpiredRows } from './purge.queries.ts';

export const PURGE_JOB = 'purge_expired';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Queues today's purge once (uniqueKey purge:<UTC date>), however many instances ask. */
export async function schedulePurge(db: Db, handlers: JobHandlers, now: Date): Promise<void> {
  if (!handlers[PURGE_JOB]) return;
  await enqueueJob(db, { kind: PURGE_JOB, uniqueKey: `purge:${now.toISOString().slice(0, 10)}`, runAt: now, maxAttempts: 3 });
}

/**
 * Sessions go a day after they expire (kept briefly to explain "your session expired"); used or expired reset
 * links and invitations after 30 days; rate-limit windows after a day (no window is longer); finished jobs after 30 days.
 */
export const purgeExpired: JobHandler = async (_job, { deps, log, now }) => {
  const monthAgo = new Date(now.getTime() - 30 * DAY_MS);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  await deps.db.transaction().execute(async (trx) => {
    const counts = await purgeExpiredRows(trx, {
      sessionsExpiredBefore: dayAgo,
      tokensSpentBefore: monthAgo,
      rateWindowsStartedBefore: dayAgo,
      jobsFinishedBefore: monthAgo,
    });
    await recordAudit(systemCtx(trx, deps.config, log, now), trx, {
      action: 'system.purged',
      entityType: 'system',
      organisationId: null,
      actorAccountId: null,
      details: { ...counts },
    });
  });
};
