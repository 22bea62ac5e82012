// Event registration benchmark (part of `npm run bench`; alone: `npm run bench -- --only=events`): a 500-seat
// conference opening with 2,000 registration attempts at once (50 in flight at a time, each from its own address as
// through a reverse proxy) over HTTP to a real listening server in this process — on PGlite, and on PostgreSQL when
// one answers. Asserts exactly 500 confirmed, 1,500 waitlisted and seats_held = 500; reports registrations/s and p99.
// Writes its table into docs/performance.md between the events bench markers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import type { Deps } from '#server/context.ts';
import { openDatabase } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { plantEvent } from '#server/features/events/events.fixtures.ts';
import { createOrganisation } from '#tests/factories.ts';
import { postgresUrl, withFreshPostgres } from '#tests/fresh-postgres.ts';
import { DOC, writeDocSection } from './doc.ts';

const SEATS = 500;
const ATTEMPTS = 2000;
const CONCURRENCY = 50;
const TARGET_RPS_POSTGRES = 200;
const START = '<!-- bench:events:start -->';
const END = '<!-- bench:events:end -->';

interface Figures {
  rps: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** ATTEMPTS registrations, CONCURRENCY at a time; each a different person from a different address. */
async function registerAll(base: string, eventId: string): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= ATTEMPTS) return;
      const body = { fullName: `Bench Person ${i}`, email: `bench${i}@bench.example`, language: 'ro', answers: { profession: 'nurse', institution_type: 'hospital', country: 'RO' } };
      const started = performance.now();
      const res = await fetch(`${base}/api/events/${eventId}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: JSON.stringify(body),
      });
      await res.text();
      latencies.push(performance.now() - started);
      if (res.status !== 201) throw new Error(`registration ${i} answered ${res.status}`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return { rps: ATTEMPTS / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

async function benchEngine(engine: string, databaseUrl: string | undefined): Promise<string> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pro-health-events-bench-'));
  const handle = await openDatabase({ databaseUrl, dataDir: path.join(folder, 'data') });
  try {
    await migrateToLatest(handle.db);
    const organisation = await createOrganisation(handle.db);
    const event = await plantEvent(handle.db, { organisationId: organisation.id, type: 'conference', capacity: SEATS });
    const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DEMO_DATA: 'false', JOBS: 'false', DATA_DIR: folder, TRUST_PROXY: '1', HOST: '127.0.0.1' });
    const deps: Deps = { config, db: handle.db, engine: handle.engine, now: () => new Date(), mailer: { delivers: false, send: async () => undefined } };
    const app = await createApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const f = await registerAll(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, event.id);
      const counts = await handle.db.selectFrom('registration').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('eventId', '=', event.id).groupBy('status').execute();
      const by = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
      const held = (await handle.db.selectFrom('event').select('seatsHeld').where('id', '=', event.id).executeTakeFirstOrThrow()).seatsHeld;
      console.log(`${engine}: ${f.rps.toFixed(0)} registrations/s, p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms; ${JSON.stringify(by)}, seats_held ${held}`);
      if (by.confirmed !== SEATS || by.waitlisted !== ATTEMPTS - SEATS || held !== SEATS) throw new Error(`${engine}: overbooked or lost registrations: ${JSON.stringify(by)}, seats_held ${held}`);
      const target = engine === 'PostgreSQL' ? (f.rps >= TARGET_RPS_POSTGRES ? ' ✅' : ' ❌') : '';
      return `| ${engine} | ${f.rps.toFixed(0)}${target} | ${f.p50.toFixed(0)} | ${f.p99.toFixed(0)} | ${by.confirmed} / ${by.waitlisted} | ${held} ✅ |`;
    } finally {
      await app.close();
    }
  } finally {
    await handle.db.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs the registration benchmark on both engines; returns the markdown table. */
export async function benchEvents(): Promise<string> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const rows = [await benchEngine('PGlite', undefined)];
  const pg = await postgresUrl();
  if (pg) rows.push(await withFreshPostgres(pg, 'pro_health_events_bench', (url) => benchEngine('PostgreSQL', url)));
  // HOOK(check-in): the check-in part's "500 offline scans sync" bench lives in bench/check-in.ts and adds its own
  // section to docs/performance.md; run.ts calls it beside this one.
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; a ${SEATS}-seat conference, ${ATTEMPTS.toLocaleString('en')} registration attempts, ${CONCURRENCY} in flight, over HTTP on the same machine; load average ${loadBefore.toFixed(1)} before the run.`,
    '',
    `| Engine | registrations/s (target ≥ ${TARGET_RPS_POSTGRES} on PostgreSQL) | p50 ms | p99 ms | confirmed / waitlisted | seats_held (must be ${SEATS}) |`,
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  console.log(`\n${markdown}\n`);
  if (readFileSync(DOC, 'utf8').includes(START)) writeDocSection(START, END, markdown);
  return markdown;
}

if (import.meta.main) {
  benchEvents().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
