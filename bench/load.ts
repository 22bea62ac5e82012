// `npm run bench -- --only=load`: 100 connections for 60 s on a mix of public and signed-in routes, plus requests
// that must be refused (401 anonymous, 429 after too many wrong passwords), on PGlite and on PostgreSQL; fails on any
// error, timeout or status other than those expected. Results go into docs/performance.md between the load markers.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freshDataDir, startServer, type RunningServer } from '#tests/e2e/server.ts';
import { postgresUrl, withFreshPostgres } from '#tests/fresh-postgres.ts';
import { writeDocSection } from './doc.ts';
import { signInCookie } from './sign-in.ts';

const DURATION_S = 60;
const WARM_UP_S = 5;
// NOTE: what a browser sends; answers over 1 KB are then compressed on the fly, as for real readers.
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
const SEARCHES = ['trafficking', 'consent', 'interpreter', 'referral', 'child victims'];

interface RouteClass {
  name: string;
  connections: number;
  /** Statuses this class may get; anything else fails the run. */
  expected: number[];
  requests: (cookie: string) => autocannon.Request[];
}

const json = { ...BROWSER, 'content-type': 'application/json' };
/** 100 connections in all. */
const CLASSES: RouteClass[] = [
  { name: '`GET /healthz`', connections: 10, expected: [200], requests: () => [{ path: '/healthz' }] },
  { name: 'public chapter', connections: 15, expected: [200], requests: () => [{ path: '/api/library/publications/manual/chapters/communication?lang=en' }] },
  { name: 'library search', connections: 10, expected: [200], requests: () => SEARCHES.map((q) => ({ path: `/api/library/search?lang=en&q=${encodeURIComponent(q)}` })) },
  { name: 'contents', connections: 10, expected: [200], requests: () => [{ path: '/api/library/publications/manual?lang=en' }] },
  { name: '`GET /api/me` signed in', connections: 20, expected: [200], requests: (cookie) => [{ path: '/api/me', headers: { ...BROWSER, cookie } }] },
  { name: 'editor dashboard signed in', connections: 10, expected: [200], requests: (cookie) => [{ path: '/api/library/editor/dashboard', headers: { ...BROWSER, cookie } }] },
  { name: '`GET /api/me` anonymous', connections: 15, expected: [401], requests: () => [{ path: '/api/me' }] },
  {
    name: 'wrong password',
    connections: 10,
    expected: [401, 429],
    requests: () => [{ method: 'POST', path: '/api/auth/sign-in', headers: json, body: JSON.stringify({ email: 'nobody@load.example', password: 'not-the-password' }) }],
  },
];

interface ClassResult {
  name: string;
  connections: number;
  rps: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  unexpected: number;
}

async function runMix(url: string, cookie: string, seconds: number): Promise<ClassResult[]> {
  return Promise.all(
    CLASSES.map(async (c) => {
      const result = await autocannon({ url, connections: c.connections, duration: seconds, headers: BROWSER, requests: c.requests(cookie) });
      const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
      const unexpected = Object.entries(statuses).reduce((n, [code, count]) => n + (c.expected.includes(Number(code)) ? 0 : count), 0);
      return { name: c.name, connections: c.connections, rps: result.requests.average, p99: result.latency.p99, statuses, errors: result.errors, timeouts: result.timeouts, unexpected };
    }),
  );
}

interface EngineLoad {
  engine: string;
  classes: ClassResult[];
  loadAfter: number[];
}

