// Deletes rows whose purpose has passed: expired sessions, spent reset and invitation tokens, old rate-limit windows.
import type { Db } from '#server/db/db.ts';

export interface PurgeCutoffs {
  sessionsExpiredBefore: Date;
  tokensSpentBefore: Date;
  rateWindowsStartedBefore: Date;
  jobsFinishedBefore: Date;
}

export interface PurgeCounts {
  sessions: number;
  passwordResets: number;
  invitations: number;
  rateLimits: number;
  jobs: number;
}

export async function purgeExpiredRows(db: Db, c: PurgeCutoffs): Promise<PurgeCounts> {
  const sessions = await db.deleteFrom('authSession').where('expiresAt', '<', c.sessionsExpiredBefore).executeTakeFirst();
  const passwordResets = await db
    .deleteFrom('passwordReset')
    .where((eb) => eb.or([eb('usedAt', '<', c.tokensSpentBefore), eb('expiresAt', '<', c.tokensSpentBefore)]))
    .executeTakeFirst();
  const invitations = await db
    .deleteFrom('invitation')
    .where((eb) =>
      eb.or([eb('acceptedAt', '<', c.tokensSpentBefore), eb('revokedAt', '<', c.tokensSpentBefore), eb('expiresAt', '<', c.tokensSpentBefore)]),
    )
    .executeTakeFirst();
  const rateLimits = await db.deleteFrom('rateLimit').where('windowStart', '<', c.rateWindowsStartedBefore).executeTakeFirst();
  const jobs = await db
    .deleteFrom('job')
    .where('status', 'in', ['done', 'failed'])
    .where('finishedAt', '<', c.jobsFinishedBefore)
    .executeTakeFirst();
  const n = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
  return { sessions: n(sessions), passwordResets: n(passwordResets), invitations: n(invitations), rateLimits: n(rateLimits), jobs: n(jobs) };
}
