// `npm run bench`: throughput and p99 of /healthz and of an authenticated GET /api/me (50 connections, 10 s), cold
// start with existing data and idle RSS — on PGlite, and on PostgreSQL when one is configured or answers on :5432.
// Prints a markdown table and writes it into docs/performance.md between the bench markers.
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildWebApp, freshDataDir, startServer, type RunningServer } from '#tests/e2e/server.ts';
import { postgresUrl, withFreshPostgres } from '#tests/fresh-postgres.ts';
import { signInCookie } from './sign-in.ts';
import { benchLoad } from './load.ts';
import { benchSearch } from './search.ts';
import { benchRelevance } from './relevance.ts';
import { benchReader } from './reader.ts';
import { benchDirectory } from './directory.ts';
import { benchHsds } from './hsds.ts';
import { benchReferrals } from './referrals.ts';
import { benchCases } from './cases.ts';
import { benchCheckIn } from './check-in.ts';
import { benchFhir } from './fhir.ts';
import { benchCertificates } from './certificates.ts';
import { benchEvents } from './events.ts';
import { DOC, writeDocSection } from './doc.ts';

const CONNECTIONS = 50;
const DURATION_S = 10;
const WARM_UP_S = 3;
const RESTARTS = 3;
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

interface Load {
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface EngineResult {
  engine: string;
  healthz: Load;
  me: Load;
  coldStartMs: number[];
  idleRssMb: number;
}

async function load(url: string, headers: Record<string, string> = {}): Promise<Load> {
  // NOTE: a short unmeasured run first, so the figures are of a warmed-up process (JIT, caches, sockets), the same
  // for every route; without it the ratio of the two routes varied between runs (48 % and 59 % on one machine).
  await autocannon({ url, connections: CONNECTIONS, duration: WARM_UP_S, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** First start seeds the demo data; then RESTARTS cold starts on the same data, the first of which is measured under load. */
async function benchEngine(engine: string, env: Record<string, string>, dataDir: string, cwd: string): Promise<EngineResult> {
  console.log(`\n## ${engine}: first start (migrations and demo data)…`);
  const first = await startServer({ cwd, dataDir, env, readyTimeoutMs: 300_000 });
  await first.stop();
  const coldStartMs: number[] = [];
  let measured: Omit<EngineResult, 'engine' | 'coldStartMs'> | null = null;
  for (let i = 0; i < RESTARTS; i++) {
    const server = await startServer({ cwd, dataDir, env, readyTimeoutMs: 120_000, port: first.port });
    coldStartMs.push(server.readyAfterMs);
    console.log(`cold start ${i + 1}: ${Math.round(server.readyAfterMs)} ms`);
    try {
      if (!measured) measured = await measure(server);
    } finally {
      await server.stop();
    }
  }
  return { engine, coldStartMs, ...measured! };
}

async function measure(server: RunningServer): Promise<Omit<EngineResult, 'engine' | 'coldStartMs'>> {
  await pause(3000); // NOTE: let start-up garbage be collected and background work settle before reading RSS
  const idleRssMb = rssMb(server.child.pid!);
  console.log(`idle RSS: ${idleRssMb.toFixed(0)} MB`);
  const healthz = await load(`${server.url}/healthz`);
  console.log(`GET /healthz: ${healthz.rps.toFixed(0)} req/s, p99 ${healthz.p99} ms`);
  const cookie = await signInCookie(server.url);
  const me = await load(`${server.url}/api/me`, { cookie });
  console.log(`GET /api/me: ${me.rps.toFixed(0)} req/s, p99 ${me.p99} ms`);
  if (healthz.non2xx + healthz.errors + me.non2xx + me.errors > 0) {
    throw new Error(`Non-2xx answers or errors under load: healthz ${healthz.non2xx}/${healthz.errors}, me ${me.non2xx}/${me.errors}`);
  }
  return { idleRssMb, healthz, me };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const f0 = (n: number) => n.toFixed(0);

function table(results: EngineResult[], loadBefore: number): string {
  const rows = results.map((r) => {
    const ratio = r.me.rps / r.healthz.rps;
    return `| ${r.engine} | ${f0(r.healthz.rps)} | ${f0(r.healthz.p99)} | ${f0(r.me.rps)} | ${f0(r.me.p99)} | ${(ratio * 100).toFixed(0)} % ${ratio >= 0.5 ? '✅' : '❌'} | ${(median(r.coldStartMs) / 1000).toFixed(2)} s ${median(r.coldStartMs) <= 3000 ? '✅' : '❌'} (${r.coldStartMs.map((ms) => (ms / 1000).toFixed(2)).join(' / ')}) | ${f0(r.idleRssMb)} MB${r.engine === 'PGlite' ? (r.idleRssMb <= 450 ? ' ✅' : ' ❌') : ''} |`;
  });
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}; autocannon, ${CONNECTIONS} connections, ${DURATION_S} s after a ${WARM_UP_S} s warm-up, load generator on the same machine; load average ${loadBefore.toFixed(1)} before the run.`,
    '',
    '| Engine | /healthz req/s | /healthz p99 ms | /api/me req/s | /api/me p99 ms | /api/me vs /healthz (target ≥ 50 %) | cold start, median (all) (target ≤ 3 s) | idle RSS (target ≤ 450 MB on PGlite) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}


/** `npm run bench` runs them all; `npm run bench -- --only=core|search|relevance|reader|load|directory|hsds|referrals|cases|events|check-in|certificates` one of them; `--only=fhir` the FHIR facade (printed only). */
async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (!only || only === 'core') await benchCore();
  if (!only || only === 'search') await benchSearch();
  if (!only || only === 'relevance') await benchRelevance();
  if (!only || only === 'reader') await benchReader();
  if (!only || only === 'load') await benchLoad();
  if (!only || only === 'directory') await benchDirectory();
  if (!only || only === 'hsds') await benchHsds();
  if (!only || only === 'referrals') await benchReferrals();
  if (!only || only === 'cases') await benchCases();
  if (!only || only === 'check-in') await benchCheckIn();
  if (!only || only === 'certificates') await benchCertificates();
  if (!only || only === 'events') await benchEvents();
  if (only === 'fhir') await benchFhir();
}

async function benchCore(): Promise<void> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const webRoot = await buildWebApp();
  const results: EngineResult[] = [];
  const dataDir = freshDataDir('pro-health-bench-');
  try {
    results.push(await benchEngine('PGlite', {}, dataDir, webRoot));
  } finally {
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
  const pgServer = await postgresUrl();
  if (pgServer) {
    const unused = freshDataDir('pro-health-bench-'); // NOTE: DATA_DIR is ignored when DATABASE_URL is set
    try {
      results.push(await withFreshPostgres(pgServer, 'pro_health_bench', (url) => benchEngine('PostgreSQL', { DATABASE_URL: url }, unused, webRoot)));
    } finally {
      rmSync(path.dirname(unused), { recursive: true, force: true });
    }
  } else {
    console.log('\nNo PostgreSQL server (DATABASE_URL unset, nothing on 127.0.0.1:5432): PostgreSQL skipped.');
  }
  rmSync(webRoot, { recursive: true, force: true });
  const markdown = table(results, loadBefore);
  console.log(`\n${markdown}\n`);
  writeDocSection(START, END, markdown);
  console.log(`Written to ${path.relative(process.cwd(), DOC)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
