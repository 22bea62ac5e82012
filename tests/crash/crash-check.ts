// `npm run check:crash`: the real server under concurrent writes (section saves, sign-in failures, invitation
// accepts) is killed with SIGKILL at a seeded random moment, restarted on the same data, and every write it
// acknowledged must still be there, with a valid audit chain — on PGlite, then on PostgreSQL when one is available.
// Options: --seed=N (replay a run), --engine=pglite|postgres (one engine only).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freshDataDir, startServer, stopChild } from '#tests/e2e/server.ts';
import { postgresUrl, withFreshPostgres } from '#tests/fresh-postgres.ts';
import { addressPool, call, FAILURE_EMAILS, prepare, runLoad, signInWriters, type Acknowledged, type Sessions } from './crash-load.ts';
import { verifyAudit, verifyWrites, type Found } from './crash-verify.ts';

const ROUNDS = 3;
const KILL_AFTER_MS = { min: 2_500, spread: 4_000 };

/** mulberry32: the same kill moment for the same seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Where {
  engine: 'PGlite' | 'PostgreSQL';
  dataDir: string;
  databaseUrl?: string;
}

interface Round {
  killAfterMs: number;
  restartMs: number;
  ack: Acknowledged;
  found: Found;
  sessionsSurvived: boolean;
  audit: { code: number; output: string };
}

/** TRUST_PROXY=1: as behind one reverse proxy on this machine, so each simulated client can have its own address. */
function serverEnv(where: Where): Record<string, string> {
  return { TRUST_PROXY: '1', ...(where.databaseUrl ? { DATABASE_URL: where.databaseUrl } : {}) };
}

/** The CLI's environment: the parent's without settings that would point it elsewhere, plus this run's database. */
function cliEnv(where: Where): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !['DATABASE_URL', 'DATA_DIR', 'NODE_ENV'].includes(key) && !key.startsWith('VITEST')) env[key] = value;
  }
  return { ...env, DATA_DIR: where.dataDir, LOG_LEVEL: 'warn', ...(where.databaseUrl ? { DATABASE_URL: where.databaseUrl } : {}) };
}

/** ROUNDS times: load, SIGKILL, restart on the same data, stop, read everything back, verify the audit chain. */
async function crashEngine(where: Where, seed: number): Promise<Round[]> {
  // NOTE: an empty working directory: the server then neither builds nor serves the web app, which this check needs not.
  const cwd = mkdtempSync(path.join(tmpdir(), 'pro-health-crash-cwd-'));
  const start = (what: string) =>
    startServer({ cwd, dataDir: where.dataDir, env: serverEnv(where), readyTimeoutMs: 300_000 }).catch((error: unknown) => {
      throw new Error(`The server did not start ${what}: ${error instanceof Error ? error.message : String(error)}`);
    });
  const random = seededRandom(seed);
  const nextIp = addressPool();
  const children: ChildProcess[] = [];
  const rounds: Round[] = [];
  try {
    console.log(`\n## ${where.engine}: first start (migrations, demo data)…`);
    let server = await start('the first time');
    children.push(server.child);
    const sessions = await signInWriters(server.url, nextIp);
    for (let r = 1; r <= ROUNDS; r++) {
      if (r > 1) children.push((server = await start(`for round ${r}`)).child);
      const tag = `${seed}-${r}`;
      const prepared = await prepare(server.url, sessions, tag);
      const killAfterMs = Math.round(KILL_AFTER_MS.min + random() * KILL_AFTER_MS.spread);
      const killed = killAt(server.child, killAfterMs);
      const ack = await runLoad(server.url, tag, sessions, prepared, nextIp, killed.done);
      await killed.exited;
      if (!killed.byUs()) throw new Error(`The server exited by itself during the load (a finding):\n${server.output().slice(-3000)}`);
      const again = await start(`again after the kill in round ${r} (a finding)`);
      children.push(again.child);
      const sessionsSurvived = await stillSignedIn(again.url, sessions);
      await again.stop();
      // NOTE: cumulative: the writes acknowledged before earlier kills must survive this one too.
      const all = [...rounds.map((x) => x.ack), ack];
      const found = await verifyWrites(where, mergeAcks(all), sessions.organisationId, FAILURE_EMAILS);
      const audit = await verifyAudit(cliEnv(where));
      rounds.push({ killAfterMs, restartMs: again.readyAfterMs, ack, found, sessionsSurvived, audit });
      console.log(`round ${r}: SIGKILL after ${killAfterMs} ms; acknowledged ${ack.saves.length} saves, ${ack.failures.length} sign-in failures, ${ack.accepts.length} accepts; ${found.losses.length} losses so far; verify-audit exit ${audit.code}`);
    }
    return rounds;
  } finally {
    await Promise.all(children.map((child) => stopChild(child)));
    rmSync(cwd, { recursive: true, force: true });
  }
}

