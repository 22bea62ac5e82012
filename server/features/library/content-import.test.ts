// Import and export of content/: counts, idempotence, changed text, translations flagged outdated, byte-stable export.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { exportContent } from './content-export.ts';
import { parseChapterFile } from './content-files.ts';
import { importContent, type ImportSummary } from './content-import.ts';
import { IMPORT_TIMEOUT, importDemoLibrary, libraryCtx } from './library.fixtures.ts';

const CONTENT = path.resolve('content');
const outline = JSON.parse(readFileSync(path.join(CONTENT, 'outline.json'), 'utf8')) as { publications: { chapters: { sections: unknown[] }[] }[] };
const SECTIONS = outline.publications.flatMap((p) => p.chapters).reduce((n, c) => n + c.sections.length, 0);

let t: TestApp;
let organisationId: string;
let first: ImportSummary;
const tmp = mkdtempSync(path.join(tmpdir(), 'library-content-'));

beforeAll(async () => {
  t = await createTestApp();
  ({ organisationId, summary: first } = await importDemoLibrary(t));
}, IMPORT_TIMEOUT);
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await t.close();
});

const count = async (table: 'publication' | 'chapter' | 'section' | 'sectionText' | 'sectionRevision' | 'sectionSearch') =>
  Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('import', () => {
  test('creates both publications, 22 chapters and every section in three languages, published and indexed', async () => {
    expect(first).toEqual({ publications: 2, chapters: 22, sections: SECTIONS, created: SECTIONS * 3, updated: 0, unchanged: 0, skipped: [], helpContacts: 5, synonymGroups: 103 });
    expect(await count('publication')).toBe(2);
    expect(await count('chapter')).toBe(22);
    expect(await count('section')).toBe(SECTIONS);
    expect(await count('sectionText')).toBe(SECTIONS * 3);
    expect(await count('sectionSearch')).toBe(SECTIONS * 3);
    const states = await t.deps.db.selectFrom('sectionText').select('state').distinct().execute();
    expect(states).toEqual([{ state: 'published' }]);
    const manual = await t.deps.db.selectFrom('publication').select(['organisationId', 'sourceLanguage', 'titles']).where('slug', '=', 'manual').executeTakeFirstOrThrow();
    expect(manual).toEqual({ organisationId, sourceLanguage: 'en', titles: { en: 'Training manual for medical professionals', nb: 'Opplæringshåndbok for helsepersonell', ro: 'Manual de formare pentru personalul medical' } });
  });

  test('chapters carry titles, summaries, audience and the reason for it per language from the front matter', async () => {
    const chapter = await t.deps.db.selectFrom('chapter').select(['titles', 'summaries', 'audience', 'audienceReasons', 'position']).where('slug', '=', 'safety-security').executeTakeFirstOrThrow();
    expect(chapter.audience).toBe('professionals');
    expect(Object.keys(chapter.audienceReasons).sort()).toEqual(['en', 'nb', 'ro']);
    expect(chapter.position).toBe(13);
    expect(Object.keys(chapter.titles).sort()).toEqual(['en', 'nb', 'ro']);
    expect(Object.keys(chapter.summaries).sort()).toEqual(['en', 'nb', 'ro']);
  });

  test('a professionals-only chapter without a stated reason is refused, naming the file', () => {
    const file = (front: string) => `---\ntitle: T\n${front}---\n\n## S {#s}\n\nText.\n`;
    expect(() => parseChapterFile(file('audience: professionals\n'), 'x/en/01-a.md')).toThrow('x/en/01-a.md: a professionals-only chapter needs audienceReason');
    expect(parseChapterFile(file('audience: professionals\naudienceReason: Why.\n'), 'f').audienceReason).toBe('Why.');
    expect(parseChapterFile(file('audience: public\n'), 'f')).not.toHaveProperty('audienceReason');
  });

  test('translations link to the source language revision they were made from', async () => {
    const rows = await t.deps.db
      .selectFrom('sectionRevision as r')
      .innerJoin('sectionRevision as s', 's.id', 'r.sourceRevisionId')
      .select(['r.language', 's.language as sourceLanguage', 's.sectionId as sourceSection', 'r.sectionId'])
      .where('r.language', '<>', 'en')
      .execute();
    expect(rows).toHaveLength(SECTIONS * 2);
    expect(rows.every((r) => r.sourceLanguage === 'en' && r.sourceSection === r.sectionId)).toBe(true);
  });

  test('the import is audited', async () => {
    const audit = await t.deps.db.selectFrom('auditEvent').select(['action', 'organisationId', 'actorAccountId', 'details']).where('action', '=', 'library.content_imported').execute();
    expect(audit).toEqual([{ action: 'library.content_imported', organisationId, actorAccountId: null, details: { publications: 2, chapters: 22, sections: SECTIONS, created: SECTIONS * 3, updated: 0, unchanged: 0, skipped: 0 } }]);
  });

  test('re-importing unchanged content creates no revision', async () => {
    const before = await count('sectionRevision');
    const again = await importContent(libraryCtx(t), { organisation: organisationId });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: SECTIONS * 3, skipped: [] });
    expect(await count('sectionRevision')).toBe(before);
  });
});

describe('export', () => {
  test('export after import writes nothing: every file is byte-identical', async () => {
    cpSync(CONTENT, tmp, { recursive: true });
    const summary = await exportContent(libraryCtx(t), { dir: tmp });
    expect(summary.written).toEqual([]);
    expect(summary.unchanged).toBe(22 * 3 + 1);
  });

  test('export into an empty folder reproduces a chapter file byte for byte', async () => {
    const empty = path.join(tmp, 'empty');
    await exportContent(libraryCtx(t), { dir: empty });
    for (const lang of ['en', 'ro', 'nb']) {
      const file = `manual/${lang}/13-safety-security.md`;
      expect(readFileSync(path.join(empty, file))).toEqual(readFileSync(path.join(CONTENT, file)));
    }
    expect(readdirSync(path.join(empty, 'guide', 'nb'))).toEqual(readdirSync(path.join(CONTENT, 'guide', 'nb')));
  });
});

describe('changed content', () => {
  test('a changed source text becomes a new published revision; its translations become outdated', async () => {
    const changed = path.join(tmp, 'changed');
    cpSync(CONTENT, changed, { recursive: true });
    const file = path.join(changed, 'manual/en/01-definitions.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Children: no means required {#children}\n\n', '## Children: no means required {#children}\n\nA new opening sentence.\n\n'));
    const summary = await importContent(libraryCtx(t), { organisation: organisationId, dir: changed });
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: SECTIONS * 3 - 1 });
    const toc = await t.app.inject({ method: 'GET', url: '/api/library/publications/manual?lang=ro' });
    const chapters = toc.json<{ chapters: { slug: string; outdated: boolean }[] }>().chapters;
    expect(chapters.filter((c) => c.outdated).map((c) => c.slug)).toEqual(['definitions']);
    const page = await t.app.inject({ method: 'GET', url: '/api/library/publications/manual/chapters/definitions?lang=ro' });
    const sections = page.json<{ sections: { slug: string; outdated: boolean }[] }>().sections;
    expect(sections.filter((s) => s.outdated).map((s) => s.slug)).toEqual(['children']);
    const en = await t.app.inject({ method: 'GET', url: '/api/library/publications/manual/chapters/definitions?lang=en' });
    expect(en.json<{ sections: { html: string }[] }>().sections[1]!.html).toContain('<p>A new opening sentence.</p>');
  });
});
