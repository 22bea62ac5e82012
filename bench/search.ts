// Library search benchmark (part of `npm run bench`; alone: `npx node bench/search.ts`). Generates 10,000 sections per
// language from the real content's paragraphs and words, indexes them on a fresh PGlite through indexSectionText, then
// measures GET /api/library/search (snippets included) through a real listening HTTP server in this process.
// Prints a markdown table and writes it into docs/performance.md between the search bench markers.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import type { Ctx, Deps } from '#server/context.ts';
import { openDatabase, type Db } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { parseChapterFile } from '#server/features/library/content-files.ts';
import { indexSectionText } from '#server/features/search/search-index.service.ts';
import { searchLibrary } from '#server/features/search/search.service.ts';
import { DOC, writeDocSection } from './doc.ts';

const LANGUAGES = ['en', 'ro', 'nb'] as const;
type Lang = (typeof LANGUAGES)[number];
const PUBLICATIONS = 2;
const CHAPTERS = 50; // per publication
const SECTIONS = 100; // per chapter: 2 × 50 × 100 = 10,000 sections, each in three languages
const ROUNDS = 20;
const TARGET_P95_MS = 15;
const START = '<!-- bench:search:start -->';
const END = '<!-- bench:search:end -->';

/** Per language: whole words, without diacritics, two words, a phrase, words being typed, typos. */
const QUERIES: Record<Lang, string[]> = {
  en: ['interpreter', 'trafficking', 'consent', 'child protection', '"forced labour"', 'documentation', 'interpre', 'referral pathw', 'traficing', 'confidentiality'],
  ro: ['victima', 'traficanti', 'consimțământ', 'protectia copilului', 'exploatare', 'munca fortata', 'interpr', 'documentare', 'referire', 'trafcanti'],
  nb: ['menneskehandel', 'tolk', 'samtykke', 'barnevern', 'tvangsarbeid', 'utnyttelse', 'menneskehan', 'taushetsplikt', 'henvisning', 'menneskhandel'],
};

// ---- corpus ---------------------------------------------------------------------------------------------------------

interface Pool {
  titles: string[];
  blocks: string[];
  words: string[];
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261128);
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
const shuffle = <T>(items: T[]): T[] => {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};

/** Every section title, Markdown block (paragraph, list, table, quote) and word of the real content in one language. */
function loadPool(lang: Lang): Pool {
  const pool: Pool = { titles: [], blocks: [], words: [] };
  for (const publication of ['manual', 'guide']) {
    const dir = path.resolve('content', publication, lang);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      for (const section of parseChapterFile(readFileSync(path.join(dir, file), 'utf8'), file).sections) {
        pool.titles.push(section.title);
        pool.blocks.push(...section.bodyMd.split(/\n{2,}/).filter((b) => b.trim() && !b.startsWith('#')));
      }
    }
  }
  pool.words = pool.blocks.join(' ').match(/\p{L}{3,}/gu) ?? [];
  return pool;
}

/** A section with realistic text statistics: real blocks, half of the plain paragraphs with their words shuffled. */
function synthesise(pool: Pool): { title: string; bodyMd: string } {
  const blocks = Array.from({ length: 4 + Math.floor(random() * 5) }, () => {
    const block = pick(pool.blocks);
    const isPlain = /^\p{L}/u.test(block);
    return isPlain && random() < 0.5 ? shuffle(block.split(/\s+/)).join(' ') : block;
  });
  if (random() < 0.4) blocks.splice(1 + Math.floor(random() * (blocks.length - 1)), 0, `### ${pick(pool.titles)}`);
  const title = random() < 0.5 ? pick(pool.titles) : `${pick(pool.titles)}: ${pick(pool.words)}`;
  return { title, bodyMd: blocks.join('\n\n') };
}

