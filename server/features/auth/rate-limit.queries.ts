// Fixed-window counters in the rate_limit table, shared by every app instance.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

/** Adds one hit in one statement (safe under concurrency); a window older than `windowStart` restarts at 1. */
export async function addHit(db: Db, key: string, now: Date, windowStart: Date): Promise<number> {
  const row = await db
    .insertInto('rateLimit')
    .values({ key, hits: 1, windowStart: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limit.window_start <= ${windowStart} then 1 else rate_limit.hits + 1 end`,
        windowStart: sql<Date>`case when rate_limit.window_start <= ${windowStart} then ${now} else rate_limit.window_start end`,
      }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits;
}

/** Takes one hit back from a window that is still current. */
export async function removeHit(db: Db, key: string, windowStart: Date): Promise<void> {
  await db
    .updateTable('rateLimit')
    .set((eb) => ({ hits: eb('hits', '-', 1) }))
    .where('key', '=', key)
    .where('windowStart', '>', windowStart)
    .where('hits', '>', 0)
    .execute();
}

/** Starts the window of `key` again at `now`, keeping its hits: the key stays over its limit for a whole window. */
export async function restartWindow(db: Db, key: string, now: Date): Promise<void> {
  await db.updateTable('rateLimit').set({ windowStart: now }).where('key', '=', key).execute();
}
