// Directory search benchmark (part of `npm run bench`; alone: `npx node bench/directory.ts` or `npm run bench --
// --only=directory`). Seeds 10,000 approved services (1,000 organisations, a tenth with a confidential place) from the
// demo directory's words, indexes them through refreshSearchVectors, then measures GET /api/directory/services with
// representative words and filters through a real listening server in this process: PGlite, then PostgreSQL when one
// answers. Target: p95 ≤ 20 ms. Prints a markdown table (the figures go into docs/performance.md by hand).
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import type { Deps } from '#server/context.ts';
import { openDatabase, type Db } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { refreshSearchVectors } from '#server/features/directory/directory-search-text.ts';
import { DEMO_DIRECTORY } from '#server/features/directory/directory-demo.ts';
import { SERVICE_CATEGORIES } from '#shared/directory/taxonomy.ts';
import { REGION_CODES } from '#shared/directory/regions.ts';
import { postgresUrl, withFreshPostgres } from '#tests/fresh-postgres.ts';

const ORGANIZATIONS = 1_000;
const PER_ORGANIZATION = 10;
const ROUNDS = 30;
const TARGET_P95_MS = 20;

/** Words and filters a referrer would use: none, words only, filters only, both, a deep page. */
const QUERIES: Record<string, string>[] = [
  {},
  { q: 'adapost' },
  { q: 'tolk', lang: 'nb' },
  { q: 'consiliere medicala', lang: 'ro' },
  { category: 'shelter', region: 'RO-B' },
  { country: 'NO', accepting: 'true' },
  { language: 'en', age: '30', free: 'true' },
  { q: 'sanatate', category: 'medical', region: 'RO-CJ', accepting: 'true' },
  { category: 'child-protection', age: '12', country: 'RO' },
  { country: 'RO', page: '40' },
];

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261206);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const some = <T>(items: readonly T[], most: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * most) }, () => pick(items)))];

const SERVICES = DEMO_DIRECTORY.flatMap((l) => l.services);
const NAMES = DEMO_DIRECTORY.map((l) => l.name);

export async function seed(db: Db): Promise<{ services: number; ms: number }> {
  const started = performance.now();
  let services = 0;
  for (let o = 0; o < ORGANIZATIONS; o++) {
    const country = o % 5 === 0 ? 'NO' : 'RO';
    const regions = REGION_CODES.filter((r) => r.startsWith(country));
    await db.transaction().execute(async (trx) => {
      const organization = await trx.insertInto('directoryOrganization').values({ name: `${pick(NAMES)} ${o + 1}`, descriptions: '{}', country }).returning('id').executeTakeFirstOrThrow();
      const place = await trx
        .insertInto('directoryLocation')
        .values({ directoryOrganizationId: organization.id, name: 'Sediu', city: 'Oraș', region: pick(regions), country, isConfidential: o % 10 === 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = await trx
        .insertInto('directoryService')
        .values(
          Array.from({ length: PER_ORGANIZATION }, () => {
            const model = pick(SERVICES);
            const min = random() < 0.5 ? 18 : null;
            return {
              directoryOrganizationId: organization.id,
              name: `${model.name} ${Math.floor(random() * 1000)}`,
              summaries: JSON.stringify(model.summaries),
              reviewStatus: 'approved',
              phone: model.phone,
              categories: JSON.stringify(some(SERVICE_CATEGORIES, 2)),
              languages: JSON.stringify(some(['ro', 'en', 'nb', 'hu', 'uk', 'ru', 'ar'], 3)),
              serviceAreas: JSON.stringify(some(regions, 4)),
              minimumAge: min,
              maximumAge: min === null && random() < 0.3 ? 17 : null,
              sexes: '[]',
              requiredDocuments: '[]',
              isFree: random() < 0.85,
              schedules: '[]',
              acceptingReferrals: random() < 0.6,
              assuredDate: random() < 0.8 ? new Date(Date.now() - random() * 300 * 86_400_000).toISOString().slice(0, 10) : null,
            };
          }),
        )
        .returning('id')
        .execute();
      await trx.insertInto('directoryServiceLocation').values(rows.map((r) => ({ serviceId: r.id, locationId: place.id }))).execute();
      services += rows.length;
    });
  }
  await refreshSearchVectors(db);
  return { services, ms: performance.now() - started };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  cpuP50: number;
  cpuP95: number;
  requests: number;
  slowest: string;
  empty: number;
}

async function measure(base: string): Promise<Figures> {
  const cpuTimes: number[] = [];
  const time = async (query: Record<string, string>) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const res = await fetch(`${base}/api/directory/services?${new URLSearchParams(query)}`);
    const body = (await res.json()) as { total: number };
    if (res.status !== 200) throw new Error(`directory search ${JSON.stringify(query)} answered ${res.status}`);
    const used = process.cpuUsage(cpu);
    // NOTE: CPU time of this process (server, embedded database, client): on a busy machine it moves less than wall time.
    cpuTimes.push((used.user + used.system) / 1000);
    return { ms: performance.now() - started, total: body.total };
  };
  for (const q of QUERIES) await time(q); // warm-up
  cpuTimes.length = 0;
  const all: number[] = [];
  const perQuery = new Map<string, number[]>();
  let empty = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of QUERIES) {
      const { ms, total } = await time(q);
      all.push(ms);
      if (total === 0) empty++;
      perQuery.set(JSON.stringify(q), [...(perQuery.get(JSON.stringify(q)) ?? []), ms]);
    }
  }
  const sorted = all.sort((a, b) => a - b);
  const medians = [...perQuery].map(([k, v]) => [k, v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!] as const).sort((a, b) => b[1] - a[1]);
  const cpu = cpuTimes.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1)!, cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95), requests: sorted.length, slowest: medians.slice(0, 3).map(([k, ms]) => `${k} ${ms.toFixed(1)} ms`).join('; '), empty };
}

