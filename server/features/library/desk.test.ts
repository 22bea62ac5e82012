// Reader reports, image uploads (and when an image is public) and the usage report.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import type { ImageUploaded, Report, ReportList, UsageReport } from '#shared/library/library-report.schema.ts';
import type { SectionEdit } from '#shared/library/library-edit.schema.ts';
import { IMPORT_TIMEOUT, importDemoLibrary, person, sectionId, type Person } from './library.fixtures.ts';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const ALT = { en: 'A body map', ro: 'O hartă a corpului', nb: 'Et kroppskart' };

let t: TestApp;
let organisationId: string;
let publicationId: string;
let editor: Person;
let reviewer: Person;
let outsider: Person;
let section: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ organisationId } = await importDemoLibrary(t));
  publicationId = (await t.deps.db.selectFrom('publication').select('id').where('slug', '=', 'manual').executeTakeFirstOrThrow()).id;
  editor = await person(t, organisationId, ['editor']);
  reviewer = await person(t, organisationId, ['reviewer']);
  outsider = await person(t, (await createOrganisation(t.deps.db)).id, ['editor']);
  section = await sectionId(t, 'manual', 'definitions', 'children');
}, IMPORT_TIMEOUT);
afterAll(() => t.close());

const report = (payload: object, ip = '192.0.2.1') => t.app.inject({ method: 'POST', url: '/api/library/reports', payload, remoteAddress: ip });
const get = (url: string, who?: Person) => t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const post = (url: string, who: Person, payload: object | string, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, headers: { cookie: who.cookie, ...headers }, payload });

/** Saves `bodyMd` into a section's English text, submits it (editor) and publishes it (reviewer). */
async function publishText(id: string, bodyMd: string): Promise<void> {
  const url = `/api/library/sections/${id}/texts/en`;
  const current = (await get(url, editor)).json<SectionEdit>();
  const saved = await t.app.inject({ method: 'PUT', url, headers: { cookie: editor.cookie }, payload: { title: current.current!.title, bodyMd, version: current.version } });
  expect(saved.statusCode).toBe(200);
  const submitted = await post(`${url}/submit`, editor, { version: saved.json<SectionEdit>().version });
  expect((await post(`${url}/publish`, reviewer, { version: submitted.json<SectionEdit>().version })).statusCode).toBe(200);
}

