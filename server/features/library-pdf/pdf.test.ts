import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishText } from '#server/features/search/search.fixtures.ts';
import { indexSectionText } from '#server/features/search/search-index.service.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';

let t: TestApp;
let cookie: string;
let publicationId: string;
let introId: string;

const RO_BODY = `Își păstrează țesăturile și hârtiile în încăperea mică.

### Ce urmărim

- primul semn: **frica** de însoțitor
- al doilea semn: actele *lipsă*

> De folosit: „Sunteți în siguranță aici.”

| Semn | Ce faceți |
|---|---|
| Actele lipsesc | Întrebați cine le ține |

![Harta corpului cu zonele dureroase](harta.png)

Surse: OIM, *Ghid pentru personalul medical*, [2009](https://www.iom.int).`;

const NB_BODY = `Pasienten får hjelp på sykehuset før kvelden, og særlig sårbare personer får tolk.

1. Snakk med pasienten alene
2. Bruk kvalifisert tolk

Kilder: Helsedirektoratet, 2023.`;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  const org = await createOrganisation(db);
  const pub = await db
    .insertInto('publication')
    .values({ slug: 'pdf-fixture', organisationId: org.id, titles: { en: 'Fixture guide', ro: 'Ghidul de test', nb: 'Testveiledningen' } })
    .returning('id')
    .executeTakeFirstOrThrow();
  publicationId = pub.id;
  const chapter = async (slug: string, position: number, audience: string, titles: Record<string, string>) =>
    (await db.insertInto('chapter').values({ publicationId, slug, position, audience, titles, summaries: {} }).returning('id').executeTakeFirstOrThrow()).id;
  const section = async (chapterId: string, slug: string, position: number) =>
    (await db.insertInto('section').values({ chapterId, slug, position }).returning('id').executeTakeFirstOrThrow()).id;
  const basics = await chapter('basics', 1, 'public', { en: 'Basics', ro: 'Noțiuni de bază', nb: 'Grunnlag' });
  const closed = await chapter('closed', 2, 'professionals', { en: 'Closed chapter', ro: 'Capitol rezervat', nb: 'Lukket kapittel' });
  introId = await section(basics, 'intro', 1);
  await publishText(db, introId, 'en', 'Introduction', 'Plain English text.');
  await publishText(db, introId, 'ro', 'Introducere în îngrijire', RO_BODY);
  await publishText(db, introId, 'nb', 'Innføring i særlige behov', NB_BODY);
  await publishText(db, await section(basics, 'english-only', 2), 'en', 'Untranslated part', 'Only written in English so far.');
  await publishText(db, await section(closed, 'secret', 1), 'ro', 'Partea rezervată', 'Conținut rezervat profesioniștilor.');
  cookie = await signIn(t.app, await createAccount(db));
}, 120_000);
afterAll(async () => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const hasPdfinfo = spawnSync('pdfinfo', ['-v']).status === 0;
const folder = mkdtempSync(path.join(tmpdir(), 'pdf-test-'));

/** The text of a PDF as poppler extracts it (what a screen reader or a copy-paste gets). */
function pdfText(bytes: Buffer): string {
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
}

/** What poppler's pdfinfo prints about a PDF, with `args` (-struct-text: the structure tree with its text). */
function pdfInfo(bytes: Buffer, ...args: string[]): string {
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return spawnSync('pdfinfo', [...args, file], { encoding: 'utf8' }).stdout;
}

/** Every compressed stream of a PDF (page contents, fonts' ToUnicode tables…), inflated. */
function streams(bytes: Buffer): string[] {
  const raw = bytes.toString('latin1');
  const texts: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    try {
      texts.push(inflateSync(bytes.subarray(start, raw.indexOf('endstream', start))).toString('latin1'));
    } catch {
      continue;
    }
  }
  return texts;
}

const inflatedStreams = (bytes: Buffer) => streams(bytes).join('\n');

/** Unicode code points the embedded fonts map glyphs to (their ToUnicode tables), without any external tool. */
function mappedCodePoints(bytes: Buffer): Set<number> {
  const points = new Set<number>();
  for (const text of streams(bytes)) {
    if (!text.includes('beginbfrange') && !text.includes('beginbfchar')) continue;
    for (const hex of text.matchAll(/<([0-9a-fA-F]{4})>/g)) points.add(parseInt(hex[1]!, 16));
  }
  return points;
}

