// Referral inbox benchmark (part of `npm run bench`; alone: `npx node bench/referrals.ts`): 100,000 referrals between
// 10 organisations (10,000 incoming and 10,000 outgoing each), seeded with one INSERT … SELECT generate_series, then
// a case manager's GET /api/referrals (incoming box, overdue first) and GET /api/inbox (the home page's lines) under
// 50 connections, through a real listening server in this process — on PGlite, and on PostgreSQL when one answers.
// Prints a markdown table; writes it into docs/performance.md only where that file has the referral bench markers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { generate } from 'otplib';
import { createApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import type { Deps } from '#server/context.ts';
import { openDatabase, type Db } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { createAccount } from '#tests/factories.ts';
import { postgresUrl, withFreshPostgres } from '#tests/fresh-postgres.ts';
import { DOC, writeDocSection } from './doc.ts';

const REFERRALS = 100_000;
const ORGANISATIONS = 10;
const CONNECTIONS = 50;
const DURATION_S = 10;
const WARM_UP_S = 3;
const TARGET_P99_MS = 50;
const START = '<!-- bench:referrals:start -->';
const END = '<!-- bench:referrals:end -->';

async function seed(db: Db): Promise<string> {
  const orgs = await db
    .insertInto('organisation')
    .values(Array.from({ length: ORGANISATIONS }, (_, i) => ({ name: `Bench organisation ${i + 1}`, type: 'NGO', country: 'RO' })))
    .returning('id')
    .execute();
  const services: string[] = [];
  for (const org of orgs) {
    const dir = await db.insertInto('directoryOrganization').values({ organisationId: org.id, name: 'Bench listing', descriptions: '{}', country: 'RO', updatedAt: new Date() }).returning('id').executeTakeFirstOrThrow();
    const service = await db
      .insertInto('directoryService')
      .values({ directoryOrganizationId: dir.id, name: 'Bench service', summaries: '{}', reviewStatus: 'approved', acceptingReferrals: true, categories: '[]', languages: '[]', serviceAreas: '[]', sexes: '[]', requiredDocuments: '[]', schedules: '[]', updatedAt: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    services.push(service.id);
  }
  const orgIds = orgs.map((o) => o.id);
  // NOTE: one statement: receiver g % n, sender (g + 3) % n; a spread of statuses, a fifth urgent, deadlines around now.
  await sql`
    insert into referral (reference, sender_organisation_id, service_id, receiver_organisation_id, status, urgency, sent_at, due_at, created_at, updated_at)
    select 'B-' || g,
           (${orgIds}::uuid[])[1 + (g + 3) % ${ORGANISATIONS}],
           (${services}::uuid[])[1 + g % ${ORGANISATIONS}],
           (${orgIds}::uuid[])[1 + g % ${ORGANISATIONS}],
           (array['requested','received','accepted','in-progress','on-hold','completed','rejected','cancelled','failed','completed'])[1 + (g / ${ORGANISATIONS}) % 10],
           case when g % 5 = 0 then 'urgent' else 'routine' end,
           now() - (g % 2000) * interval '1 hour',
           now() - (g % 2000) * interval '1 hour' + interval '48 hours',
           now() - (g % 2000) * interval '1 hour',
           now() - (g % 1500) * interval '1 hour'
    from generate_series(1, ${REFERRALS}) as g`.execute(db);
  await sql`analyze`.execute(db);
  return orgIds[0]!;
}

async function caseManagerCookie(db: Db, base: string, organisationId: string): Promise<string> {
  const account = await createAccount(db, { organisationId, roles: ['case_manager'], withTotp: true });
  const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }) });
  const half = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('ph_session='))!;
  const code = await generate({ secret: account.totpSecret! });
  const totp = await fetch(`${base}/api/auth/totp`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: half }, body: JSON.stringify({ code }) });
  if (totp.status !== 200) throw new Error(`two-factor step failed: ${totp.status}`);
  return totp.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('ph_session='))!;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  bad: number;
}

async function load(url: string, cookie: string): Promise<Figures> {
  await autocannon({ url, connections: CONNECTIONS, duration: WARM_UP_S, headers: { cookie } });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers: { cookie } });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors };
}

async function benchEngine(engine: string, databaseUrl: string | undefined): Promise<string[]> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pro-health-referral-bench-'));
  const handle = await openDatabase({ databaseUrl, dataDir: path.join(folder, 'data') });
  try {
    await migrateToLatest(handle.db);
    const started = performance.now();
    const organisationId = await seed(handle.db);
    console.log(`${engine}: ${REFERRALS} referrals seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DEMO_DATA: 'false', JOBS: 'false', DATA_DIR: folder });
    const deps: Deps = { config, db: handle.db, engine: handle.engine, now: () => new Date(), mailer: { delivers: false, send: async () => undefined } };
    const app = await createApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const cookie = await caseManagerCookie(handle.db, base, organisationId);
      const rows: string[] = [];
      for (const [label, route] of [
        ['GET /api/referrals?box=incoming (200 of 10,000, overdue first)', '/api/referrals?box=incoming'],
        ['GET /api/referrals?box=outgoing&status=requested', '/api/referrals?box=outgoing&status=requested'],
        ['GET /api/inbox (home page lines)', '/api/inbox'],
      ] as const) {
        const f = await load(`${base}${route}`, cookie);
        console.log(`${engine} ${label}: ${f.rps.toFixed(0)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, non-2xx/errors ${f.bad}`);
        if (f.bad > 0) throw new Error(`${label}: ${f.bad} non-2xx answers or errors`);
        rows.push(`| ${engine} | ${label} | ${f.rps.toFixed(0)} | ${f.p50} | ${f.p99} ${f.p99 <= TARGET_P99_MS ? '✅' : '❌'} |`);
      }
      return rows;
    } finally {
      await app.close();
    }
  } finally {
    await handle.db.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs the referral inbox benchmark on both engines; returns the markdown table. */
export async function benchReferrals(): Promise<string> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const rows = await benchEngine('PGlite', undefined);
  const pg = await postgresUrl();
  if (pg) rows.push(...(await withFreshPostgres(pg, 'pro_health_referral_bench', (url) => benchEngine('PostgreSQL', url))));
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; ${REFERRALS.toLocaleString('en')} referrals among ${ORGANISATIONS} organisations; autocannon, ${CONNECTIONS} connections, ${DURATION_S} s after a ${WARM_UP_S} s warm-up; load average ${loadBefore.toFixed(1)} before the run.`,
    '',
    `| Engine | Route | req/s | p50 ms | p99 ms (target ≤ ${TARGET_P99_MS}) |`,
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  console.log(`\n${markdown}\n`);
  if (readFileSync(DOC, 'utf8').includes(START)) writeDocSection(START, END, markdown);
  return markdown;
}

if (import.meta.main) {
  benchReferrals().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
