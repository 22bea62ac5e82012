import { defineConfig } from 'vitest/config';

// Files that measure the event loop and the main thread's CPU time (a guard that nothing blocks the server): they run
// last and alone, because a CPU-heavy file in the other worker (JSON-LD canonicalisation, argon2, PDF) inflates the
// time they measure on two cores.
const TIMED = ['server/features/library/heavy-input.test.ts', 'server/lib/worker-pool.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    // NOTE: each test file opens its own database copy; two workers match the two cores here.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: TIMED,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'timed', include: TIMED, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