describe('publication PDF', () => {
  it('is a PDF attachment with a neutral file name, with the Romanian letters embedded', async () => {
    const res = await get('/api/library/publications/pdf-fixture/pdf?lang=ro');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="pro-health-pdf-fixture-ro.pdf"');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const mapped = mappedCodePoints(res.rawPayload);
    for (const ch of 'șțăâîȘȚĂÂÎ„”') if (RO_BODY.includes(ch) || 'Ghidul'.includes(ch)) expect(mapped.has(ch.codePointAt(0)!), ch).toBe(true);
    expect(mapped.has(0x0219) && mapped.has(0x021b) && mapped.has(0x0103)).toBe(true);
  });

  it.skipIf(!hasPdftotext)('prints title page, contents, headings, lists, quotes, tables, sources and page numbers', async () => {
    const text = pdfText((await get('/api/library/publications/pdf-fixture/pdf?lang=ro')).rawPayload);
    expect(text).toContain('Ghidul de test');
    expect(text).toContain('Cuprins');
    expect(text).toContain('1. Noțiuni de bază');
    expect(text).toContain('Își păstrează țesăturile și hârtiile în încăperea mică.');
    expect(text).toContain('Ce urmărim');
    expect(text).toContain('• primul semn: frica de însoțitor');
    expect(text).toContain('De folosit: „Sunteți în siguranță aici.”');
    expect(text).toMatch(/Actele lipsesc\s+Întrebați cine le ține/);
    expect(text).toContain('Surse: OIM, Ghid pentru personalul medical, 2009.');
    expect(text).toMatch(/Pagina 2 din \d+/);
    // The section without a Romanian text is shown in the source language, with a notice.
    expect(text).toContain('Încă netradus: textul apare în engleză.');
    expect(text).toContain('Only written in English so far.');
  });

  it('is a tagged PDF: marked, with a structure tree, its language, and its title shown', async () => {
    for (const [lang, locale] of [['ro', 'ro-RO'], ['nb', 'nb-NO']]) {
      // NOTE: pdfkit compresses page content only; the catalog and the structure elements are plain dictionaries.
      const raw = (await get(`/api/library/publications/pdf-fixture/pdf?lang=${lang}`)).rawPayload.toString('latin1');
      expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
      expect(raw).toMatch(/<<\s*\/Marked true\s*>>/);
      expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
      expect(raw).toContain(`/Lang (${locale})`);
      expect(raw).toMatch(/\/DisplayDocTitle true/);
      for (const type of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'TOC', 'TOCI', 'Link']) expect(raw, type).toContain(`/S /${type}\n`);
    }
    const ro = (await get('/api/library/publications/pdf-fixture/pdf?lang=ro')).rawPayload.toString('latin1');
    for (const type of ['H3', 'Table', 'TR', 'TH', 'TD', 'BlockQuote', 'Figure']) expect(ro, type).toContain(`/S /${type}\n`);
    expect(ro).toMatch(/\/S \/Figure\n[^>]*\/Alt \(Harta corpului cu zonele dureroase\)/);
    // The running footer (title, page numbers) is marked as an artifact in the page content.
    expect(inflatedStreams(Buffer.from(ro, 'latin1'))).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/);
  });

  it.skipIf(!hasPdfinfo)('reads in order as headings, paragraphs, lists and a table, with the footer left out', async () => {
    const bytes = (await get('/api/library/publications/pdf-fixture/pdf?lang=ro', { cookie })).rawPayload;
    expect(pdfInfo(bytes)).toMatch(/Tagged:\s+yes/);
    expect(pdfInfo(bytes)).toMatch(/Title:\s+Ghidul de test/);
    const tree = pdfInfo(bytes, '-struct-text').replace(/\s+/g, ' ');
    expect(tree).toContain('H1 (block) "Ghidul de test"');
    expect(tree).toContain('H1 (block) "Noțiuni de bază"');
    expect(tree).toContain('H2 (block) "Introducere în îngrijire"');
    expect(tree).toContain('H3 (block) "Ce urmărim"');
    expect(tree).toMatch(/LI \(block\) Lbl \(block\) "•" LBody \(block\) "primul semn: frica de însoțitor"/);
    expect(tree).toMatch(/TH: \/Scope \/Column "Semn"/);
    expect(tree).toMatch(/TD "Actele lipsesc" TD "Întrebați cine le ține"/);
    expect(tree).toMatch(/Link \(inline\) Object \d+ 0 "2009"/);
    expect(tree).toMatch(/TOCI Link \(inline\) "1\. Noțiuni de bază" Object \d+ 0 "\d+"/);
    expect(tree).not.toMatch(/Pagina \d+ din/);
  });

  it.skipIf(!hasPdftotext)('prints Norwegian æ ø å', async () => {
    const res = await get('/api/library/publications/pdf-fixture/pdf?lang=nb');
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Pasienten får hjelp på sykehuset før kvelden, og særlig sårbare personer får tolk.');
    expect(text).toContain('Innhold');
    expect(text).toContain('Kilder: Helsedirektoratet, 2023.');
  });

  it.skipIf(!hasPdftotext)('leaves professionals-only chapters out for anonymous readers and says so', async () => {
    const anonymous = pdfText((await get('/api/library/publications/pdf-fixture/pdf?lang=ro')).rawPayload);
    expect(anonymous).not.toContain('Conținut rezervat profesioniștilor.');
    expect(anonymous).toContain('Această copie publică nu include capitolele destinate exclusiv profesioniștilor din sănătate (Capitol rezervat).');
    const signedIn = pdfText((await get('/api/library/publications/pdf-fixture/pdf?lang=ro', { cookie })).rawPayload);
    expect(signedIn).toContain('Conținut rezervat profesioniștilor.');
    expect(signedIn).toContain('2. Capitol rezervat');
    expect(signedIn).not.toContain('Această copie publică');
  });

  it('caches each variant per published version and rebuilds after a new publish', async () => {
    await get('/api/library/publications/pdf-fixture/pdf?lang=ro');
    await get('/api/library/publications/pdf-fixture/pdf?lang=ro', { cookie });
    const cached = () =>
      t.deps.db.selectFrom('publicationPdf').select(['variant', 'fingerprint']).where('publicationId', '=', publicationId).where('language', '=', 'ro').orderBy('variant').execute();
    const before = await cached();
    expect(before.map((r) => r.variant)).toEqual(['full', 'public']);
    expect(before[0]!.fingerprint).not.toBe(before[1]!.fingerprint);
    // A stored file is served as stored while nothing changed…
    const marker = Buffer.from('%PDF-cached copy');
    await t.deps.db.updateTable('publicationPdf').set({ bytes: marker }).where('publicationId', '=', publicationId).where('variant', '=', 'public').execute();
    expect((await get('/api/library/publications/pdf-fixture/pdf?lang=ro')).rawPayload).toEqual(marker);
    // …and a new published revision makes the next download a fresh file.
    await republish(introId, 'ro', 'Introducere nouă', 'Text revizuit după recenzie.');
    const fresh = await get('/api/library/publications/pdf-fixture/pdf?lang=ro');
    expect(fresh.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(fresh.rawPayload.length).toBeGreaterThan(1000);
    const after = await cached();
    expect(after.find((r) => r.variant === 'public')!.fingerprint).not.toBe(before.find((r) => r.variant === 'public')!.fingerprint);
    if (hasPdftotext) expect(pdfText(fresh.rawPayload)).toContain('Text revizuit după recenzie.');
  });

  it('counts downloads anonymously, per publication and language, once per client in a while', async () => {
    const count = async () =>
      (
        await t.deps.db
          .selectFrom('libraryUsage')
          .select(({ fn }) => fn.sum<number>('count').as('n'))
          .where('publicationId', '=', publicationId)
          .where('kind', '=', 'download')
          .where('chapterSlug', '=', '')
          .where('language', '=', 'nb')
          .executeTakeFirst()
      )?.n ?? 0;
    const before = Number(await count());
    const download = (remoteAddress: string) => t.app.inject({ method: 'GET', url: '/api/library/publications/pdf-fixture/pdf?lang=nb', remoteAddress });
    await download('203.0.113.1');
    await download('203.0.113.1');
    expect(Number(await count())).toBe(before + 1);
    await download('203.0.113.2');
    expect(Number(await count())).toBe(before + 2);
  });

  it('answers 404 for an unknown publication and 400 for an unknown language', async () => {
    expect((await get('/api/library/publications/no-such/pdf?lang=ro')).statusCode).toBe(404);
    expect((await get('/api/library/publications/pdf-fixture/pdf?lang=de')).statusCode).toBe(400);
  });
});

async function republish(sectionId: string, language: string, title: string, bodyMd: string): Promise<void> {
  const db = t.deps.db;
  const { id } = await db.insertInto('sectionRevision').values({ sectionId, language, number: 2, title, bodyMd }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('sectionText').set({ currentRevisionId: id, publishedRevisionId: id, publishedAt: new Date() }).where('sectionId', '=', sectionId).where('language', '=', language).execute();
  await indexSectionText(db, { sectionId, language, revisionId: id });
}
