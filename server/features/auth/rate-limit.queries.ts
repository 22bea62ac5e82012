// Fixed-window counters in the rate_limit table, shared by every app instance.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

/** Hits in the current window of `key` (0 when the window has passed). */
export async function currentHits(db: Db, key: string, windowStart: Date): Promise<number> {
  const row = await db.selectFrom('rateLimit').select('hits').where('key', '=', key).where('windowStart', '>', windowStart).executeTakeFirst();
  return row?.hits ?? 0;
}

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
