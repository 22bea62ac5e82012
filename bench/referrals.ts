// Referral inbox benchmark (part of `npm run bench`; alone: `npx node bench/referrals.ts`): 100,000 referrals between
// 10 organisations (10,000 incoming and 10,000 outgoing each), seeded with one INSERT … SELECT generate_series, then
// a case manager's GET /api/referrals (incoming box, overdue first) and GET /api/inbox (the home page's lines) under
// 50 connections, through a real listening server in this process — on PGlite, and on PostgreSQL when one answers.
// Prints a markdown table; writes it into docs/performance.md only where that file has the referral bench markers.
import os from 'node:os';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import { createAccount } from '#tests/factories.ts';
import { measuredOn, onBothEngines, withBenchServer, type BenchServer } from './bench-server.ts';
import { publishTable } from './doc.ts';
import { signInWithTotp } from './sign-in.ts';

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
  // NOTE: one statement: receiver g % n, sender (g + 3) % n; a spread of statuses, a fifth urgent, deadlines around now;
  // senders have looked at all but one in fifty since their last change.
  await sql`
    insert into referral (reference, sender_organisation_id, service_id, receiver_organisation_id, status, urgency, sent_at, due_at, created_at, updated_at, sender_seen_at)
    select 'B-' || g,
           (${orgIds}::uuid[])[1 + (g + 3) % ${ORGANISATIONS}],
           (${services}::uuid[])[1 + g % ${ORGANISATIONS}],
           (${orgIds}::uuid[])[1 + g % ${ORGANISATIONS}],
           (array['requested','received','accepted','in-progress','on-hold','completed','rejected','cancelled','failed','completed'])[1 + (g / ${ORGANISATIONS}) % 10],
           case when g % 5 = 0 then 'urgent' else 'routine' end,
           now() - (g % 2000) * interval '1 hour',
           now() - (g % 2000) * interval '1 hour' + interval '48 hours',
           now() - (g % 2000) * interval '1 hour',
           now() - (g % 1500) * interval '1 hour',
           case when g % 50 = 0 then null else now() end
    from generate_series(1, ${REFERRALS}) as g`.execute(db);
  await sql`analyze`.execute(db);
  return orgIds[0]!;
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

/** The referrals, and the time they took to seed; returns the first organisation (the case manager's). */
async function plant(engine: string, db: Db): Promise<string> {
  const started = performance.now();
  const organisationId = await seed(db);
  console.log(`${engine}: ${REFERRALS} referrals seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return organisationId;
}

async function measure({ engine, db, base }: BenchServer, organisationId: string): Promise<string[]> {
  const cookie = await signInWithTotp(base, await createAccount(db, { organisationId, roles: ['case_manager'], withTotp: true }));
  const rows: string[] = [];
  for (const [label, route] of [
    ['GET /api/me (reference: the lightest signed-in route, same run)', '/api/me'],
    ['GET /api/referrals?box=incoming (50 of 10,000, waiting first)', '/api/referrals?box=incoming'],
    ['GET /api/referrals?box=outgoing&status=requested', '/api/referrals?box=outgoing&status=requested'],
    ['GET /api/inbox (home page lines)', '/api/inbox'],
  ] as const) {
    const f = await load(`${base}${route}`, cookie);
    console.log(`${engine} ${label}: ${f.rps.toFixed(0)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, non-2xx/errors ${f.bad}`);
    if (f.bad > 0) throw new Error(`${label}: ${f.bad} non-2xx answers or errors`);
    rows.push(`| ${engine} | ${label} | ${f.rps.toFixed(0)} | ${f.p50} | ${f.p99} ${f.p99 <= TARGET_P99_MS ? '✅' : '❌'} |`);
  }
  return rows;
}

const benchEngine = (engine: string, databaseUrl: string | undefined) => withBenchServer(engine, databaseUrl, (db) => plant(engine, db), measure);

/** Runs the referral inbox benchmark on both engines; returns the markdown table. */
export async function benchReferrals(): Promise<string> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const rows = await onBothEngines('pro_health_referral_bench', benchEngine);
  const markdown = [
    measuredOn(`${REFERRALS.toLocaleString('en')} referrals among ${ORGANISATIONS} organisations; autocannon, ${CONNECTIONS} connections, ${DURATION_S} s after a ${WARM_UP_S} s warm-up`, loadBefore),
    '',
    `| Engine | Route | req/s | p50 ms | p99 ms (target ≤ ${TARGET_P99_MS}) |`,
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  return publishTable(START, END, markdown);
}

if (import.meta.main) {
  benchReferrals().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
