// Case-file benchmark (part of `npm run bench`; alone: `npm run bench -- --only=cases`): 100,000 cases and about
// 1,000,000 assistance records (bench/cases-seed.ts), then, as a case manager on 2,000 of their organisation's
// 90,000 cases, at 20 connections through a real listening server in this process:
// - GET /api/cases (the case list) with autocannon: target p99 ≤ 50 ms;
// - the case page, GET /api/cases/:id then GET /api/cases/:id/identity (identity decrypted, both reads audited),
//   with autocannon per request over 500 of the cases the user owns (owners hold the identity grant), and as whole pages (20 workers, one page after another,
//   the two requests in sequence: the conservative figure): target p99 ≤ 80 ms;
// - the decryption of one identity in isolation (µs per page).
// On PGlite, and on PostgreSQL when one answers. Writes its table into docs/performance.md between its markers.
import os from 'node:os';
import autocannon from 'autocannon';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/db.ts';
import { openIdentity } from '#server/features/cases/case-identity.service.ts';
import { createAccount } from '#tests/factories.ts';
import { measuredOn, onBothEngines, withBenchServer, type BenchServer } from './bench-server.ts';
import { CASES, seedCaseBench } from './cases-seed.ts';
import { publishTable } from './doc.ts';
import { signInWithTotp } from './sign-in.ts';

const CONNECTIONS = 20;
const DURATION_S = 10;
const WARM_UP_S = 3;
const LIST_TARGET_MS = 50;
const PAGE_TARGET_MS = 80;
const DECRYPT_ROUNDS = 5_000;
const START = '<!-- bench:cases:start -->';
const END = '<!-- bench:cases:end -->';

interface Figures {
  rps: number;
  p50: number;
  p99: number;
}

async function cannon(base: string, cookie: string, requests: autocannon.Request[]): Promise<Figures> {
  const options = { url: base, connections: CONNECTIONS, headers: { cookie }, requests };
  await autocannon({ ...options, duration: WARM_UP_S });
  const r = await autocannon({ ...options, duration: DURATION_S });
  if (r.non2xx + r.errors > 0) throw new Error(`${requests[0]?.path}: ${r.non2xx} non-2xx answers (${JSON.stringify(r.statusCodeStats)}), ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

/** Whole case pages: CONNECTIONS workers, each opening one page after another (case, then identity) for DURATION_S. */
async function pages(base: string, cookie: string, caseIds: string[]): Promise<Figures> {
  const times: number[] = [];
  const until = performance.now() + DURATION_S * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const id = caseIds[next++ % caseIds.length]!;
      const t0 = performance.now();
      for (const url of [`${base}/api/cases/${id}`, `${base}/api/cases/${id}/identity`]) {
        const res = await fetch(url, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url.replace(base, '')}: ${res.status}`);
      }
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { rps: times.length / DURATION_S, p50: at(0.5), p99: at(0.99) };
}

/** µs to open (decrypt) every field of one identity row, in a loop. */
async function decryptCost(db: Db, config: Config, caseId: string): Promise<number> {
  const row = await db.selectFrom('caseIdentity').selectAll().where('caseId', '=', caseId).executeTakeFirstOrThrow();
  for (let i = 0; i < 200; i++) openIdentity({ config }, row); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < DECRYPT_ROUNDS; i++) openIdentity({ config }, row);
  return ((performance.now() - t0) * 1000) / DECRYPT_ROUNDS;
}

const ms = (n: number) => n.toFixed(n < 10 ? 1 : 0);
const verdict = (p99: number, target: number) => `${ms(p99)} ${p99 <= target ? '✅' : '❌'}`;

type Account = Awaited<ReturnType<typeof createAccount>>;

