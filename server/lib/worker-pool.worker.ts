// One thread of the worker pool (worker-pool.ts): imports the task's module, says it has started, runs the named export
// and posts back its result, or the name and message of what it threw.
import { parentPort } from 'node:worker_threads';

interface Task {
  id: number;
  module: string;
  name: string;
  args: unknown[];
}

const port = parentPort!;

port.on('message', async ({ id, module, name, args }: Task) => {
  try {
    const fn = ((await import(module)) as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new TypeError(`${name} is not a function of ${module}`);
    port.postMessage({ id, type: 'started' });
    const result: unknown = await (fn as (...a: unknown[]) => unknown)(...args);
    port.postMessage({ id, type: 'done', ok: true, result });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id, type: 'done', ok: false, errorName: e.name, message: e.message.slice(0, 500) });
  }
});
