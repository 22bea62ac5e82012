// The proof check as a task of the worker pool (server/lib/worker-pool.ts), so that canonicalising and checking a
// credential never holds the event loop. The libraries load with this module, before the task's time limit starts:
// the limit then bounds the check itself, not a fresh thread's imports.
import { vcStack } from './vc-stack.ts';

await vcStack();

export { verifyCredential } from './verify.ts';