/** The cases, and a case manager holding 2,000 of them: the account and 500 of the cases they own. */
async function plant(engine: string, db: Db, config: Config): Promise<{ account: Account; caseIds: string[] }> {
  let account: Account | undefined;
  const started = performance.now();
  await seedCaseBench(
    db,
    config,
    async (organisationId) => {
      account = await createAccount(db, { organisationId, roles: ['case_manager'], withTotp: true });
      return account.id;
    },
    (line) => console.log(`${engine}${line}`),
  );
  const seeded = await db.selectFrom('caseAssistance').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  console.log(`${engine}: ${CASES} cases, ${Number(seeded.n)} assistance records seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const mine = await db.selectFrom('caseMember').select('caseId').where('accountId', '=', account!.id).where('isOwner', '=', true).orderBy('caseId').limit(500).execute();
  return { account: account!, caseIds: mine.map((m) => m.caseId) };
}

async function measure({ engine, db, config, base }: BenchServer, { account, caseIds }: { account: Account; caseIds: string[] }): Promise<string[]> {
  const cookie = await signInWithTotp(base, account);
  const say = (what: string, f: Figures) => console.log(`${engine} ${what}: ${f.rps.toFixed(0)}/s, p50 ${ms(f.p50)} ms, p99 ${ms(f.p99)} ms`);
  const me = await cannon(base, cookie, [{ path: '/api/me' }]);
  say('GET /api/me', me);
  const list = await cannon(base, cookie, [{ path: '/api/cases' }]);
  say('GET /api/cases', list);
  const perRequest = await cannon(base, cookie, caseIds.flatMap((id) => [{ path: `/api/cases/${id}` }, { path: `/api/cases/${id}/identity` }]));
  say('case and identity, per request', perRequest);
  const page = await pages(base, cookie, caseIds);
  say('case page', page);
  const decryptUs = await decryptCost(db, config, caseIds[0]!);
  const rows = [
    `| ${engine} | GET /api/me (reference, same run) | ${me.rps.toFixed(0)} | ${ms(me.p50)} | ${ms(me.p99)} | — |`,
    `| ${engine} | GET /api/cases (50 of the user's 2,000 among 90,000) | ${list.rps.toFixed(0)} | ${ms(list.p50)} | ${verdict(list.p99, LIST_TARGET_MS)} | ${(list.p99 / Math.max(me.p99, 1)).toFixed(1)} × |`,
    `| ${engine} | GET /api/cases/:id and …/identity, per request | ${perRequest.rps.toFixed(0)} | ${ms(perRequest.p50)} | ${ms(perRequest.p99)} | ${(perRequest.p99 / Math.max(me.p99, 1)).toFixed(1)} × |`,
    `| ${engine} | case page: both in sequence, identity decrypted | ${page.rps.toFixed(0)} pages/s | ${ms(page.p50)} | ${verdict(page.p99, PAGE_TARGET_MS)} | ${(page.p99 / Math.max(me.p99, 1)).toFixed(1)} × |`,
    `| ${engine} | decryption of one identity (7 fields), in isolation | ${(1e6 / decryptUs).toFixed(0)} /s | ${decryptUs.toFixed(1)} µs | — | — |`,
  ];
  for (const r of rows) console.log(r);
  return rows;
}

const benchEngine = (engine: string, databaseUrl: string | undefined) => withBenchServer(engine, databaseUrl, (db, config) => plant(engine, db, config), measure);

/** Runs the case-file benchmark on both engines; returns the markdown table. */
export async function benchCases(): Promise<string> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const rows = await onBothEngines('pro_health_case_bench', benchEngine);
  const markdown = [
    measuredOn(`${CASES.toLocaleString('en')} cases, about 1,000,000 assistance records; autocannon, ${CONNECTIONS} connections, ${DURATION_S} s after a ${WARM_UP_S} s warm-up, load generator in the same process`, loadBefore),
    '',
    `| Engine | Route | req/s | p50 ms | p99 ms (targets: list ≤ ${LIST_TARGET_MS}, page ≤ ${PAGE_TARGET_MS}) | p99 vs /api/me |`,
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  return publishTable(START, END, markdown);
}

if (import.meta.main) {
  benchCases().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
