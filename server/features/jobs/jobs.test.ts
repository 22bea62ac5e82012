import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { enqueueJob, type ClaimedJob, type JobHandlers } from './jobs.service.ts';
import { claimDueJobs, requeueStalledJobs } from './jobs.queries.ts';
import { retryDelayMs, runDueJobs, startJobWorker, STALLED_AFTER_MS } from './jobs.worker.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const T0 = new Date('2031-03-01T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A job kind of its own per test, so tests never run each other's jobs. */
async function queue(options: { maxAttempts?: number; payload?: Record<string, unknown>; runAt?: Date } = {}) {
  const kind = `test_${randomUUID().slice(0, 8)}`;
  await enqueueJob(t.deps.db, { kind, payload: options.payload ?? {}, maxAttempts: options.maxAttempts, runAt: options.runAt ?? T0 });
  return kind;
}

async function jobOf(kind: string) {
  return t.deps.db
    .selectFrom('job')
    .select(['status', 'attempts', 'runAt', 'lastError', 'lockedBy', 'finishedAt'])
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
}

describe('job worker', () => {
  it('runs a due job once with its payload and marks it done', async () => {
    t.setNow(T0);
    const kind = await queue({ payload: { emailId: 'x' } });
    const seen: ClaimedJob[] = [];
    const handlers: JobHandlers = { [kind]: async (job) => void seen.push(job) };
    expect(await runDueJobs(t.deps, handlers)).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(seen).toMatchObject([{ kind, payload: { emailId: 'x' }, attempts: 1, maxAttempts: 5 }]);
    expect(await jobOf(kind)).toMatchObject({ status: 'done', attempts: 1, lockedBy: null, finishedAt: T0 });
    expect(await runDueJobs(t.deps, handlers)).toEqual({ done: 0, retried: 0, failed: 0 });
  });

  it('leaves jobs that are not due yet, and kinds it has no handler for', async () => {
    t.setNow(T0);
    const later = await queue({ runAt: at(60_000) });
    const orphan = await queue();
    expect(await runDueJobs(t.deps, { [later]: async () => undefined })).toEqual({ done: 0, retried: 0, failed: 0 });
    expect((await jobOf(orphan)).status).toBe('pending');
    t.setNow(at(60_000));
    expect(await runDueJobs(t.deps, { [later]: async () => undefined })).toEqual({ done: 1, retried: 0, failed: 0 });
  });

  it('retries a failing job with exponential backoff, then marks it failed', async () => {
    t.setNow(T0);
    const kind = await queue({ maxAttempts: 3 });
    const handlers: JobHandlers = {
      [kind]: async () => {
        throw new Error('550 <ana.popescu@example.org>: mailbox unavailable');
      },
    };
    expect(await runDueJobs(t.deps, handlers)).toEqual({ done: 0, retried: 1, failed: 0 });
    expect(await jobOf(kind)).toMatchObject({
      status: 'pending',
      attempts: 1,
      runAt: at(30_000),
      lastError: '550 <[address]>: mailbox unavailable',
      lockedBy: null,
    });
    t.setNow(at(29_999));
    expect(await runDueJobs(t.deps, handlers)).toEqual({ done: 0, retried: 0, failed: 0 });
    t.setNow(at(30_000));
    expect(await runDueJobs(t.deps, handlers)).toEqual({ done: 0, retried: 1, failed: 0 });
    expect(await jobOf(kind)).toMatchObject({ status: 'pending', attempts: 2, runAt: at(90_000) });
    t.setNow(at(90_000));
    expect(await runDueJobs(t.deps, handlers)).toEqual({ done: 0, retried: 0, failed: 1 });
    expect(await jobOf(kind)).toMatchObject({ status: 'failed', attempts: 3, finishedAt: at(90_000) });
  });

  it('doubles the delay per attempt up to an hour', () => {
    expect([1, 2, 3, 4, 12].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000]);
  });

  it('never gives the same job to two workers claiming at once', async () => {
    t.setNow(T0);
    const single = await queue();
    const [a, b] = await Promise.all([
      claimDueJobs(t.deps.db, { now: T0, workerId: 'worker-a', kinds: [single], limit: 10 }),
      claimDueJobs(t.deps.db, { now: T0, workerId: 'worker-b', kinds: [single], limit: 10 }),
    ]);
    expect(a.length + b.length).toBe(1);
    expect(await jobOf(single)).toMatchObject({ status: 'running', attempts: 1, lockedBy: a.length ? 'worker-a' : 'worker-b' });

    const kind = await queue();
    for (let i = 0; i < 5; i++) await enqueueJob(t.deps.db, { kind, runAt: T0 });
    const claims = await Promise.all(
      ['w1', 'w2', 'w3'].map((workerId) => claimDueJobs(t.deps.db, { now: T0, workerId, kinds: [kind], limit: 2 })),
    );
    const ids = claims.flat().map((j) => j.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it('re-queues jobs left running by a crashed instance, and fails those out of attempts', async () => {
    t.setNow(T0);
    const crashed = await queue();
    const exhausted = await queue({ maxAttempts: 1 });
    await claimDueJobs(t.deps.db, { now: T0, workerId: 'dead', kinds: [crashed, exhausted], limit: 10 });
    expect(await requeueStalledJobs(t.deps.db, { lockedBefore: at(-1), now: at(STALLED_AFTER_MS) })).toBe(0);
    const later = at(STALLED_AFTER_MS + 1);
    await requeueStalledJobs(t.deps.db, { lockedBefore: new Date(later.getTime() - STALLED_AFTER_MS), now: later });
    expect(await jobOf(crashed)).toMatchObject({ status: 'pending', attempts: 1, lockedBy: null, runAt: later });
    expect(await jobOf(exhausted)).toMatchObject({ status: 'failed', attempts: 1, finishedAt: later });
  });

  it('stops gracefully: waits for the running job and hands back the ones it has not started', async () => {
    t.setNow(T0);
    const kind = await queue();
    await enqueueJob(t.deps.db, { kind, runAt: T0 });
    let release!: () => void;
    let started!: () => void;
    const hasStarted = new Promise<void>((resolve) => (started = resolve));
    const handlers: JobHandlers = {
      [kind]: () => {
        started();
        return new Promise<void>((resolve) => (release = resolve));
      },
    };
    const worker = startJobWorker(t.deps, t.app.log, handlers, { intervalMs: 5 });
    await hasStarted;
    let stopped = false;
    const stopping = worker.stop().then(() => void (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    const rows = await t.deps.db.selectFrom('job').select(['status', 'attempts']).where('kind', '=', kind).orderBy('status').execute();
    expect(rows).toEqual([
      { status: 'done', attempts: 1 },
      { status: 'pending', attempts: 0 },
    ]);
  });
});
