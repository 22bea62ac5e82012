// Certificate verification benchmark (alone: `npx node bench/certificates.ts`, or `npm run bench -- --only=certificates`):
// 200 issued certificates (a quarter revoked) on a fresh database, then one request at a time through a real
// listening server: GET /api/verify/:code (proof, status list, our record) and POST /api/verify/credential (a credential
// file). PGlite, then PostgreSQL when one answers. Writes its table into docs/performance.md.
import os from 'node:os';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/db.ts';
import { issueAttendance } from '#server/features/certificates/certificate-issue.service.ts';
import { plantEvent, plantRegistration } from '#server/features/events/events.fixtures.ts';
import { createOrganisation } from '#tests/factories.ts';
import { measuredOn, onBothEngines, withBenchServer } from './bench-server.ts';
import { writeDocSection } from './doc.ts';

const CERTIFICATES = 200;
const ROUNDS = 300;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Plants an ended event with CERTIFICATES checked-in registrations, each with its certificate; revokes a quarter. */
async function plant(db: Db, config: Config) {
  const organisation = await createOrganisation(db);
  const start = new Date(Date.now() - 3 * 86_400_000);
  const event = await plantEvent(db, { organisationId: organisation.id, startsAt: start, endsAt: new Date(start.getTime() + 8 * 3600_000), capacity: CERTIFICATES, registrationOpensAt: null, registrationClosesAt: null });
  const ctx = { db, actor: null, now: new Date(), log: { info() {}, error() {} } as never, ip: null, config };
  const ids: string[] = [];
  for (let i = 0; i < CERTIFICATES; i++) {
    const r = await plantRegistration(db, { eventId: event.id, fullName: `Participant ${i}`, checkedInAt: start });
    ids.push((await issueAttendance(ctx, { id: r.id }, { via: 'organiser' })).id);
  }
  await db.updateTable('certificate').set({ revokedAt: new Date(), revokedReason: 'bench' }).where('id', 'in', ids.filter((_, i) => i % 4 === 0)).execute();
  return db.selectFrom('certificate').select(['verificationCode', 'credential']).execute();
}

async function benchEngine(engine: string, databaseUrl: string | undefined): Promise<string[]> {
  return withBenchServer(engine, databaseUrl, plant, async ({ db, base }, rows) => {
    const cases: [string, (i: number) => Promise<Response>][] = [
      ['GET /api/verify/:code', (i) => fetch(`${base}/api/verify/${rows[i % rows.length]!.verificationCode}`)],
      ['POST /api/verify/credential', (i) => fetch(`${base}/api/verify/credential`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ credential: JSON.stringify(rows[i % rows.length]!.credential) }) })],
    ];
    const out: string[] = [];
    for (const [label, call] of cases) {
      const times: number[] = [];
      for (let i = 0; i < ROUNDS + 20; i++) {
        // NOTE: the per-address limit (120 a minute) would stop a benchmark; it is taken out of the measurement.
        if (i % 100 === 0) await db.deleteFrom('rateLimit').execute();
        const t0 = performance.now();
        const res = await call(i);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${label} answered ${res.status}`);
        if (i >= 20) times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      out.push(`| ${engine} | ${label} | ${times.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${percentile(times, 99).toFixed(1)} |`);
    }
    return out;
  });
}

export async function benchCertificates(): Promise<void> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const rows = await onBothEngines('pro_health_certificate_bench', benchEngine);
  const table = [
    measuredOn(`certificate verification, ${CERTIFICATES} certificates (a quarter revoked), one request at a time (proof check with eddsa-rdfc-2022, status list, record)`, loadBefore),
    '',
    '| Engine | Request | n | p50 ms | p95 ms | p99 ms |',
    '|---|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  console.log(`\n${table}`);
  writeDocSection('<!-- bench:certificates:start -->', '<!-- bench:certificates:end -->', table);
}

if (import.meta.main) await benchCertificates();