function mergeAcks(acks: Acknowledged[]): Acknowledged {
  return {
    saves: acks.flatMap((a) => a.saves),
    failures: acks.flatMap((a) => a.failures),
    accepts: acks.flatMap((a) => a.accepts),
    unanswered: acks.reduce((n, a) => n + a.unanswered, 0),
    unexpected: acks.flatMap((a) => a.unexpected),
  };
}

/**
 * SIGKILL after `ms`; `done()` turns true just before the signal (or when the server exits by itself), so requests
 * failing from then on count as cut off.
 */
function killAt(child: ChildProcess, ms: number): { done: () => boolean; byUs: () => boolean; exited: Promise<void> } {
  let stopped = false;
  let byUs = false;
  const timer = setTimeout(() => {
    stopped = byUs = true;
    child.kill('SIGKILL');
  }, ms);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      stopped = true;
      clearTimeout(timer);
      resolve();
    }),
  );
  return { done: () => stopped, byUs: () => byUs, exited };
}

async function stillSignedIn(base: string, sessions: Sessions): Promise<boolean> {
  const answers = await Promise.all([sessions.editorCookie, sessions.adminCookie].map((cookie) => call(base, 'GET', '/api/me', { cookie })));
  return answers.every((a) => a.status === 200);
}

function report(engine: string, rounds: Round[]): boolean {
  const sum = (f: (r: Round) => number) => rounds.reduce((n, r) => n + f(r), 0);
  const last = rounds.at(-1)!;
  const problems = rounds.flatMap((r, i) => [
    ...r.found.losses.map((loss) => `after kill ${i + 1}: ${loss}`),
    ...r.ack.unexpected.map((u) => `unexpected answer during the load: ${u}`),
    ...(r.sessionsSurvived ? [] : ['a session from before the kill is gone']),
    ...(r.audit.code === 0 ? [] : [`verify-audit failed: ${r.audit.output}`]),
    ...(r.ack.saves.length && r.ack.failures.length && r.ack.accepts.length ? [] : [`round ${i + 1}: a kind of write had nothing acknowledged`]),
  ]);
  const lines = [
    `${engine}: ${rounds.length} kills (after ${rounds.map((r) => r.killAfterMs).join(' / ')} ms of load), restarts ready in ${rounds.map((r) => (r.restartMs / 1000).toFixed(1)).join(' / ')} s; ${sum((r) => r.ack.unanswered)} requests cut off by the kills`,
    `  section saves       acknowledged ${sum((r) => r.ack.saves.length)}, found after the last restart ${last.found.saves} (revision with the saved text, audit row)`,
    `  sign-in failures    acknowledged ${sum((r) => r.ack.failures.length)}, found after the last restart ${last.found.failures} (audit row, rate-limit counter); lockout in force on ${last.found.locked}/${last.found.lockable} accounts with 5+ of them`,
    `  invitation accepts  acknowledged ${sum((r) => r.ack.accepts.length)}, found after the last restart ${last.found.accepts} (account, editor membership, invitation accepted, audit row)`,
    `  sessions from before the kills: ${rounds.every((r) => r.sessionsSurvived) ? 'still signed in' : 'LOST'}`,
    `  verify-audit: ${rounds.map((r) => `exit ${r.audit.code}`).join(', ')} — ${last.audit.output}`,
  ];
  console.log(`\n${lines.join('\n')}`);
  for (const p of problems.slice(0, 20)) console.log(`  ✗ ${p}`);
  if (problems.length > 20) console.log(`  … and ${problems.length - 20} more`);
  return problems.length === 0;
}

async function main(): Promise<void> {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const seed = Number(arg('seed') ?? Math.floor(Math.random() * 2 ** 31));
  const engine = arg('engine');
  console.log(`crash check, seed ${seed} (replay with --seed=${seed})`);
  const outcomes: [string, Round[]][] = [];
  if (!engine || engine === 'pglite') {
    const dataDir = freshDataDir('pro-health-crash-');
    try {
      outcomes.push(['PGlite', await crashEngine({ engine: 'PGlite', dataDir }, seed)]);
    } finally {
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  }
  const server = !engine || engine === 'postgres' ? await postgresUrl() : null;
  if (server) {
    const unused = freshDataDir('pro-health-crash-'); // NOTE: DATA_DIR is ignored when DATABASE_URL is set
    try {
      outcomes.push(['PostgreSQL', await withFreshPostgres(server, 'pro_health_crash', (url) => crashEngine({ engine: 'PostgreSQL', dataDir: unused, databaseUrl: url }, seed))]);
    } finally {
      rmSync(path.dirname(unused), { recursive: true, force: true });
    }
  } else if (engine !== 'pglite') {
    console.log('\nNo PostgreSQL server (DATABASE_URL unset, nothing on 127.0.0.1:5432): PostgreSQL skipped.');
  }
  const ok = outcomes.map(([name, rounds]) => report(name, rounds)).every(Boolean);
  console.log(ok ? '\ncrash check passed: nothing acknowledged was lost' : '\ncrash check FAILED');
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
