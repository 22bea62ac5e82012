// Background jobs: one table, claimed with FOR UPDATE SKIP LOCKED so that with several instances each job runs once.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Deps } from '#server/context.ts';
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
  await jobInsert(db, job).execute();
}

/** The insert that queues a job, for the caller to run (alone, or with other writes in one statement). */
export function jobInsert(db: Kysely<Database>, job: NewJob) {
  return db
    .insertInto('job')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      runAt: job.runAt ?? new Date(),
      uniqueKey: job.uniqueKey ?? null,
      maxAttempts: job.maxAttempts ?? 5,
    })
    .onConflict((oc) => oc.column('uniqueKey').doNothing());
}

/** A job as its handler sees it, after the worker claimed it (attempts already counts this run). */
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

export interface JobContext {
  deps: Deps;
  log: FastifyBaseLogger;
  now: Date;
  /** True on the final attempt: a handler that fails now will not run again. */
  isLastAttempt: boolean;
}

/** Runs one job; throwing makes the worker retry it later (backoff) until max_attempts, then mark it failed. */
export type JobHandler = (job: ClaimedJob, ctx: JobContext) => Promise<void>;

/** Handlers by job kind; the worker claims only kinds it has a handler for. */
export type JobHandlers = Record<string, JobHandler>;

/** An error as stored in last_error columns: no email addresses, bounded length. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // NOTE: SMTP errors quote the recipient ("550 <ana@example.org>: no such user"); addresses are personal data.
  return message.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '[address]').slice(0, 500);
}
