// HSDS benchmark (part of `npm run bench`; alone: `npx node bench/hsds.ts`): imports 10 batches of 1,000 services
// (HSDS JSON with organisations, locations, categories, areas, languages and schedules) through the import use case,
// timing each; then measures GET /hsds/services pages over the 10,000 services through a real listening server.
// PGlite, and PostgreSQL when one is configured or answers on :5432. Prints a markdown table (and writes it into
// docs/performance.md when that file has the hsds bench markers).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import type { Deps } from '#server/context.ts';
import { openDatabase } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { operatorCtx } from '#server/features/organisations/operator.service.ts';
import { importHsdsByOperator } from '#server/features/hsds/hsds-import.service.ts';
import { CATEGORY_TERM_IDS, SERVICE_CATEGORIES } from '#shared/directory/taxonomy.ts';
import { REGION_CODES } from '#shared/directory/regions.ts';
import { postgresUrl, withFreshPostgres } from '#tests/fresh-postgres.ts';
import { DOC, writeDocSection } from './doc.ts';

const BATCHES = 10;
const PER_BATCH = 1000;
const ROUNDS = 20;
const TARGET_PAGE_P95_MS = 30;
const TARGET_IMPORT_S = 5;
const START = '<!-- bench:hsds:start -->';
const END = '<!-- bench:hsds:end -->';

const hex = (n: number, width = 12) => n.toString(16).padStart(width, '0');
const WORDS = ['medical', 'counselling', 'shelter', 'legal', 'advice', 'clinic', 'support', 'women', 'children', 'return', 'interpreter', 'health', 'centre', 'help'];

/** One batch: 20 organisations, each with 50 services, each service at its own location. */
export function batch(b: number): unknown[] {
  const docs: unknown[] = [];
  for (let o = 0; o < PER_BATCH / 50; o++) {
    const orgId = `0000${hex(b, 4)}-0000-4000-8000-${hex(o)}`;
    docs.push({ id: orgId, name: `Bench organisation ${b}-${o}`, description: `An organisation that helps (${WORDS[o % WORDS.length]}).` });
    for (let s = 0; s < 50; s++) {
      const n = b * PER_BATCH + o * 50 + s;
      const category = SERVICE_CATEGORIES[n % SERVICE_CATEGORIES.length]!;
      docs.push({
        id: `1111${hex(b, 4)}-0000-4000-8000-${hex(n)}`,
        organization_id: orgId,
        name: `${WORDS[n % WORDS.length]} ${WORDS[(n * 7) % WORDS.length]} service ${n}`,
        description: `Plain words about service ${n}: ${WORDS.slice(0, 1 + (n % 8)).join(' ')}.`,
        status: 'active',
        email: `service${n}@example.org`,
        url: `https://example.org/services/${n}`,
        minimum_age: n % 3 === 0 ? 18 : undefined,
        phones: [{ id: `2222${hex(b, 4)}-0000-4000-8000-${hex(n)}`, number: `+40 21 ${String(n).padStart(6, '0')}` }],
        attributes: [{ id: `3333${hex(b, 4)}-0000-4000-8000-${hex(n)}`, taxonomy_term_id: CATEGORY_TERM_IDS[category] }],
        service_areas: [{ id: `4444${hex(b, 4)}-0000-4000-8000-${hex(n)}`, name: REGION_CODES[n % REGION_CODES.length] }],
        languages: [{ id: `5555${hex(b, 4)}-0000-4000-8000-${hex(n)}`, code: ['ro', 'en', 'nb', 'uk'][n % 4] }],
        schedules: [{ id: `6666${hex(b, 4)}-0000-4000-8000-${hex(n)}`, freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }],
        service_at_locations: [
          {
            id: `7777${hex(b, 4)}-0000-4000-8000-${hex(n)}`,
            location: {
              id: `8888${hex(b, 4)}-0000-4000-8000-${hex(n)}`,
              location_type: 'physical',
              name: `Place ${n}`,
              latitude: 44 + (n % 100) / 50,
              longitude: 22 + (n % 100) / 40,
              is_confidential: n % 25 === 0,
              addresses: [{ id: `9999${hex(b, 4)}-0000-4000-8000-${hex(n)}`, address_1: `Strada ${n}`, city: 'Oraș', state_province: '', postal_code: String(100000 + (n % 500)), country: 'RO', address_type: 'physical' }],
            },
          },
        ],
      });
    }
  }
  return docs;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** The /hsds/services queries a client makes: pages, filters alone and combined, full objects. */
function queries(organizationId: string): [string, string][] {
  return [
    ['page 1', '/hsds/services'],
    ['page 150', '/hsds/services?page=150'],
    ['per_page 100', '/hsds/services?per_page=100&page=7'],
    ['taxonomy_term_id', `/hsds/services?taxonomy_term_id=${CATEGORY_TERM_IDS.shelter}`],
    ['search', '/hsds/services?search=shelter%20women'],
    ['organization_id', `/hsds/services?organization_id=${organizationId}`],
    ['modified_after', '/hsds/services?modified_after=2020-01-01T00:00:00Z&page=3'],
    ['combined', `/hsds/services?search=help&taxonomy_term_id=${CATEGORY_TERM_IDS.legal}&modified_after=2020-01-01`],
    ['postcode', '/hsds/services?postcode=100042'],
    ['full=true', '/hsds/services?full=true&per_page=20'],
  ];
}

interface EngineFigures {
  engine: string;
  imports: number[];
  reimport: number;
  pages: { label: string; p50: number; p95: number }[];
  all: { p50: number; p95: number; p99: number; n: number; cpuP50: number; cpuP95: number };
}

async function measurePages(base: string, organizationId: string): Promise<Pick<EngineFigures, 'pages' | 'all'>> {
  const list = queries(organizationId);
  for (const [, url] of list) await fetch(base + url).then((r) => r.text()); // warm-up
  const byLabel = new Map<string, number[]>();
  const cpu: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, url] of list) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const res = await fetch(base + url, { headers: { 'accept-encoding': 'br, gzip' } });
      await res.text();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      byLabel.set(label, [...(byLabel.get(label) ?? []), performance.now() - started]);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  cpu.sort((a, b) => a - b);
  const pages = [...byLabel].map(([label, ms]) => {
    const sorted = ms.sort((a, b) => a - b);
    return { label, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  });
  const all = [...byLabel.values()].flat().sort((a, b) => a - b);
  return { pages, all: { p50: percentile(all, 50), p95: percentile(all, 95), p99: percentile(all, 99), n: all.length, cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95) } };
}

