// The worker pool: results come back, a task past its limit is stopped (and the thread replaced), errors keep their
// name, a full queue is refused, and the event loop stays free while a task spins.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, test } from 'vitest';
import type * as Fixture from './worker-pool.fixture.ts';
import { PoolBusyError, TaskFailedError, TaskTimeoutError, WorkerPool } from './worker-pool.ts';

const FIXTURE = new URL('./worker-pool.fixture.ts', import.meta.url);
const pool = new WorkerPool({ size: 1, timeoutMs: 300, maxQueue: 1, queueTimeoutMs: 5_000, idleMs: 1_000, memoryMb: 64 });
afterAll(() => pool.close());

describe('worker pool', () => {
  test('runs a named export of a TypeScript module and returns its result', async () => {
    expect(await pool.call<typeof Fixture.add>(FIXTURE, 'add', [2, 3])).toBe(5);
  });

  test('a task past its time limit is terminated: TaskTimeoutError, and the next task gets a fresh thread', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    await expect(pool.call<typeof Fixture.spin>(FIXTURE, 'spin', [10_000])).rejects.toBeInstanceOf(TaskTimeoutError);
    delay.disable();
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(delay.max / 1e6).toBeLessThan(100);
    expect(await pool.call<typeof Fixture.add>(FIXTURE, 'add', [1, 1])).toBe(2);
  });

  test('a stack overflow and a thrown error come back as TaskFailedError with the original name', async () => {
    const overflow = await pool.call<typeof Fixture.overflow>(FIXTURE, 'overflow', []).catch((e: unknown) => e);
    expect(overflow).toBeInstanceOf(TaskFailedError);
    expect((overflow as TaskFailedError).errorName).toBe('RangeError');
    const failed = await pool.call<typeof Fixture.fail>(FIXTURE, 'fail', []).catch((e: unknown) => e);
    expect(failed).toMatchObject({ errorName: 'Error', message: 'it went wrong' });
  });

  test('beyond the queue limit a task is refused at once with PoolBusyError', async () => {
    const running = pool.call<typeof Fixture.spin>(FIXTURE, 'spin', [100], { timeoutMs: 2_000 });
    const queued = pool.call<typeof Fixture.add>(FIXTURE, 'add', [1, 2]);
    await expect(pool.call<typeof Fixture.add>(FIXTURE, 'add', [1, 3])).rejects.toBeInstanceOf(PoolBusyError);
    expect(await running).toBe('done');
    expect(await queued).toBe(3);
  });

  test('an unknown export is an error, not a hang', async () => {
    await expect(pool.call(FIXTURE, 'nope', [])).rejects.toMatchObject({ errorName: 'TypeError' });
  });
});
