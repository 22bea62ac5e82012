// Certificate verification benchmark (alone: `npx node bench/certificates.ts`, or `npm run bench -- --only=certificates`):
// 200 issued certificates (a quarter revoked) on a fresh database, then one request at a time through a real
// listening server: GET /api/verify/:code (proof, status list, our record) and POST /api/verify/credential (a credential
// file). PGlite, then PostgreSQL when one answers. Writes its table into docs/performance.md.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import type { Deps } from '#server/context.ts';
import { openDatabase } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { issueAttendance } from '#server/features/certificates/certificate-issue.service.ts';
import { plantEvent, plantRegistration } from '#server/features/events/events.fixtures.ts';
import { createOrganisation } from '#tests/factories.ts';
import { postgresUrl, withFreshPostgres } from '#tests/fresh-postgres.ts';
import { writeDocSection } from './doc.ts';

const CERTIFICATES = 200;
const ROUNDS = 300;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function benchEngine(engine: string, databaseUrl: string | undefined): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-certificates-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', JOBS: 'false', DATA_DIR: dir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const handle = await openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    const db = handle.db;
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
    const rows = await db.selectFrom('certificate').select(['verificationCode', 'credential']).execute();
    const deps: Deps = { config, db, engine: handle.engine, now: () => new Date(), mailer: { delivers: false, send: async () => undefined } };
    const app = await createApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
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
    await app.close();
    return out;
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCertificates(): Promise<void> {
  const rows = await benchEngine('PGlite', undefined);
  const pg = await postgresUrl();
  if (pg) rows.push(...(await withFreshPostgres(pg, 'pro_health_certificate_bench', (url) => benchEngine('PostgreSQL', url))));
  const table = [
    `Certificate verification, ${CERTIFICATES} certificates (a quarter revoked), one request at a time (proof check with eddsa-rdfc-2022, status list, record), ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}:`,
    '',
    '| Engine | Request | n | p50 ms | p95 ms | p99 ms |',
    '|---|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  console.log(`\n${table}`);
  writeDocSection('<!-- bench:certificates:start -->', '<!-- bench:certificates:end -->', table);
}

if (import.meta.main) await benchCertificates();