async function loadEngine(engine: string, env: Record<string, string>, dataDir: string): Promise<EngineLoad> {
  // NOTE: an empty working directory: the API alone is measured, and the server then builds no web app.
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'pro-health-load-cwd-'));
  let server: RunningServer | null = null;
  try {
    console.log(`\n## ${engine}: start (migrations, demo data)…`);
    server = await startServer({ cwd, dataDir, env, readyTimeoutMs: 300_000 });
    const cookie = await signInCookie(server.url, 'editor');
    // NOTE: unmeasured; it also uses up the wrong-password allowance (10 tries), so the measured run sees 429s.
    await runMix(server.url, cookie, WARM_UP_S);
    console.log(`${engine}: ${CLASSES.reduce((n, c) => n + c.connections, 0)} connections for ${DURATION_S} s…`);
    const classes = await runMix(server.url, cookie, DURATION_S);
    for (const c of classes) console.log(`  ${c.name}: ${c.rps.toFixed(0)} req/s, p99 ${c.p99} ms, ${JSON.stringify(c.statuses)}, errors ${c.errors}, timeouts ${c.timeouts}`);
    return { engine, classes, loadAfter: os.loadavg() };
  } finally {
    await server?.stop();
    rmSync(cwd, { recursive: true, force: true });
  }
}

const f0 = (n: number) => n.toFixed(0);
const statusText = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([code, n]) => `${code}: ${n}`)
    .join(', ');

function table(results: EngineLoad[], loadBefore: number[]): string {
  const p99 = (c: ClassResult) => (Object.keys(c.statuses).length ? f0(c.p99) : '—');
  const rows = results.flatMap((r) => {
    const total = (f: (c: ClassResult) => number) => r.classes.reduce((n, c) => n + f(c), 0);
    const failed = total((c) => c.errors + c.timeouts);
    const unexpected = total((c) => c.unexpected);
    return [
      ...r.classes.map((c) => `| ${r.engine} | ${c.name} | ${c.connections} | ${f0(c.rps)} | ${p99(c)} | ${statusText(c.statuses) || '—'} | ${c.errors + c.timeouts} |`),
      `| ${r.engine} | **all** | ${total((c) => c.connections)} | **${f0(total((c) => c.rps))}** | ${f0(Math.max(...r.classes.map((c) => c.p99)))} (worst) | ${unexpected} unexpected ${unexpected + failed === 0 ? '✅' : '❌'} | ${failed} |`,
    ];
  });
  const la = (l: number[]) => l.map((n) => n.toFixed(1)).join(' / ');
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; autocannon (10 s timeout), one instance per route class in one process on the same machine, ${DURATION_S} s after a ${WARM_UP_S} s warm-up; load average ${la(loadBefore)} before, ${results.map((r) => `${la(r.loadAfter)} after ${r.engine}`).join(', ')}.`,
    '',
    '| Engine | Route class | Connections | req/s | p99 ms | Statuses | Errors + timeouts |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Both engines; throws (exit 1) when any answer was an error, a timeout or an unexpected status. */
export async function benchLoad(): Promise<void> {
  const loadBefore = os.loadavg();
  const results: EngineLoad[] = [];
  const dataDir = freshDataDir('pro-health-load-');
  try {
    results.push(await loadEngine('PGlite', {}, dataDir));
  } finally {
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
  const pgServer = await postgresUrl();
  if (pgServer) {
    const unused = freshDataDir('pro-health-load-'); // NOTE: DATA_DIR is ignored when DATABASE_URL is set
    try {
      results.push(await withFreshPostgres(pgServer, 'pro_health_load', (url) => loadEngine('PostgreSQL', { DATABASE_URL: url }, unused)));
    } finally {
      rmSync(path.dirname(unused), { recursive: true, force: true });
    }
  } else {
    console.log('\nNo PostgreSQL server (DATABASE_URL unset, nothing on 127.0.0.1:5432): PostgreSQL skipped.');
  }
  const markdown = table(results, loadBefore);
  console.log(`\n${markdown}\n`);
  writeDocSection('<!-- bench:load:start -->', '<!-- bench:load:end -->', markdown);
  const bad = results.flatMap((r) => r.classes.filter((c) => c.unexpected + c.errors + c.timeouts > 0).map((c) => `${r.engine} ${c.name}`));
  if (bad.length) throw new Error(`Errors, timeouts or unexpected statuses under the mixed load: ${bad.join('; ')}`);
}
