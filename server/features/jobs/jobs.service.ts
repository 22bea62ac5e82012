// Background jobs: one table, claimed with FOR UPDATE SKIP LOCKED so that with several instances each job runs once.
import type { Kysely } from 'kysely';
import type { Database } from '#server/db/schema.ts';

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  /** A job with the same key that is already queued is not queued twice. */
  uniqueKey?: string;
  maxAttempts?: number;
}

/** Queues a job; call it inside the transaction of the change that needs it, so both commit or neither. */
export async function enqueueJob(db: Kysely<Database>, job: NewJob): Promise<void> {
  await db
    .insertInto('job')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      runAt: job.runAt ?? new Date(),
      uniqueKey: job.uniqueKey ?? null,
      maxAttempts: job.maxAttempts ?? 5,
    })
    .onConflict((oc) => oc.column('uniqueKey').doNothing())
    .execute();
}
