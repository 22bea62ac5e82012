// E2E global setup: builds the web app, starts the real server on a fresh data directory with demo data, and stops
// it at the end. The journeys read its address with inject('baseUrl').
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWebApp, startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    serverOutput: string;
    /** The private web build, for a journey that starts a server of its own (referrals: escalation). */
    webRoot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const webRoot = await buildWebApp();
  const server = await startServer({ cwd: webRoot, readyTimeoutMs: 180_000 });
  project.provide('baseUrl', server.url);
  project.provide('serverOutput', server.output());
  project.provide('webRoot', webRoot);
  return async () => {
    await server.stop();
    rmSync(path.dirname(server.dataDir), { recursive: true, force: true });
    rmSync(webRoot, { recursive: true, force: true });
  };
}
