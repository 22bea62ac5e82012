// Worker threads for CPU-heavy work (Markdown, diffs, PDF layout), each task under a hard time limit: a task that runs
// over is stopped by terminating its thread, so no single request can hold the event loop (or the embedded database).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const WORKER_FILE = new URL('./worker-pool.worker.ts', import.meta.url);

/** The task ran past its time limit; its thread was terminated. */
export class TaskTimeoutError extends Error {
  override name = 'TaskTimeoutError';
}

/** Every thread is busy and the queue is full, or the task waited too long for a thread: try again later. */
export class PoolBusyError extends Error {
  override name = 'PoolBusyError';
}

/** The task threw, or its thread died (out of memory). `cause` names the original error (RangeError: stack overflow). */
export class TaskFailedError extends Error {
  override name = 'TaskFailedError';
  readonly errorName: string;
  constructor(message: string, errorName: string) {
    super(message);
    this.errorName = errorName;
  }
}

/** The task's input made it fail (too slow, nested too deeply for the stack, too much memory), not a bug or a busy pool. */
export function isInputFailure(error: unknown): boolean {
  return error instanceof TaskTimeoutError || (error instanceof TaskFailedError && ['RangeError', 'ERR_WORKER_OUT_OF_MEMORY'].includes(error.errorName));
}

export interface PoolOptions {
  /** Threads at most; they start on demand and stop after `idleMs` without work. */
  size: number;
  /** Default time limit of one task, counted from the moment its thread starts running it. */
  timeoutMs: number;
  maxQueue: number;
  queueTimeoutMs: number;
  idleMs: number;
  memoryMb: number;
}

interface Job {
  module: string;
  name: string;
  args: unknown[];
  timeoutMs: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
  queueTimer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  jobId: number;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
}

type Message = { id: number; type: 'started' } | { id: number; type: 'done'; ok: true; result: unknown } | { id: number; type: 'done'; ok: false; errorName: string; message: string };

/** A cold thread loads Node, type-strips and imports the task's module before the task's own limit starts. */
const START_LIMIT_MS = 15_000;

export class WorkerPool {
  readonly #options: PoolOptions;
  #slots: Slot[] = [];
  #queue: Job[] = [];
  #seq = 0;

  constructor(options: PoolOptions) {
    this.#options = options;
  }