async function generate(db: Db, pools: Record<Lang, Pool>): Promise<{ texts: number; ms: number }> {
  const started = performance.now();
  const org = await db.insertInto('organisation').values({ name: 'Bench', type: 'NGO', country: 'RO' }).returning('id').executeTakeFirstOrThrow();
  let texts = 0;
  for (let p = 0; p < PUBLICATIONS; p++) {
    const pub = await db
      .insertInto('publication')
      .values({ slug: `bench-${p + 1}`, organisationId: org.id, titles: { en: `Bench ${p + 1}` }, position: p })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let c = 0; c < CHAPTERS; c++) {
      // NOTE: one transaction per chapter (100 sections × 3 languages), as an import would batch it.
      texts += await db.transaction().execute((trx) => generateChapter(trx, pools, pub.id, c));
      if (c % 10 === 9) console.log(`  publication ${p + 1}: ${c + 1}/${CHAPTERS} chapters, ${texts} texts, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  return { texts, ms: performance.now() - started };
}

async function generateChapter(trx: Db, pools: Record<Lang, Pool>, publicationId: string, c: number): Promise<number> {
  const chapter = await trx
    .insertInto('chapter')
    .values({ publicationId, slug: `chapter-${c + 1}`, position: c + 1, audience: c % 10 === 9 ? 'professionals' : 'public', titles: { en: `Chapter ${c + 1}`, ro: `Capitolul ${c + 1}`, nb: `Kapittel ${c + 1}` }, summaries: {} })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sections = await trx
    .insertInto('section')
    .values(Array.from({ length: SECTIONS }, (_, s) => ({ chapterId: chapter.id, slug: `section-${s + 1}`, position: s + 1 })))
    .returning('id')
    .execute();
  const revisions = await trx
    .insertInto('sectionRevision')
    .values(sections.flatMap(({ id }) => LANGUAGES.map((language) => ({ sectionId: id, language, number: 1, ...synthesise(pools[language]) }))))
    .returning(['id', 'sectionId', 'language'])
    .execute();
  await trx
    .insertInto('sectionText')
    .values(revisions.map((r) => ({ sectionId: r.sectionId, language: r.language, state: 'published', currentRevisionId: r.id, publishedRevisionId: r.id, publishedAt: new Date() })))
    .execute();
  for (const r of revisions) await indexSectionText(trx, { sectionId: r.sectionId, language: r.language, revisionId: r.id });
  return revisions.length;
}

// ---- measuring ------------------------------------------------------------------------------------------------------

interface Figures {
  label: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  cpuP50: number;
  cpuP95: number;
  empty: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function figures(label: string, samples: Sample[]): Figures {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const cpu = samples.map((s) => s.cpuMs).sort((a, b) => a - b);
  return {
    label,
    requests: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1)!,
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
    empty: samples.filter((s) => s.results === 0).length,
  };
}

interface Sample {
  ms: number;
  /** CPU time of this process (server, embedded database and client) during the request. */
  cpuMs: number;
  results: number;
}

async function timeQuery(base: string, lang: Lang, q: string): Promise<Sample> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const res = await fetch(`${base}/api/library/search?${new URLSearchParams({ q, lang, limit: '10' })}`);
  const body = (await res.json()) as { results: { snippetHtml: string }[] };
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  if (res.status !== 200) throw new Error(`search ${lang} "${q}" answered ${res.status}`);
  return { ms, cpuMs, results: body.results.length };
}

async function measure(base: string): Promise<{ all: Figures; byLanguage: Figures[]; slowest: string[] }> {
  const all: Sample[] = [];
  const byLanguage: Figures[] = [];
  const perQuery = new Map<string, number[]>();
  for (const lang of LANGUAGES) for (const q of QUERIES[lang]) await timeQuery(base, lang, q); // warm-up
  for (const lang of LANGUAGES) {
    const samples: Sample[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of QUERIES[lang]) {
        const sample = await timeQuery(base, lang, q);
        samples.push(sample);
        perQuery.set(`${lang} "${q}"`, [...(perQuery.get(`${lang} "${q}"`) ?? []), sample.ms]);
      }
    }
    byLanguage.push(figures(lang, samples));
    all.push(...samples);
  }
  const medians = [...perQuery].map(([k, v]) => [k, v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!] as const);
  const slowest = medians.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, ms]) => `${k} ${ms.toFixed(1)} ms`);
  return { all: figures('all', all), byLanguage, slowest };
}

/** The same query mix through the service alone (no HTTP, no JSON): what the database and the service cost. */
async function serviceOnlyMs(db: Db): Promise<number> {
  const times: number[] = [];
  for (const lang of LANGUAGES) {
    for (const q of QUERIES[lang]) {
      const started = performance.now();
      await searchLibrary({ db, actor: null } as unknown as Ctx, { q, lang, limit: 10 });
      times.push(performance.now() - started);
    }
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

// ---- report ---------------------------------------------------------------------------------------------------------

function report(corpus: { texts: number; ms: number }, result: Awaited<ReturnType<typeof measure>>, serviceMs: number, load: number[], engine: string): string {
  const f = (n: number) => n.toFixed(1);
  const row = (r: Figures) =>
    `| ${r.label} | ${r.requests} | ${f(r.p50)} | ${f(r.p95)}${r.label === 'all' ? (r.p95 <= TARGET_P95_MS ? ' ✅' : ' ❌') : ''} | ${f(r.p99)} | ${f(r.max)} | ${f(r.cpuP50)} / ${f(r.cpuP95)} | ${r.empty} |`;
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${engine === 'postgres' ? 'PostgreSQL (CPU ms: this process only, not the server)' : 'PGlite'}, load average ${load.map((l) => l.toFixed(1)).join(' / ')} at the start.`,
    `Corpus: ${corpus.texts.toLocaleString('en')} published section texts (${(corpus.texts / 3).toLocaleString('en')} sections × en, ro, nb), indexed through indexSectionText${Number.isNaN(corpus.ms) ? ' (reused from an earlier run)' : ` in ${(corpus.ms / 1000).toFixed(0)} s`}.`,
    `Requests: ${ROUNDS} rounds of ${QUERIES.en.length} queries per language, one at a time, anonymous, limit 10, snippets included; the client is fetch() in the same process.`,
    '',
    '| Language | Requests | p50 ms | p95 ms (target ≤ 15) | p99 ms | max ms | CPU ms p50 / p95 | empty answers |',
    '|---|---|---|---|---|---|---|---|',
    ...result.byLanguage.map(row),
    row(result.all),
    '',
    `The same 30 queries through searchLibrary() alone, without HTTP: median ${f(serviceMs)} ms. Slowest queries (median over HTTP): ${result.slowest.join('; ')}.`,
  ].join('\n');
}


/** Runs the search benchmark and writes its figures; returns the markdown table. */
export async function benchSearch(options: { keep?: string } = {}): Promise<string> {
  const load = os.loadavg();
  // NOTE: --keep=DIR (when run alone) keeps the generated database in DIR and reuses it on the next run.
  const folder = options.keep ?? mkdtempSync(path.join(os.tmpdir(), 'pro-health-search-bench-'));
  // NOTE: with DATABASE_URL the corpus is made in (and reused from) that PostgreSQL database instead of PGlite.
  const databaseUrl = process.env.DATABASE_URL;
  const handle = await openDatabase({ databaseUrl, dataDir: path.join(folder, 'data') });
  const db = handle.db;
  try {
    await migrateToLatest(db);
    console.log('\n## Library search: generating and indexing the corpus…');
    const pools = Object.fromEntries(LANGUAGES.map((l) => [l, loadPool(l)])) as Record<Lang, Pool>;
    const texts = async () => Number((await sql<{ n: number }>`select count(*)::int as n from section_search`.execute(db)).rows[0]!.n);
    const reuse = databaseUrl ? (await texts()) > 0 : options.keep !== undefined && existsSync(path.join(folder, 'data', 'PG_VERSION'));
    const corpus = reuse ? { texts: await texts(), ms: NaN } : await generate(db, pools);
    await sql`analyze`.execute(db);
    const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DEMO_DATA: 'false', JOBS: 'false', DATA_DIR: folder });
    const deps: Deps = { config, db, engine: handle.engine, now: () => new Date(), mailer: { delivers: false, send: async () => undefined } };
    const app = await createApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const result = await measure(base);
      const markdown = report(corpus, result, await serviceOnlyMs(db), load, handle.engine);
      console.log(`\n${markdown}\n`);
      writeDocSection(START, END, markdown);
      console.log(`Written to ${path.relative(process.cwd(), DOC)}`);
      return markdown;
    } finally {
      await app.close();
    }
  } finally {
    await db.destroy();
    if (!options.keep) rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const keep = process.argv.find((a) => a.startsWith('--keep='))?.slice('--keep='.length);
  benchSearch({ keep: keep ? path.resolve(keep) : undefined }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