describe('reader reports', () => {
  test('anyone can report; editors of the publication see it, others do not', async () => {
    const res = await report({ sectionId: section, language: 'ro', kind: 'outdated', comment: 'The phone number changed.' });
    expect(res.statusCode).toBe(201);
    const { id } = res.json<{ id: string }>();
    const row = await t.deps.db.selectFrom('libraryReport').select(['status', 'reporterAccountId', 'comment']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'open', reporterAccountId: null, comment: 'The phone number changed.' });
    const list = (await get('/api/library/reports', editor)).json<ReportList>().reports;
    expect(list.find((r) => r.id === id)).toMatchObject({ sectionId: section, language: 'ro', kind: 'outdated', status: 'open', publicationSlug: 'manual', version: 1 });
    expect((await get('/api/library/reports', outsider)).json<ReportList>().reports).toEqual([]);
    const audit = await t.deps.db.selectFrom('auditEvent').select(['organisationId', 'actorAccountId', 'details']).where('action', '=', 'report.created').where('entityId', '=', id).executeTakeFirstOrThrow();
    expect(audit).toEqual({ organisationId, actorAccountId: null, details: { sectionId: section, language: 'ro', kind: 'outdated' } });
  });

  test('bad input → 400', async () => {
    expect((await report({ sectionId: section, language: 'ro', kind: 'boring' }, '192.0.2.2')).statusCode).toBe(400);
    expect((await report({ sectionId: section, language: 'ro', kind: 'wrong', comment: 'x'.repeat(2001) }, '192.0.2.2')).statusCode).toBe(400);
    const unknown = await report({ sectionId: '00000000-0000-4000-8000-000000000000', language: 'ro', kind: 'wrong' }, '192.0.2.2');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ fields: { sectionId: 'Unknown section' } });
  });

  test('rate-limited per address: the eleventh report within an hour → 429', async () => {
    for (let i = 0; i < 10; i++) expect((await report({ sectionId: section, language: 'en', kind: 'unclear' }, '192.0.2.3')).statusCode).toBe(201);
    expect((await report({ sectionId: section, language: 'en', kind: 'unclear' }, '192.0.2.3')).statusCode).toBe(429);
    expect((await report({ sectionId: section, language: 'en', kind: 'unclear' }, '192.0.2.4')).statusCode).toBe(201);
  });

  test('closed as revised with a revision of the section, or declined with a reason; stale → 409', async () => {
    const a = (await report({ sectionId: section, language: 'en', kind: 'wrong' }, '192.0.2.5')).json<{ id: string }>().id;
    const b = (await report({ sectionId: section, language: 'en', kind: 'missing' }, '192.0.2.5')).json<{ id: string }>().id;
    const revision = (await get(`/api/library/sections/${section}/texts/en`, editor)).json<SectionEdit>().current!.id;
    const otherRevision = (await get(`/api/library/sections/${await sectionId(t, 'guide', 'romania-norway', 'lessons')}/texts/en`, editor)).json<SectionEdit>().current!.id;

    expect((await post(`/api/library/reports/${a}/close`, editor, { resolution: 'revised', revisionId: otherRevision, version: 1 })).statusCode).toBe(400);
    expect((await post(`/api/library/reports/${a}/close`, outsider, { resolution: 'declined', note: 'No.', version: 1 })).statusCode).toBe(404);
    const revised = await post(`/api/library/reports/${a}/close`, editor, { resolution: 'revised', revisionId: revision, version: 1 });
    expect(revised.statusCode).toBe(200);
    expect(revised.json<Report>()).toMatchObject({ status: 'closed', resolution: 'revised', resolvedRevisionId: revision, version: 2 });
    const stale = await post(`/api/library/reports/${a}/close`, editor, { resolution: 'declined', note: 'Again', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', current: { id: a, status: 'closed' } });

    expect((await post(`/api/library/reports/${b}/close`, editor, { resolution: 'declined', note: '', version: 1 })).statusCode).toBe(400);
    const declined = await post(`/api/library/reports/${b}/close`, editor, { resolution: 'declined', note: 'Already covered in chapter 11.', version: 1 });
    expect(declined.json<Report>()).toMatchObject({ status: 'closed', resolution: 'declined', resolutionNote: 'Already covered in chapter 11.' });
    const closed = (await get('/api/library/reports?status=closed', editor)).json<ReportList>().reports.map((r) => r.id);
    expect(closed).toEqual(expect.arrayContaining([a, b]));
    const audit = await t.deps.db.selectFrom('auditEvent').select(['entityId', 'details']).where('action', '=', 'report.closed').orderBy('seq').execute();
    expect(audit).toEqual([
      { entityId: a, details: { sectionId: section, resolution: 'revised', revisionId: revision } },
      { entityId: b, details: { sectionId: section, resolution: 'declined', revisionId: null } },
    ]);
  });
});

describe('images', () => {
  test('a PNG is stored with its sniffed type; until a published text uses it, only its editors and reviewers see it, uncached', async () => {
    const res = await post('/api/library/images', editor, { publicationId, dataBase64: PNG, altTexts: ALT });
    expect(res.statusCode).toBe(201);
    const image = res.json<ImageUploaded>();
    expect(image).toMatchObject({ contentType: 'image/png', url: `/api/library/images/${image.id}`, bytes: Buffer.from(PNG, 'base64').length });
    expect((await get(image.url)).statusCode).toBe(404);
    expect((await get(image.url, outsider)).statusCode).toBe(404);
    for (const who of [editor, reviewer]) {
      const draft = await get(image.url, who);
      expect(draft.statusCode).toBe(200);
      expect(draft.headers['cache-control']).toBe('private, no-store');
    }
    // A draft that shows it changes nothing; publishing it makes the image public, for a year of caching.
    await t.app.inject({ method: 'PUT', url: `/api/library/sections/${section}/texts/ro`, headers: { cookie: editor.cookie }, payload: { title: 'Copii', bodyMd: `![${ALT.ro}](${image.url})`, version: 1 } });
    expect((await get(image.url)).statusCode).toBe(404);
    await publishText(section, `![${ALT.en}](${image.url})\n\nChildren.`);
    const served = await get(image.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.rawPayload.equals(Buffer.from(PNG, 'base64'))).toBe(true);
    const audit = await t.deps.db.selectFrom('auditEvent').select('details').where('action', '=', 'library.image_uploaded').where('entityId', '=', image.id).executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ publicationId, contentType: 'image/png', bytes: image.bytes });
  });

  test('a text file named like an image is rejected (400)', async () => {
    const res = await post('/api/library/images', editor, { publicationId, dataBase64: Buffer.from('just some text, not a picture.png').toString('base64'), altTexts: ALT });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid', fields: { dataBase64: 'Not a supported image' } });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    expect((await post('/api/library/images', editor, { publicationId, dataBase64: svg, altTexts: ALT })).statusCode).toBe(400);
  });

  test('over 2 MB → 413, also when the body is beyond the route limit', async () => {
    const big = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(2 * 1024 * 1024)]).toString('base64');
    const res = await post('/api/library/images', editor, { publicationId, dataBase64: big, altTexts: ALT });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
    const huge = Buffer.alloc(4 * 1024 * 1024).toString('base64');
    expect((await post('/api/library/images', editor, { publicationId, dataBase64: huge, altTexts: ALT })).statusCode).toBe(413);
  });

  test('alt text in every language is required; only editors of the publication upload', async () => {
    const missing = await post('/api/library/images', editor, { publicationId, dataBase64: PNG, altTexts: { en: 'x', ro: ' ', nb: 'y' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ fields: { 'altTexts.ro': expect.any(String) } });
    // NOTE: another organisation's publication is answered like an unknown one.
    const outside = await post('/api/library/images', outsider, { publicationId, dataBase64: PNG, altTexts: ALT });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ fields: { publicationId: 'Unknown publication' } });
    expect((await post('/api/library/images', reviewer, { publicationId, dataBase64: PNG, altTexts: ALT })).statusCode).toBe(403);
    expect((await get('/api/library/images/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  test("a published text of another publication does not make an image public", async () => {
    const guide = (await t.deps.db.selectFrom('publication').select('id').where('slug', '=', 'guide').executeTakeFirstOrThrow()).id;
    const image = (await post('/api/library/images', editor, { publicationId: guide, dataBase64: PNG, altTexts: ALT })).json<ImageUploaded>();
    await publishText(await sectionId(t, 'manual', 'definitions', 'act-means-purpose'), `![${ALT.en}](${image.url})`);
    expect((await get(image.url)).statusCode).toBe(404);
    expect((await get(image.url, editor)).statusCode).toBe(200);
  });
});