  /**
   * Runs export `name` of the module at `module` (a file URL; its imports must resolve in plain Node) with `args`
   * (structured-cloned), and resolves with what it returns. Rejects with TaskTimeoutError, PoolBusyError or TaskFailedError.
   */
  call<F extends (...args: never[]) => unknown>(module: URL, name: string, args: Parameters<F>, options: { timeoutMs?: number } = {}): Promise<Awaited<ReturnType<F>>> {
    return new Promise((resolve, reject) => {
      const job: Job = { module: module.href, name, args, timeoutMs: options.timeoutMs ?? this.#options.timeoutMs, resolve: resolve as (v: unknown) => void, reject };
      const slot = this.#freeSlot();
      if (slot) return this.#start(slot, job);
      if (this.#queue.length >= this.#options.maxQueue) return reject(new PoolBusyError('Every worker is busy.'));
      job.queueTimer = setTimeout(() => {
        this.#queue = this.#queue.filter((j) => j !== job);
        reject(new PoolBusyError('Waited too long for a worker.'));
      }, this.#options.queueTimeoutMs);
      job.queueTimer.unref();
      this.#queue.push(job);
    });
  }

  /** Threads running now (for tests). */
  get threads(): number {
    return this.#slots.length;
  }

  /** Stops every thread; queued and running tasks are refused. */
  async close(): Promise<void> {
    for (const job of this.#queue.splice(0)) {
      clearTimeout(job.queueTimer);
      job.reject(new PoolBusyError('The worker pool is closing.'));
    }
    await Promise.all([...this.#slots].map((slot) => this.#retire(slot, new PoolBusyError('The worker pool is closing.'))));
  }

  #freeSlot(): Slot | undefined {
    const idle = this.#slots.find((s) => s.job === null);
    if (idle) return idle;
    return this.#slots.length < this.#options.size ? this.#spawn() : undefined;
  }

  #spawn(): Slot {
    const worker = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: this.#options.memoryMb } });
    // NOTE: an idle pool must never keep the process (a CLI command, a test run) alive.
    worker.unref();
    const slot: Slot = { worker, job: null, jobId: 0 };
    worker.on('message', (message: Message) => this.#onMessage(slot, message));
    worker.on('error', (error: Error & { code?: string }) => void this.#retire(slot, new TaskFailedError(error.message, error.code ?? error.name)));
    worker.on('exit', () => void this.#retire(slot, new TaskFailedError('The worker stopped.', 'WorkerExit')));
    this.#slots.push(slot);
    return slot;
  }

  #start(slot: Slot, job: Job): void {
    clearTimeout(slot.idleTimer);
    slot.job = job;
    slot.jobId = ++this.#seq;
    slot.timer = setTimeout(() => void this.#retire(slot, new TaskTimeoutError('The task did not start in time.')), START_LIMIT_MS + job.timeoutMs);
    slot.worker.postMessage({ id: slot.jobId, module: job.module, name: job.name, args: job.args });
  }

  #onMessage(slot: Slot, message: Message): void {
    const job = slot.job;
    if (!job || message.id !== slot.jobId) return;
    clearTimeout(slot.timer);
    if (message.type === 'started') {
      slot.timer = setTimeout(() => void this.#retire(slot, new TaskTimeoutError(`The task ran longer than ${job.timeoutMs} ms.`)), job.timeoutMs);
      return;
    }
    slot.job = null;
    if (message.ok) job.resolve(message.result);
    else job.reject(new TaskFailedError(message.message, message.errorName));
    this.#next(slot);
  }

  #next(slot: Slot): void {
    const job = this.#queue.shift();
    if (job) {
      clearTimeout(job.queueTimer);
      return this.#start(slot, job);
    }
    slot.idleTimer = setTimeout(() => void this.#retire(slot, null), this.#options.idleMs);
    slot.idleTimer.unref();
  }

  /** Takes a thread out of the pool (timed out, crashed, idle or closing), refusing its task with `error`. */
  async #retire(slot: Slot, error: Error | null): Promise<void> {
    if (!this.#slots.includes(slot)) return;
    this.#slots = this.#slots.filter((s) => s !== slot);
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    const job = slot.job;
    slot.job = null;
    if (job) job.reject(error ?? new TaskFailedError('The worker stopped.', 'WorkerExit'));
    this.#drain();
    await slot.worker.terminate();
  }

  #drain(): void {
    while (this.#queue.length > 0) {
      const slot = this.#freeSlot();
      if (!slot) return;
      const job = this.#queue.shift()!;
      clearTimeout(job.queueTimer);
      this.#start(slot, job);
    }
  }
}

// NOTE: two threads even on a small machine: one slow task (up to its limit) must not queue every other editor behind it.
const THREADS = Math.min(4, Math.max(2, availableParallelism() - 1));

/**
 * Short tasks: rendering, comparing or extracting the text of one section. An allowed text takes well under the
 * limit; one that does not finish in time is refused as too complex rather than allowed to take a core for long.
 */
export const shortTasks = new WorkerPool({ size: THREADS, timeoutMs: 1_500, maxQueue: 64, queueTimeoutMs: 5_000, idleMs: 60_000, memoryMb: 256 });

/** Long tasks (a whole publication's PDF): one thread of their own, so they never hold up the short ones. */
export const longTasks = new WorkerPool({ size: 1, timeoutMs: 60_000, maxQueue: 8, queueTimeoutMs: 60_000, idleMs: 60_000, memoryMb: 512 });
