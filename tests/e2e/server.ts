// Starts the real server (`server/start.ts`) as a child process on the pinned Node, as `npm start` would; used by the
// e2e global setup and by the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server printed so far (stdout and stderr): demo sign-ins, warnings. */
  output(): string;
  /** Milliseconds from spawn until /readyz answered 200. */
  readyAfterMs: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The server's working directory: one holding `dist/web` (from buildWebApp), or the repository. */
  cwd?: string;
  port?: number;
  dataDir?: string;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

/** A port in 3300–3399 that nothing listens on right now (the range this project's tooling uses). */
export async function freePort(from = 3300, to = 3399): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (await canListen(port)) return port;
  }
  throw new Error(`No free port between ${from} and ${to}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1' }, () => probe.close(() => resolve(true)));
  });
}

export function freshDataDir(prefix = 'pro-health-e2e-'): string {
  return path.join(mkdtempSync(path.join(tmpdir(), prefix)), 'data');
}

const REPO = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the web app into a private folder and returns it, to be the server's working directory (the server serves
 * `./dist/web`). NOTE: the shared `dist/web` can be rebuilt by any other `npm start` while journeys run, which would
 * swap the asset files under a running server; a private build cannot change under it.
 */
export async function buildWebApp(): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'pro-health-web-'));
  const { build } = await import('vite');
  // NOTE: Vitest sets NODE_ENV=test, and Vite then makes a development build (no service worker, React's dev build);
  // journeys must test what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(REPO, 'vite.config.ts'), root: REPO, logLevel: 'warn', build: { outDir: path.join(root, 'dist/web') } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return root;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? freshDataDir();
  const started = performance.now();
  // NOTE: process.execPath is the pinned Node 24 (vitest and npm scripts run on it), never the system node.
  const child = spawn(process.execPath, [path.join(REPO, 'server/start.ts')], {
    cwd: options.cwd ?? REPO,
    env: { ...cleanEnv(), PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'true', LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForReady(url, child, () => output, options.readyTimeoutMs ?? 120_000);
  const readyAfterMs = performance.now() - started;
  return { url, port, dataDir, child, output: () => output, readyAfterMs, stop: () => stopChild(child) };
}

/** The parent's environment without settings that would change the server under test (a developer's DATABASE_URL…). */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (['DATABASE_URL', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST'].includes(key)) continue;
    env[key] = value;
  }
  return env;
}

async function waitForReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`The server was not ready within ${timeoutMs} ms:\n${output()}`);
}

/** SIGTERM (graceful shutdown), then wait for the exit; SIGKILL only if it hangs. */
export async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