async function benchEngine(engine: string, databaseUrl: string | undefined): Promise<string> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pro-health-directory-bench-'));
  const handle = await openDatabase({ databaseUrl, dataDir: path.join(folder, 'data') });
  try {
    await migrateToLatest(handle.db);
    console.log(`\n## Directory search, ${engine}: seeding ${ORGANIZATIONS * PER_ORGANIZATION} services…`);
    const corpus = await seed(handle.db);
    // NOTE: vacuum as autovacuum would on a live server: index-only scans need the visibility map.
    await sql`vacuum analyze`.execute(handle.db);
    const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DEMO_DATA: 'false', JOBS: 'false', DATA_DIR: folder });
    const deps: Deps = { config, db: handle.db, engine: handle.engine, now: () => new Date(), mailer: { delivers: false, send: async () => undefined } };
    const app = await createApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const r = await measure(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
      const f = (n: number) => n.toFixed(1);
      return `| ${engine} | ${corpus.services.toLocaleString('en')} (seeded in ${(corpus.ms / 1000).toFixed(0)} s) | ${r.requests} | ${f(r.p50)} | ${f(r.p95)} ${r.p95 <= TARGET_P95_MS ? '✅' : '❌'} | ${f(r.p99)} | ${f(r.max)} | ${f(r.cpuP50)} / ${f(r.cpuP95)} | ${r.empty} | ${r.slowest} |`;
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs the directory benchmark on both engines (PostgreSQL when one answers); returns the markdown table. */
export async function benchDirectory(): Promise<string> {
  const load = os.loadavg();
  const rows = [await benchEngine('PGlite', undefined)];
  const server = await postgresUrl();
  if (server) rows.push(await withFreshPostgres(server, 'pro_health_directory_bench', (url) => benchEngine('PostgreSQL', url)));
  else console.log('No PostgreSQL server answered: PostgreSQL skipped.');
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${load.map((l) => l.toFixed(1)).join(' / ')} at the start.`,
    `Requests: ${ROUNDS} rounds of ${QUERIES.length} anonymous searches (no filter, words, filters, both, page 40), one at a time, through fetch() in the same process.`,
    '',
    `| Engine | Services | Requests | p50 ms | p95 ms (target ≤ ${TARGET_P95_MS}) | p99 ms | max ms | CPU ms p50 / p95 | empty answers | slowest (median) |`,
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  console.log(`\n${markdown}\n`);
  return markdown;
}

if (import.meta.main) {
  benchDirectory().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