describe('usage report', () => {
  test('totals per publication, chapter, language, kind and country for the period', async () => {
    t.setNow(new Date('2026-12-01T10:00:00Z'));
    const reader = await person(t, (await createOrganisation(t.deps.db, { country: 'NO' })).id, ['medical_professional']);
    const view = (url: string, remoteAddress: string, who?: Person) =>
      t.app.inject({ method: 'GET', url: `/api/library/publications/${url}`, remoteAddress, headers: who ? { cookie: who.cookie } : {} });
    await view('guide/chapters/romania-norway?lang=nb', '198.51.100.1', reader);
    await view('guide/chapters/romania-norway?lang=nb', '198.51.100.2');
    await view('manual/chapters/ethics?lang=ro', '198.51.100.2');
    t.setNow(new Date('2026-12-05T10:00:00Z'));
    await view('manual/chapters/ethics?lang=ro', '198.51.100.2');
    const coordinator = await person(t, organisationId, ['coordinator']);
    const res = await get('/api/library/usage?from=2026-12-01&to=2026-12-01', coordinator);
    expect(res.statusCode).toBe(200);
    const body = res.json<UsageReport>();
    expect(body.rows).toEqual([
      { publicationSlug: 'guide', chapterSlug: 'romania-norway', language: 'nb', kind: 'view', country: '', count: 1 },
      { publicationSlug: 'guide', chapterSlug: 'romania-norway', language: 'nb', kind: 'view', country: 'NO', count: 1 },
      { publicationSlug: 'manual', chapterSlug: 'ethics', language: 'ro', kind: 'view', country: '', count: 1 },
    ]);
    expect(body.totals).toEqual({
      all: 3,
      byPublication: [{ key: 'guide', count: 2 }, { key: 'manual', count: 1 }],
      byChapter: [{ key: 'guide/romania-norway', count: 2 }, { key: 'manual/ethics', count: 1 }],
      byLanguage: [{ key: 'nb', count: 2 }, { key: 'ro', count: 1 }],
      byKind: [{ key: 'view', count: 3 }],
      byCountry: [{ key: '', count: 2 }, { key: 'NO', count: 1 }],
    });
    const week = (await get('/api/library/usage?from=2026-12-01&to=2026-12-07', coordinator)).json<UsageReport>();
    expect(week.totals.all).toBe(4);
  });

  test('donor viewers may read it; editors may not; a reversed period → 400', async () => {
    const donor = await person(t, organisationId, ['donor_viewer']);
    expect((await get('/api/library/usage?from=2026-12-01&to=2026-12-31', donor)).statusCode).toBe(200);
    // NOTE: a fresh editor session: the clock was moved past the idle timeout of the one made in beforeAll.
    const laterEditor = await person(t, organisationId, ['editor']);
    expect((await get('/api/library/usage?from=2026-12-01&to=2026-12-31', laterEditor)).statusCode).toBe(403);
    expect((await get('/api/library/usage?from=2026-12-31&to=2026-12-01', donor)).statusCode).toBe(400);
    expect((await get('/api/library/usage?from=2026-12-01&to=2026-12-31')).statusCode).toBe(401);
  });
});
