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

  test('the table of contents is in the requested language; professionals-only chapters are locked for anonymous readers, without their sections', async () => {
    const res = await get('/api/library/publications/manual?lang=ro');
    expect(res.statusCode).toBe(200);
    const toc = res.json<PublicationToc>();
    expect(toc.chapters).toHaveLength(14);
    const first = toc.chapters[0]!;
    expect(first).toMatchObject({ slug: 'definitions', position: 1, title: 'Ce este traficul de persoane', audience: 'public', locked: false, outdated: false });
    expect(first.sections[0]).toEqual({ slug: 'act-means-purpose', title: 'Acțiune, mijloace, scop' });
    expect(first.readingMinutes).toBeGreaterThan(2);
    const locked = toc.chapters.filter((c) => c.locked);
    expect(locked.map((c) => c.slug)).toEqual(['safety-security']);
    expect(locked.map((c) => c.sections)).toEqual([[]]);
    expect(locked.every((c) => c.title && c.summary)).toBe(true);
    // Each professionals-only chapter says why, in the reader's language; public ones say nothing.
    expect(locked[0]!.audienceReason).toMatch(/^Descrie cum /);
    expect(toc.chapters.filter((c) => c.audience === 'public').every((c) => c.audienceReason === '')).toBe(true);
    // The indicators chapter is for everyone: its main reader is a clinician without an account (issue 8).
    expect(toc.chapters.find((c) => c.slug === 'recognising-indicators')).toMatchObject({ audience: 'public', locked: false });
    const signedIn = (await get('/api/library/publications/manual?lang=ro', reader.cookie)).json<PublicationToc>();
    expect(signedIn.chapters.filter((c) => c.locked)).toEqual([]);
    expect(signedIn.chapters.find((c) => c.slug === 'safety-security')!.sections.length).toBeGreaterThan(2);
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
    const page = (await get('/api/library/publications/manual/chapters/rights-justice?lang=en')).json<ChapterPage>();
    expect(page.next).toMatchObject({ slug: 'safety-security', locked: true });
  });

  test('professionals-only chapter: 401 for anonymous readers, 200 signed in', async () => {
    const anonymous = await get('/api/library/publications/manual/chapters/safety-security?lang=en');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthorized' });
    const signedIn = await get('/api/library/publications/manual/chapters/safety-security?lang=en', reader.cookie);
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
  const view = (url: string, remoteAddress: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, remoteAddress, headers });

  test('views are counted anonymously, with the country of a signed-in reader organisation, never for editors, previews or offline prefetches', async () => {
    await t.deps.db.deleteFrom('libraryUsage').execute();
    const url = '/api/library/publications/guide/chapters/romania-norway';
    await view(`${url}?lang=en`, '192.0.2.10');
    await view(`${url}?lang=en`, '192.0.2.11');
    await view(`${url}?lang=ro`, '192.0.2.10', { cookie: reader.cookie });
    await view(`${url}?lang=en`, '192.0.2.12', { cookie: editor.cookie });
    await view(`${url}?lang=en&preview=true`, '192.0.2.13');
    await view(`${url}?lang=nb`, '192.0.2.14', { purpose: 'prefetch' });
    expect(await usage()).toEqual([
      { chapterSlug: 'romania-norway', language: 'en', kind: 'view', country: '', count: 2 },
      { chapterSlug: 'romania-norway', language: 'ro', kind: 'view', country: 'NO', count: 1 },
    ]);
  });

  test('one client counts once per chapter and language in 30 minutes; the key kept for that holds no address', async () => {
    await t.deps.db.deleteFrom('libraryUsage').execute();
    const url = '/api/library/publications/guide/chapters/why-health-systems';
    const start = new Date('2026-12-02T09:00:00Z');
    t.setNow(start);
    for (let i = 0; i < 20; i++) await view(`${url}?lang=en`, '192.0.2.20');
    await view(`${url}?lang=ro`, '192.0.2.20');
    await view(`${url}?lang=en`, '192.0.2.21');
    const counts = async () => Object.fromEntries((await usage()).map((u) => [u.language, u.count]));
    expect(await counts()).toEqual({ en: 2, ro: 1 });
    t.setNow(new Date(start.getTime() + 29 * 60_000));
    await view(`${url}?lang=en`, '192.0.2.20');
    expect(await counts()).toEqual({ en: 2, ro: 1 });
    t.setNow(new Date(start.getTime() + 31 * 60_000));
    await view(`${url}?lang=en`, '192.0.2.20');
    expect(await counts()).toEqual({ en: 3, ro: 1 });
    const keys = await t.deps.db.selectFrom('libraryUsageSeen').select('key').execute();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => /^[A-Za-z0-9_-]{43}$/.test(k.key) && !k.key.includes('192'))).toBe(true);
    t.setNow(new Date());
  });
});
