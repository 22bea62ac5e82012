// Event registration benchmark (part of `npm run bench`; alone: `npm run bench -- --only=events`): a 500-seat
// conference opening with 2,000 registration attempts at once (50 in flight at a time, each from its own address as
// through a reverse proxy) over HTTP to a real listening server in this process — on PGlite, and on PostgreSQL when
// one answers. Asserts exactly 500 confirmed, 1,500 waitlisted and seats_held = 500; reports registrations/s and p99.
// Writes its table into docs/performance.md between the events bench markers.
import os from 'node:os';
import type { Db } from '#server/db/db.ts';
import { plantEvent } from '#server/features/events/events.fixtures.ts';
import { createOrganisation } from '#tests/factories.ts';
import { measuredOn, onBothEngines, withBenchServer } from './bench-server.ts';
import { publishTable } from './doc.ts';

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

async function benchEngine(engine: string, databaseUrl: string | undefined): Promise<string[]> {
  const plant = async (db: Db) => plantEvent(db, { organisationId: (await createOrganisation(db)).id, type: 'conference', capacity: SEATS });
  return withBenchServer(engine, databaseUrl, plant, async ({ db, base }, event) => {
    const f = await registerAll(base, event.id);
    const counts = await db.selectFrom('registration').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('eventId', '=', event.id).groupBy('status').execute();
    const by = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
    const held = (await db.selectFrom('event').select('seatsHeld').where('id', '=', event.id).executeTakeFirstOrThrow()).seatsHeld;
    console.log(`${engine}: ${f.rps.toFixed(0)} registrations/s, p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms; ${JSON.stringify(by)}, seats_held ${held}`);
    if (by.confirmed !== SEATS || by.waitlisted !== ATTEMPTS - SEATS || held !== SEATS) throw new Error(`${engine}: overbooked or lost registrations: ${JSON.stringify(by)}, seats_held ${held}`);
    const target = engine === 'PostgreSQL' ? (f.rps >= TARGET_RPS_POSTGRES ? ' ✅' : ' ❌') : '';
    return [`| ${engine} | ${f.rps.toFixed(0)}${target} | ${f.p50.toFixed(0)} | ${f.p99.toFixed(0)} | ${by.confirmed} / ${by.waitlisted} | ${held} ✅ |`];
  });
}

/** Runs the registration benchmark on both engines; returns the markdown table. */
export async function benchEvents(): Promise<string> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const rows = await onBothEngines('pro_health_events_bench', benchEngine);
  const markdown = [
    measuredOn(`a ${SEATS}-seat conference, ${ATTEMPTS.toLocaleString('en')} registration attempts, ${CONCURRENCY} in flight, over HTTP on the same machine`, loadBefore),
    '',
    `| Engine | registrations/s (target ≥ ${TARGET_RPS_POSTGRES} on PostgreSQL) | p50 ms | p99 ms | confirmed / waitlisted | seats_held (must be ${SEATS}) |`,
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  return publishTable(START, END, markdown);
}

if (import.meta.main) {
  benchEvents().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
