// The background worker: polls the job table, runs each due job once across all instances, retries with backoff.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import type { Deps } from '#server/context.ts';
import { describeError, type ClaimedJob, type JobHandlers } from './jobs.service.ts';
import { claimDueJobs, markJobDone, markJobFailed, markJobRetry, releaseJob, requeueStalledJobs } from './jobs.queries.ts';
import { scheduleCaseRetention } from '#server/features/cases/case-retention.service.ts';
import { schedulePurge } from './purge.service.ts';
import { scheduleTaskReminders } from '#server/features/cases/case-task-reminder.ts';
import { scheduleEvaluationInvitations } from '#server/features/events/evaluation-invitations.ts';
import { scheduleOfferExpiry } from '#server/features/events/offer-expiry.service.ts';
import { scheduleEventReminders } from '#server/features/events/registration-reminder.ts';

/** A job still 'running' after this long belongs to an instance that died. */
export const STALLED_AFTER_MS = 10 * 60 * 1000;
const MAINTENANCE_EVERY_MS = 60 * 1000;

export interface RunOptions {
  workerId?: string;
  log?: FastifyBaseLogger;
  /** Jobs claimed per round trip. */
  batchSize?: number;
  /** Checked between jobs: a stopping worker hands back what it claimed but has not started. */
  shouldStop?: () => boolean;
}

export interface RunSummary {
  done: number;
  retried: number;
  failed: number;
}

/** 30 s, 1 min, 2 min, 4 min … capped at one hour, after the n-th failed attempt. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/** Runs every job due now (per deps.now()), batch after batch, until none is left. Tests call it directly. */
export async function runDueJobs(deps: Deps, handlers: JobHandlers, options: RunOptions = {}): Promise<RunSummary> {
  const workerId = options.workerId ?? newWorkerId();
  const log = options.log ?? silentLog;
  const summary: RunSummary = { done: 0, retried: 0, failed: 0 };
  for (;;) {
    if (options.shouldStop?.()) return summary;
    const jobs = await claimDueJobs(deps.db, { now: deps.now(), workerId, kinds: Object.keys(handlers), limit: options.batchSize ?? 10 });
    if (jobs.length === 0) return summary;
    for (const [index, job] of jobs.entries()) {
      if (options.shouldStop?.()) {
        for (const left of jobs.slice(index)) await releaseJob(deps.db, left.id, workerId);
        return summary;
      }
      summary[await runOne(deps, handlers, job, workerId, log)] += 1;
    }
  }
}

async function runOne(deps: Deps, handlers: JobHandlers, job: ClaimedJob, workerId: string, log: FastifyBaseLogger): Promise<keyof RunSummary> {
  const handler = handlers[job.kind];
  const isLastAttempt = job.attempts >= job.maxAttempts;
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    await handler(job, { deps, log, now: deps.now(), isLastAttempt });
  } catch (error) {
    const message = describeError(error);
    // NOTE: log the job id and kind only; payloads may hold ids a reader could link to a person.
    log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, error: message }, 'job failed');
    if (isLastAttempt) {
      await markJobFailed(deps.db, job.id, workerId, { now: deps.now(), error: message });
      return 'failed';
    }
    await markJobRetry(deps.db, job.id, workerId, { runAt: new Date(deps.now().getTime() + retryDelayMs(job.attempts)), error: message });
    return 'retried';
  }
  await markJobDone(deps.db, job.id, workerId, deps.now());
  return 'done';
}

export interface JobWorker {
  readonly workerId: string;
  /** Stops polling and waits for the job in hand to finish. */
  stop(): Promise<void>;
}

/** Polls every `intervalMs` (default 1 s); once a minute re-queues stalled jobs, schedules the daily purge, the hourly task reminders and evaluation invitations. */
export function startJobWorker(deps: Deps, log: FastifyBaseLogger, handlers: JobHandlers, options: { intervalMs?: number; workerId?: string } = {}): JobWorker {
  const workerId = options.workerId ?? newWorkerId();
  const intervalMs = options.intervalMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  let lastMaintenance = 0;

  const tick = async (): Promise<void> => {
    try {
      const now = deps.now();
      if (now.getTime() - lastMaintenance >= MAINTENANCE_EVERY_MS) {
        lastMaintenance = now.getTime();
        await maintain(deps, handlers, log, now);
      }
      await runDueJobs(deps, handlers, { workerId, log, shouldStop: () => stopped });
    } catch (error) {
      // NOTE: a lost database must not crash the process; /readyz reports it and the next tick tries again.
      log.warn({ error: describeError(error) }, 'job worker tick failed');
    }
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, intervalMs);
  };
  schedule();
  return {
    workerId,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}

async function maintain(deps: Deps, handlers: JobHandlers, log: FastifyBaseLogger, now: Date): Promise<void> {
  const requeued = await requeueStalledJobs(deps.db, { lockedBefore: new Date(now.getTime() - STALLED_AFTER_MS), now });
  if (requeued > 0) log.warn({ requeued }, 're-queued jobs left running by a stopped worker');
  await schedulePurge(deps.db, handlers, now);
  await scheduleCaseRetention(deps.db, handlers, now);
  await scheduleTaskReminders(deps.db, handlers, now);
  await scheduleEvaluationInvitations(deps.db, handlers, now);
  await scheduleOfferExpiry(deps.db, handlers, now);
  await scheduleEventReminders(deps.db, handlers, now);
}

function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

const silentLog: FastifyBaseLogger = pino({ level: 'silent' });
