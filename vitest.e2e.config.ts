// Browser journeys (tests/e2e/**/*.e2e.ts) against the real server in Debian's Chromium; one worker, one server.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    env: { NODE_ENV: 'test' },
  },
});
