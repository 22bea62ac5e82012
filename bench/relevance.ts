// Library search relevance (part of `npm run bench`; alone: `npx node bench/relevance.ts`). Imports the real content/
// into a fresh PGlite, runs every query of content/search/relevance.json through searchLibrary as a signed-in reader,
// and reports hit@3 and MRR per language. Writes its table into docs/performance.md between the relevance markers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { loadConfig } from '#server/config.ts';
import type { Ctx } from '#server/context.ts';
import { kyselyFor, openPglite, pgliteDialect } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { importContent } from '#server/features/library/content-import.ts';
import { operatorCtx } from '#server/features/organisations/operator.service.ts';
import { searchLibrary } from '#server/features/search/search.service.ts';
import type { Actor } from '#server/http/access.ts';
import { createOrganisation } from '#tests/factories.ts';
import { DOC, writeDocSection } from './doc.ts';

const LANGUAGES = ['en', 'ro', 'nb'] as const;
const SET_FILE = path.resolve('content/search/relevance.json');
const OUTLINE_FILE = path.resolve('content/outline.json');
const TARGET_HIT3 = 0.9;
const DEPTH = 10;
const START = '<!-- bench:relevance:start -->';
const END = '<!-- bench:relevance:end -->';

const Case = z.object({ q: z.string().min(1), expect: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+$/)).min(1) });
const SetSchema = z.object({ en: z.array(Case), ro: z.array(Case), nb: z.array(Case) });
type Case = z.infer<typeof Case>;

const OutlineSchema = z.object({
  publications: z.array(z.object({ slug: z.string(), chapters: z.array(z.object({ id: z.string(), sections: z.array(z.object({ id: z.string() })) })) })),
});

/** Every expected answer must name a real section, so a renamed section fails the bench instead of lowering the score. */
function knownSections(): Set<string> {
  const outline = OutlineSchema.parse(JSON.parse(readFileSync(OUTLINE_FILE, 'utf8')));
  return new Set(outline.publications.flatMap((p) => p.chapters.flatMap((c) => c.sections.map((s) => `${p.slug}/${c.id}/${s.id}`))));
}

/** A reader who finished signing in: professionals-only chapters are searched too, as for the clinicians the set is written for. */
const professional = { accountId: 'bench', fullySignedIn: true, roles: [] } as unknown as Actor;

interface LanguageScore {
  lang: string;
  queries: number;
  hit3: number;
  mrr: number;
  misses: string[];
}

async function scoreLanguage(ctx: Ctx, lang: (typeof LANGUAGES)[number], cases: Case[]): Promise<LanguageScore> {
  let hits = 0;
  let reciprocal = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const answer = await searchLibrary(ctx, { q: c.q, lang, limit: DEPTH });
    const places = answer.results.map((r) => `${r.publication.slug}/${r.chapter.slug}/${r.section.slug}`);
    const at = places.findIndex((p) => c.expect.includes(p));
    if (at >= 0 && at < 3) hits++;
    else misses.push(`"${c.q}" (${at < 0 ? 'not in top 10' : `at ${at + 1}`}; first: ${places[0] ?? 'nothing'})`);
    if (at >= 0) reciprocal += 1 / (at + 1);
  }
  return { lang, queries: cases.length, hit3: hits / cases.length, mrr: reciprocal / cases.length, misses };
}

function report(scores: LanguageScore[]): string {
  const pct = (n: number) => `${(n * 100).toFixed(0)} %`;
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on the real content/ (every section in en, ro, nb), as a signed-in reader, limit ${DEPTH}; set: \`content/search/relevance.json\`.`,
    '',
    '| Language | Queries | hit@3 (target ≥ 90 %) | MRR |',
    '|---|---|---|---|',
    ...scores.map((s) => `| ${s.lang} | ${s.queries} | ${pct(s.hit3)} ${s.hit3 >= TARGET_HIT3 ? '✅' : '❌'} | ${s.mrr.toFixed(2)} |`),
    '',
    `Misses (not in the first three): ${scores.flatMap((s) => s.misses.map((m) => `${s.lang} ${m}`)).join('; ') || 'none'}.`,
  ].join('\n');
}


/** Runs the relevance set and writes its figures; returns the markdown table. */
export async function benchRelevance(): Promise<string> {
  const set = SetSchema.parse(JSON.parse(readFileSync(SET_FILE, 'utf8')));
  const known = knownSections();
  const unknown = LANGUAGES.flatMap((l) => set[l].flatMap((c) => c.expect.filter((e) => !known.has(e))));
  if (unknown.length > 0) throw new Error(`relevance.json names sections not in outline.json: ${unknown.join(', ')}`);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pro-health-relevance-'));
  const db = kyselyFor(pgliteDialect(await openPglite({ dataDir: path.join(folder, 'data') })));
  try {
    await migrateToLatest(db);
    console.log('\n## Library search relevance: importing content/…');
    const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DEMO_DATA: 'false', JOBS: 'false', DATA_DIR: folder });
    const organisation = await createOrganisation(db, { country: 'RO' });
    await importContent(operatorCtx({ db, config }), { organisation: organisation.id });
    const ctx = { ...operatorCtx({ db, config }), actor: professional } as Ctx;
    const scores: LanguageScore[] = [];
    for (const lang of LANGUAGES) scores.push(await scoreLanguage(ctx, lang, set[lang]));
    const markdown = report(scores);
    console.log(`\n${markdown}\n`);
    writeDocSection(START, END, markdown);
    console.log(`Written to ${path.relative(process.cwd(), DOC)}`);
    return markdown;
  } finally {
    await db.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  benchRelevance().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
