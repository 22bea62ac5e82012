// Reading API: publications, table of contents, chapter pages, professionals-only chapters, fallback and view counts.
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import type { ChapterPage, PublicationList, PublicationToc } from '#shared/library/library.schema.ts';
import { IMPORT_TIMEOUT, importDemoLibrary, person, sectionId, type Person } from './library.fixtures.ts';

let t: TestApp;
let organisationId: string;
let reader: Person;
let editor: Person;

beforeAll(async () => {
  t = await createTestApp();
  ({ organisationId } = await importDemoLibrary(t));
  const norwegian = await createOrganisation(t.deps.db, { country: 'NO' });
  reader = await person(t, norwegian.id, ['medical_professional']);
  editor = await person(t, organisationId, ['editor']);
}, IMPORT_TIMEOUT);
afterAll(() => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const usage = () => t.deps.db.selectFrom('libraryUsage').select(['chapterSlug', 'language', 'kind', 'country', 'count']).orderBy('chapterSlug').orderBy('language').orderBy('country').execute();

describe('publications and table of contents', () => {
  test('lists both publications with chapter counts and languages', async () => {
    const res = await get('/api/library/publications?lang=ro');
    expect(res.statusCode).toBe(200);
    expect(res.json<PublicationList>()).toEqual({
      publications: [
        { slug: 'manual', title: 'Manual de formare pentru personalul medical', sourceLanguage: 'en', chapterCount: 14, languages: ['en', 'ro', 'nb'] },
        { slug: 'guide', title: 'Ghid de bune practici', sourceLanguage: 'en', chapterCount: 8, languages: ['en', 'ro', 'nb'] },
      ],
    });
  });

  test('the table of contents is in the requested language; professionals-only chapters are locked for anonymous readers', async () => {
    const res = await get('/api/library/publications/manual?lang=ro');
    expect(res.statusCode).toBe(200);
    const toc = res.json<PublicationToc>();
    expect(toc.chapters).toHaveLength(14);
    const first = toc.chapters[0]!;
    expect(first).toMatchObject({ slug: 'definitions', position: 1, title: 'Ce este traficul de persoane', audience: 'public', locked: false, outdated: false });
    expect(first.sections[0]).toEqual({ slug: 'act-means-purpose', title: 'Acțiune, mijloace, scop' });
    expect(first.readingMinutes).toBeGreaterThan(2);
    expect(toc.chapters.filter((c) => c.locked).map((c) => c.slug)).toEqual(['recognising-indicators', 'safety-security']);
    const signedIn = await get('/api/library/publications/manual?lang=ro', reader.cookie);
    expect(signedIn.json<PublicationToc>().chapters.filter((c) => c.locked)).toEqual([]);
  });

  test('unknown publication or language → 404 / 400', async () => {
    expect((await get('/api/library/publications/nope')).statusCode).toBe(404);
    expect((await get('/api/library/publications/manual?lang=de')).statusCode).toBe(400);
    expect((await get('/api/library/publications/manual/chapters/nope')).statusCode).toBe(404);
  });
});

describe('chapter page', () => {
  test('has rendered sections, prev/next, reading time, languages and an empty list of related services', async () => {
    const res = await get('/api/library/publications/manual/chapters/forms-and-control?lang=nb');
    expect(res.statusCode).toBe(200);
    const page = res.json<ChapterPage>();
    expect(page.publication.slug).toBe('manual');
    expect(page.language).toBe('nb');
    expect(page.prev).toEqual({ slug: 'definitions', title: expect.any(String), locked: false });
    expect(page.next).toEqual({ slug: 'health-issue', title: expect.any(String), locked: false });
    expect(page.sections.map((s) => s.slug)).toEqual(['forms', 'sexual', 'labour', 'recruitment', 'control-tactics']);
    expect(page.sections[0]).toMatchObject({ language: 'nb', fallback: false, outdated: false, sourceLanguage: 'en' });
    expect(page.sections[0]!.html).toMatch(/^<p>/);
    expect(page.readingMinutes).toBeGreaterThan(2);
    expect(page.languages).toEqual(['en', 'ro', 'nb']);
    expect(page.relatedServices).toEqual([]);
    expect(page.publishedAt).not.toBeNull();
  });

  test('is sent compressed to a reader whose browser accepts it, and the same JSON comes out', async () => {
    const url = '/api/library/publications/manual/chapters/forms-and-control?lang=ro';
    const plain = await get(url);
    const compressed = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(brotliDecompressSync(compressed.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  test('next of the chapter before a professionals-only one says it is locked', async () => {
    const page = (await get('/api/library/publications/manual/chapters/trauma-informed-care?lang=en')).json<ChapterPage>();
    expect(page.next).toMatchObject({ slug: 'recognising-indicators', locked: true });
  });

  test('professionals-only chapter: 401 for anonymous readers, 200 signed in', async () => {
    const anonymous = await get('/api/library/publications/manual/chapters/recognising-indicators?lang=en');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthorized' });
    const signedIn = await get('/api/library/publications/manual/chapters/recognising-indicators?lang=en', reader.cookie);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json<ChapterPage>().audience).toBe('professionals');
  });

  test('a section missing in the requested language falls back to the source language, flagged', async () => {
    const id = await sectionId(t, 'guide', 'why-health-systems', 'missed-opportunities');
    await t.deps.db.deleteFrom('sectionSearch').where('sectionId', '=', id).where('language', '=', 'nb').execute();
    await t.deps.db.deleteFrom('sectionText').where('sectionId', '=', id).where('language', '=', 'nb').execute();
    const page = (await get('/api/library/publications/guide/chapters/why-health-systems?lang=nb')).json<ChapterPage>();
    const section = page.sections.find((s) => s.id === id)!;
    expect(section).toMatchObject({ language: 'en', fallback: true, outdated: false });
    expect(page.sections.filter((s) => s.fallback)).toHaveLength(1);
  });
});

describe('usage', () => {
  test('views are counted anonymously, with the country of a signed-in reader organisation, never for editors, previews or offline prefetches', async () => {
    await t.deps.db.deleteFrom('libraryUsage').execute();
    const url = '/api/library/publications/guide/chapters/romania-norway';
    await get(`${url}?lang=en`);
    await get(`${url}?lang=en`);
    await get(`${url}?lang=ro`, reader.cookie);
    await get(`${url}?lang=en`, editor.cookie);
    await get(`${url}?lang=en&preview=true`);
    await t.app.inject({ method: 'GET', url: `${url}?lang=nb`, headers: { purpose: 'prefetch' } });
    expect(await usage()).toEqual([
      { chapterSlug: 'romania-norway', language: 'en', kind: 'view', country: '', count: 2 },
      { chapterSlug: 'romania-norway', language: 'ro', kind: 'view', country: 'NO', count: 1 },
    ]);
  });
});
