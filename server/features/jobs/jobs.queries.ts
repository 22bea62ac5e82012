// The job table's state machine: pending → running → done | pending (retry) | failed.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

/**
 * Claims up to `limit` due jobs of the given kinds for one worker. FOR UPDATE SKIP LOCKED lets several instances
 * claim at once on PostgreSQL without ever taking the same row; PGlite runs the same SQL on its one connection.
 */
export async function claimDueJobs(db: Db, o: { now: Date; workerId: string; kinds: string[]; limit: number }) {
  if (o.kinds.length === 0) return [];
  const rows = await db
    .updateTable('job')
    .set((eb) => ({ status: 'running', lockedAt: o.now, lockedBy: o.workerId, attempts: eb('attempts', '+', 1) }))
    .where((eb) =>
      eb(
        'id',
        'in',
        eb
          .selectFrom('job')
          .select('id')
          .where('status', '=', 'pending')
          .where('runAt', '<=', o.now)
          .where('kind', 'in', o.kinds)
          .orderBy('runAt')
          .limit(o.limit)
          .forUpdate()
          .skipLocked(),
      ),
    )
    .returning(['id', 'kind', 'payload', 'attempts', 'maxAttempts', 'runAt'])
    .execute();
  // NOTE: UPDATE … RETURNING does not keep the subquery's order.
  return rows.sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
}

/** Every update below checks locked_by: a job re-queued from a stalled worker belongs to whoever claimed it next. */
export async function markJobDone(db: Db, id: string, workerId: string, now: Date): Promise<void> {
  await db
    .updateTable('job')
    .set({ status: 'done', finishedAt: now, lockedAt: null, lockedBy: null, lastError: null })
    .where('id', '=', id)
    .where('lockedBy', '=', workerId)
    .execute();
}

export async function markJobRetry(db: Db, id: string, workerId: string, o: { runAt: Date; error: string }): Promise<void> {
  await db
    .updateTable('job')
    .set({ status: 'pending', runAt: o.runAt, lockedAt: null, lockedBy: null, lastError: o.error })
    .where('id', '=', id)
    .where('lockedBy', '=', workerId)
    .execute();
}

export async function markJobFailed(db: Db, id: string, workerId: string, o: { now: Date; error: string }): Promise<void> {
  await db
    .updateTable('job')
    .set({ status: 'failed', finishedAt: o.now, lockedAt: null, lockedBy: null, lastError: o.error })
    .where('id', '=', id)
    .where('lockedBy', '=', workerId)
    .execute();
}

/** Hands a claimed job back untouched (the worker is stopping before it ran): the claim does not count as an attempt. */
export async function releaseJob(db: Db, id: string, workerId: string): Promise<void> {
  await db
    .updateTable('job')
    .set((eb) => ({ status: 'pending', lockedAt: null, lockedBy: null, attempts: eb('attempts', '-', 1) }))
    .where('id', '=', id)
    .where('lockedBy', '=', workerId)
    .execute();
}

/** Jobs left 'running' by an instance that crashed: back to pending, or failed when out of attempts. */
export async function requeueStalledJobs(db: Db, o: { lockedBefore: Date; now: Date }): Promise<number> {
  const rows = await db
    .updateTable('job')
    .set((eb) => ({
      status: eb.case().when('attempts', '>=', eb.ref('maxAttempts')).then('failed').else('pending').end(),
      // NOTE: a bare parameter inside CASE is typed text; the cast keeps PostgreSQL and PGlite happy.
      finishedAt: eb.case().when('attempts', '>=', eb.ref('maxAttempts')).then(sql<Date>`${o.now}::timestamptz`).else(null).end(),
      runAt: o.now,
      lockedAt: null,
      lockedBy: null,
      lastError: 'interrupted: the worker running it stopped responding',
    }))
    .where('status', '=', 'running')
    .where('lockedAt', '<', o.lockedBefore)
    .returning('id')
    .execute();
  return rows.length;
}
