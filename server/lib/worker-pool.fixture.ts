// Tasks for worker-pool.test.ts: one that answers, one that spins, one that overflows the stack, one that throws.

export function add(a: number, b: number): number {
  return a + b;
}

export function spin(ms: number): string {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // NOTE: busy on purpose: the pool must stop it from outside.
  }
  return 'done';
}

function recurse(n: number): number {
  return n === 0 ? 0 : 1 + recurse(n - 1);
}

export function overflow(): number {
  return recurse(1e9);
}

export function fail(): never {
  throw new Error('it went wrong');
}
