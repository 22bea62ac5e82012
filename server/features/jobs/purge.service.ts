// Daily purge: removes rows that only existed to make sign-in work once they can no longer be used (data minimisation).
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import { recordAudit, systemCtx } from '#server/features/audit/audit.service.ts';
import { purgeAccessRequests } from '#server/features/access-requests/access-request.service.ts';
import { enqueueJob, type JobHandler, type JobHandlers } from './jobs.service.ts';
import { purgeExpiredRows } from './purge.queries.ts';

export const PURGE_JOB = 'purge_expired';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Tables whose rows are replaced all the time (every publish re-indexes a section). PostgreSQL's autovacuum keeps
 * them compact; PGlite runs none, so there the daily purge vacuums them and refreshes the planner's statistics —
 * without it search slows as dead index entries pile up. The case tables are there for the visibility map: the case
 * list reads its ids from indexes alone (index-only scans), which only skip the table for pages vacuum marked visible.
 */
const CHURNING_TABLES = ['section_search', 'search_word', 'auth_session', 'rate_limit', 'job', 'case_file', 'case_member'] as const;

/** Queues today's purge once (uniqueKey purge:<UTC date>), however many instances ask. */
export async function schedulePurge(db: Db, handlers: JobHandlers, now: Date): Promise<void> {
  if (!handlers[PURGE_JOB]) return;
  await enqueueJob(db, { kind: PURGE_JOB, uniqueKey: `purge:${now.toISOString().slice(0, 10)}`, runAt: now, maxAttempts: 3 });
}

/**
 * Sessions go a day after they expire (kept briefly to explain "your session expired"); used or expired reset
 * links and invitations after 30 days; access requests 30 days after they came (pending) or were decided; rate-limit
 * windows after a day (no window is longer); finished jobs after 30 days.
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
    const accessRequests = await purgeAccessRequests(trx, monthAgo);
    await recordAudit(systemCtx(trx, deps.config, log, now), trx, {
      action: 'system.purged',
      entityType: 'system',
      organisationId: null,
      actorAccountId: null,
      details: { ...counts, accessRequests },
    });
  });
  // NOTE: VACUUM cannot run inside a transaction, so after it; the table names are constants.
  if (deps.engine === 'pglite') for (const table of CHURNING_TABLES) await sql.raw(`vacuum (analyze) ${table}`).execute(deps.db);
};