async function benchEngine(engine: string, databaseUrl: string | undefined): Promise<EngineFigures> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pro-health-hsds-bench-'));
  const handle = await openDatabase({ databaseUrl, dataDir: path.join(folder, 'data') });
  const db = handle.db;
  try {
    await migrateToLatest(db);
    const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DEMO_DATA: 'false', JOBS: 'false', DATA_DIR: folder });
    const imports: number[] = [];
    console.log(`\n## HSDS on ${engine}: importing ${BATCHES} × ${PER_BATCH} services…`);
    let first = '';
    for (let b = 0; b < BATCHES; b++) {
      const content = JSON.stringify(batch(b));
      first ||= content;
      const started = performance.now();
      const report = await importHsdsByOperator(operatorCtx({ db, config }), { format: 'json', fileName: `batch-${b}.json`, content, language: 'en', country: 'RO', dryRun: false });
      imports.push((performance.now() - started) / 1000);
      if (!report.imported) throw new Error(`batch ${b} not imported: ${JSON.stringify(report.problems.slice(0, 3))}`);
      console.log(`  batch ${b + 1}: ${imports.at(-1)!.toFixed(2)} s`);
    }
    const started = performance.now();
    await importHsdsByOperator(operatorCtx({ db, config }), { format: 'json', fileName: 'again.json', content: first, language: 'en', country: 'RO', dryRun: false });
    const reimport = (performance.now() - started) / 1000;
    await sql`analyze`.execute(db);
    const deps: Deps = { config, db, engine: handle.engine, now: () => new Date(), mailer: { delivers: false, send: async () => undefined } };
    const app = await createApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      return { engine, imports, reimport, ...(await measurePages(base, `00000003-0000-4000-8000-${hex(5)}`)) };
    } finally {
      await app.close();
    }
  } finally {
    await db.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

function table(results: EngineFigures[], load: number[]): string {
  const f = (n: number) => n.toFixed(1);
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const labels = results[0]?.pages.map((p) => p.label) ?? [];
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${load.map((l) => l.toFixed(1)).join(' / ')} at the start.`,
    `Import: ${BATCHES} HSDS JSON files of ${PER_BATCH} services (20 organisations, a location with an address, a category, a county, a language, a schedule and a phone per service; 1 in 25 places confidential), through the import use case (parse, schema checks, one transaction, search words). Then ${ROUNDS} rounds of ${labels.length} GET /hsds/services requests over the ${(BATCHES * PER_BATCH).toLocaleString('en')} services, one at a time, anonymous, 50 per page unless said, through a listening server in this process.`,
    '',
    `| Engine | import of 1,000 services, median (max) s (target < ${TARGET_IMPORT_S}) | re-import of 1,000 (all updates) s | /hsds/services p50 ms | p95 ms (target ≤ ${TARGET_PAGE_P95_MS}) | p99 ms | CPU ms p50 / p95 (this process; with PGlite the database too) |`,
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.engine} | ${f(median(r.imports))} (${f(Math.max(...r.imports))}) ${Math.max(...r.imports) < TARGET_IMPORT_S ? '✅' : '❌'} | ${f(r.reimport)} | ${f(r.all.p50)} | ${f(r.all.p95)} ${r.all.p95 <= TARGET_PAGE_P95_MS ? '✅' : '❌'} | ${f(r.all.p99)} | ${f(r.all.cpuP50)} / ${f(r.all.cpuP95)} |`,
    ),
    '',
    `| Query | ${results.map((r) => `${r.engine} p50 / p95 ms`).join(' | ')} |`,
    `|---|${results.map(() => '---').join('|')}|`,
    ...labels.map((label) => `| ${label} | ${results.map((r) => { const p = r.pages.find((x) => x.label === label)!; return `${f(p.p50)} / ${f(p.p95)}`; }).join(' | ')} |`),
  ].join('\n');
}

/** Runs the HSDS benchmark on both engines and returns the markdown table. */
export async function benchHsds(): Promise<string> {
  const load = os.loadavg();
  const results = [await benchEngine('PGlite', undefined)];
  const server = await postgresUrl();
  if (server) results.push(await withFreshPostgres(server, 'pro_health_hsds_bench', (url) => benchEngine('PostgreSQL', url)));
  else console.log('\nNo PostgreSQL server (DATABASE_URL unset, nothing on 127.0.0.1:5432): PostgreSQL skipped.');
  const markdown = table(results, load);
  console.log(`\n${markdown}\n`);
  if (readFileSync(DOC, 'utf8').includes(START)) {
    writeDocSection(START, END, markdown);
    console.log(`Written to ${path.relative(process.cwd(), DOC)}`);
  }
  return markdown;
}

if (import.meta.main) {
  benchHsds().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
