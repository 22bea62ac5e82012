// Editing and review: drafts beside the published text, four eyes, optimistic locking, outdated translations,
// history (diff, restore), returns with a note, queues, and the audit trail.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import type { RevisionDiff, RevisionList, SectionEdit, TextSummaryList } from '#shared/library/library-edit.schema.ts';
import type { ChapterPage } from '#shared/library/library.schema.ts';
import { IMPORT_TIMEOUT, importDemoLibrary, person, sectionId, type Person } from './library.fixtures.ts';

let t: TestApp;
let organisationId: string;
let editor: Person;
let reviewer: Person;
let both: Person;
let outsider: Person;

beforeAll(async () => {
  t = await createTestApp();
  ({ organisationId } = await importDemoLibrary(t));
  editor = await person(t, organisationId, ['editor']);
  reviewer = await person(t, organisationId, ['reviewer']);
  both = await person(t, organisationId, ['editor', 'reviewer']);
  const other = await createOrganisation(t.deps.db);
  outsider = await person(t, other.id, ['editor', 'reviewer']);
}, IMPORT_TIMEOUT);
afterAll(() => t.close());

const text = (id: string, lang: string) => `/api/library/sections/${id}/texts/${lang}`;
const get = (url: string, who?: Person) => t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const send = (method: 'PUT' | 'POST', url: string, who: Person, payload: object) => t.app.inject({ method, url, headers: { cookie: who.cookie }, payload });
const save = (id: string, lang: string, who: Person, body: { title: string; bodyMd: string; version: number; sourceRevisionId?: string }) => send('PUT', text(id, lang), who, body);
const step = (id: string, lang: string, action: 'submit' | 'publish', who: Person, version: number) => send('POST', `${text(id, lang)}/${action}`, who, { version });
const chapter = async (lang: string, slug = 'health-issue') => (await get(`/api/library/publications/manual/chapters/${slug}?lang=${lang}`)).json<ChapterPage>();

/** Saves, submits and has the reviewer publish a new text; returns the final edit view. */
async function publishNew(id: string, lang: string, bodyMd: string, extra: { sourceRevisionId?: string } = {}): Promise<SectionEdit> {
  const start = (await get(text(id, lang), editor)).json<SectionEdit>();
  const saved = (await save(id, lang, editor, { title: start.current!.title, bodyMd, version: start.version, ...extra })).json<SectionEdit>();
  const submitted = (await step(id, lang, 'submit', editor, saved.version)).json<SectionEdit>();
  const published = await step(id, lang, 'publish', reviewer, submitted.version);
  expect(published.statusCode).toBe(200);
  return published.json<SectionEdit>();
}

describe('reading a text for editing', () => {
  test('shows state, version, revisions and translation source', async () => {
    const id = await sectionId(t, 'manual', 'health-issue', 'why-health');
    const en = (await get(text(id, 'en'), editor)).json<SectionEdit>();
    expect(en).toMatchObject({ sectionSlug: 'why-health', language: 'en', state: 'published', version: 1, translation: null, reviewNote: null, can: { edit: true, review: false } });
    expect(en.current).toEqual(en.published);
    expect(en.current).toMatchObject({ number: 1, authorAccountId: null, authorName: null, sourceRevisionId: null });
    const ro = (await get(text(id, 'ro'), reviewer)).json<SectionEdit>();
    expect(ro.translation).toEqual({ sourceLanguage: 'en', sourceRevisionId: en.current!.id, sourcePublishedRevisionId: en.current!.id, outdated: false });
    expect(ro.can).toEqual({ edit: false, review: true });
  });

  test('anonymous → 401; editors of another organisation → 404 (nothing to learn); other roles → 403', async () => {
    const id = await sectionId(t, 'manual', 'health-issue', 'why-health');
    expect((await get(text(id, 'en'))).statusCode).toBe(401);
    expect((await get(text(id, 'en'), outsider)).statusCode).toBe(404);
    expect((await save(id, 'en', outsider, { title: 'x', bodyMd: 'y', version: 1 })).statusCode).toBe(404);
    expect((await get(`${text(id, 'en')}/revisions`, outsider)).statusCode).toBe(404);
    expect((await get('/api/library/editor/publications/manual', outsider)).statusCode).toBe(404);
    const trainer = await person(t, organisationId, ['trainer']);
    expect((await get(text(id, 'en'), trainer)).statusCode).toBe(403);
    expect((await save(id, 'en', reviewer, { title: 'x', bodyMd: 'y', version: 1 })).statusCode).toBe(403);
  });
});

describe('workflow', () => {
  test('save → submit → the submitter cannot publish → another reviewer publishes → readers see it', async () => {
    const id = await sectionId(t, 'manual', 'health-issue', 'stage-model');
    const before = (await chapter('en')).sections.find((s) => s.id === id)!.html;
    const saved = await save(id, 'en', both, { title: 'Health risks at each stage', bodyMd: 'Rewritten by the team.', version: 1 });
    expect(saved.statusCode).toBe(200);
    const draft = saved.json<SectionEdit>();
    expect(draft).toMatchObject({ state: 'draft', version: 2, current: { number: 2, bodyMd: 'Rewritten by the team.', authorAccountId: both.id }, published: { number: 1 } });
    expect((await chapter('en')).sections.find((s) => s.id === id)!.html).toBe(before);

    const submitted = await step(id, 'en', 'submit', both, 2);
    expect(submitted.json<SectionEdit>()).toMatchObject({ state: 'in_review', version: 3, submittedBy: both.id });
    const own = await step(id, 'en', 'publish', both, 3);
    expect(own.statusCode).toBe(403);
    expect(own.json()).toEqual({ code: 'forbidden', message: 'You wrote this version: another reviewer must publish it.' });
    expect((await step(id, 'en', 'publish', editor, 3)).statusCode).toBe(403);

    const published = await step(id, 'en', 'publish', reviewer, 3);
    expect(published.statusCode).toBe(200);
    expect(published.json<SectionEdit>()).toMatchObject({ state: 'published', version: 4, published: { number: 2 }, submittedBy: null });
    expect((await chapter('en')).sections.find((s) => s.id === id)!.html).toBe('<p>Rewritten by the team.</p>');
    const indexed = await t.deps.db.selectFrom('sectionSearch').select('revisionId').where('sectionId', '=', id).where('language', '=', 'en').executeTakeFirstOrThrow();
    expect(indexed.revisionId).toBe(draft.current!.id);
  });

  test('the one who submitted cannot publish either, even when someone else wrote it', async () => {
    const id = await sectionId(t, 'manual', 'health-issue', 'common-problems');
    const saved = (await save(id, 'en', editor, { title: 'Common health problems', bodyMd: 'By the editor.', version: 1 })).json<SectionEdit>();
    await t.deps.db.updateTable('sectionText').set({ state: 'in_review', submittedBy: both.id }).where('sectionId', '=', id).where('language', '=', 'en').execute();
    const res = await step(id, 'en', 'publish', both, saved.version);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ message: string }>().message).toBe('You submitted this version for review: another reviewer must publish it.');
  });

  test('a published revision is never modified: editing makes a draft and readers keep the published text', async () => {
    const id = await sectionId(t, 'manual', 'health-issue', 'cumulative-harm');
    const start = (await get(text(id, 'en'), editor)).json<SectionEdit>();
    const original = await t.deps.db.selectFrom('sectionRevision').select(['title', 'bodyMd']).where('id', '=', start.published!.id).executeTakeFirstOrThrow();
    const draft = (await save(id, 'en', editor, { title: 'Changed', bodyMd: 'Changed body.', version: 1 })).json<SectionEdit>();
    expect(draft.current!.id).not.toBe(start.published!.id);
    expect(draft.published).toEqual(start.published);
    expect(await t.deps.db.selectFrom('sectionRevision').select(['title', 'bodyMd']).where('id', '=', start.published!.id).executeTakeFirstOrThrow()).toEqual(original);
    const shown = (await chapter('en')).sections.find((s) => s.id === id)!;
    expect(shown.title).toBe(original.title);
  });

  test('a stale version → 409 with the newer revision in the body', async () => {
    const id = await sectionId(t, 'manual', 'health-issue', 'clinic-opportunity');
    await save(id, 'en', editor, { title: 'First', bodyMd: 'First writer.', version: 1 });
    const late = await save(id, 'en', both, { title: 'Second', bodyMd: 'Second writer.', version: 1 });
    expect(late.statusCode).toBe(409);
    const body = late.json<{ code: string; current: SectionEdit }>();
    expect(body.code).toBe('conflict');
    expect(body.current).toMatchObject({ version: 2, state: 'draft', current: { title: 'First', bodyMd: 'First writer.', authorAccountId: editor.id } });
    expect((await get(`${text(id, 'en')}/revisions`, editor)).json<RevisionList>().revisions).toHaveLength(2);
  });

  test('submitting a text that is not a draft → 400', async () => {
    const id = await sectionId(t, 'manual', 'ethics', 'do-no-harm');
    const res = await step(id, 'en', 'submit', editor, 1);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid', message: 'Only a draft can be submitted for review.' });
  });

  test('a reviewer returns a text to draft with a note', async () => {
    const id = await sectionId(t, 'manual', 'ethics', 'person-centred');
    const saved = (await save(id, 'en', editor, { title: 'A person-centred approach', bodyMd: 'Draft.', version: 1 })).json<SectionEdit>();
    const submitted = (await step(id, 'en', 'submit', editor, saved.version)).json<SectionEdit>();
    const returned = await send('POST', `${text(id, 'en')}/return`, reviewer, { version: submitted.version, note: 'Add the sources.' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json<SectionEdit>()).toMatchObject({ state: 'draft', submittedBy: null, reviewNote: { note: 'Add the sources.', byName: 'Test Person' } });
    const audit = await t.deps.db.selectFrom('auditEvent').select(['details']).where('action', '=', 'library.section_returned').where('entityId', '=', id).executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ language: 'en', revisionId: saved.current!.id });
  });
});

describe('a text in review', () => {
  test('cannot be changed or restored until it is withdrawn; its editor withdraws it to draft, audited', async () => {
    const id = await sectionId(t, 'manual', 'ethics', 'do-no-harm');
    const start = (await get(text(id, 'nb'), editor)).json<SectionEdit>();
    const saved = (await save(id, 'nb', editor, { title: start.current!.title, bodyMd: 'Utkast til vurdering.', version: start.version })).json<SectionEdit>();
    const submitted = (await step(id, 'nb', 'submit', editor, saved.version)).json<SectionEdit>();
    const edited = await save(id, 'nb', editor, { title: 'Endret', bodyMd: 'Endret under vurdering.', version: submitted.version });
    expect(edited.statusCode).toBe(409);
    expect(edited.json<{ current: SectionEdit }>().current).toMatchObject({ state: 'in_review', current: { bodyMd: 'Utkast til vurdering.' } });
    const restored = await send('POST', `${text(id, 'nb')}/restore`, editor, { version: submitted.version, revisionId: start.current!.id });
    expect(restored.statusCode).toBe(409);
    expect((await send('POST', `${text(id, 'nb')}/withdraw`, reviewer, { version: submitted.version })).statusCode).toBe(403);
    const withdrawn = await send('POST', `${text(id, 'nb')}/withdraw`, editor, { version: submitted.version });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json<SectionEdit>()).toMatchObject({ state: 'draft', submittedBy: null, reviewNote: null });
    const again = await save(id, 'nb', editor, { title: 'Endret', bodyMd: 'Endret etter tilbaketrekking.', version: withdrawn.json<SectionEdit>().version });
    expect(again.statusCode).toBe(200);
    const audit = await t.deps.db.selectFrom('auditEvent').select(['details']).where('action', '=', 'library.section_withdrawn').where('entityId', '=', id).executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ language: 'nb', revisionId: saved.current!.id });
    expect((await send('POST', `${text(id, 'nb')}/withdraw`, editor, { version: again.json<SectionEdit>().version })).statusCode).toBe(400);
  });
});

describe('outdated translations', () => {
  test('republishing the source flags the translation for editors and readers; updating it clears the flag', async () => {
    const id = await sectionId(t, 'manual', 'communication', 'choosing-interpreter');
    const en = await publishNew(id, 'en', 'A new English text.');
    const ro = (await get(text(id, 'ro'), editor)).json<SectionEdit>();
    expect(ro.translation).toMatchObject({ outdated: true, sourcePublishedRevisionId: en.published!.id });
    const readerRo = (await chapter('ro', 'communication')).sections.find((s) => s.id === id)!;
    expect(readerRo.outdated).toBe(true);
    const queue = (await get('/api/library/outdated', editor)).json<TextSummaryList>().texts;
    expect(queue.filter((q) => q.sectionId === id).map((q) => q.language).sort()).toEqual(['nb', 'ro']);
    expect((await get('/api/library/outdated', outsider)).json<TextSummaryList>().texts).toEqual([]);

    const updated = await publishNew(id, 'ro', 'Un text nou în română.', { sourceRevisionId: ro.translation!.sourcePublishedRevisionId! });
    expect(updated.translation).toMatchObject({ outdated: false, sourceRevisionId: en.published!.id });
    expect((await chapter('ro', 'communication')).sections.find((s) => s.id === id)!.outdated).toBe(false);
    const after = (await get('/api/library/outdated', editor)).json<TextSummaryList>().texts;
    expect(after.filter((q) => q.sectionId === id).map((q) => q.language)).toEqual(['nb']);
  });

  test('a source revision of another section is refused as translation source', async () => {
    const id = await sectionId(t, 'manual', 'communication', 'asking');
    const other = (await get(text(await sectionId(t, 'manual', 'ethics', 'do-no-harm'), 'en'), editor)).json<SectionEdit>();
    const res = await save(id, 'nb', editor, { title: 'x', bodyMd: 'y', version: 1, sourceRevisionId: other.current!.id });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid', fields: { sourceRevisionId: 'Not a revision of the source text' } });
  });
});

describe('history', () => {
  test('diff between two revisions and restore of an older one', async () => {
    const id = await sectionId(t, 'manual', 'ethics', 'who-recommendations');
    const first = (await get(text(id, 'en'), editor)).json<SectionEdit>();
    const second = (await save(id, 'en', editor, { title: first.current!.title, bodyMd: `${first.current!.bodyMd}\n\nOne more line.`, version: 1 })).json<SectionEdit>();
    const diff = await get(`/api/library/revisions/diff?from=${first.current!.id}&to=${second.current!.id}&mode=lines`, reviewer);
    expect(diff.statusCode).toBe(200);
    const body = diff.json<RevisionDiff>();
    expect(body.body.filter((p) => p.added).map((p) => p.value.trim())).toEqual(expect.arrayContaining([expect.stringContaining('One more line.')]));
    expect(body.title).toEqual([{ value: first.current!.title, added: false, removed: false }]);
    const words = (await get(`/api/library/revisions/diff?from=${first.current!.id}&to=${second.current!.id}`, reviewer)).json<RevisionDiff>();
    expect(words.body.filter((p) => p.added).map((p) => p.value).join('')).toContain('One more line.');

    const restored = await send('POST', `${text(id, 'en')}/restore`, editor, { version: second.version, revisionId: first.current!.id });
    expect(restored.statusCode).toBe(200);
    expect(restored.json<SectionEdit>()).toMatchObject({ state: 'draft', current: { number: 3, bodyMd: first.current!.bodyMd }, published: { number: 1 } });
    const list = (await get(`${text(id, 'en')}/revisions`, editor)).json<RevisionList>().revisions;
    expect(list.map((r) => [r.number, r.isCurrent, r.isPublished])).toEqual([[3, true, false], [2, false, false], [1, false, true]]);
  });

  test('revisions of two different sections cannot be compared; outsiders cannot read revisions', async () => {
    const a = (await get(text(await sectionId(t, 'guide', 'romania-norway', 'lessons'), 'en'), editor)).json<SectionEdit>();
    const b = (await get(text(await sectionId(t, 'manual', 'ethics', 'do-no-harm'), 'en'), editor)).json<SectionEdit>();
    expect((await get(`/api/library/revisions/diff?from=${a.current!.id}&to=${b.current!.id}`, editor)).statusCode).toBe(400);
    expect((await get(`/api/library/revisions/${a.current!.id}`, outsider)).statusCode).toBe(404);
    expect((await get(`/api/library/revisions/diff?from=${a.current!.id}&to=${a.current!.id}`, outsider)).statusCode).toBe(404);
    expect((await get(`/api/library/revisions/${a.current!.id}`, editor)).json()).toMatchObject({ id: a.current!.id, bodyMd: a.current!.bodyMd });
  });
});

describe('queues and audit', () => {
  test('the review queue and the dashboard list texts of the own organisation only', async () => {
    const id = await sectionId(t, 'guide', 'quality-checklist', 'using');
    const saved = (await save(id, 'nb', editor, { title: 'Sjekklisten', bodyMd: 'Ny tekst.', version: 1 })).json<SectionEdit>();
    await step(id, 'nb', 'submit', editor, saved.version);
    const queue = (await get('/api/library/review-queue', reviewer)).json<TextSummaryList>().texts;
    expect(queue.find((q) => q.sectionId === id)).toMatchObject({ language: 'nb', state: 'in_review', title: 'Sjekklisten', publicationSlug: 'guide', chapterSlug: 'quality-checklist', authorName: 'Test Person' });
    expect((await get('/api/library/review-queue', outsider)).json<TextSummaryList>().texts).toEqual([]);
    const dashboard = (await get('/api/library/editor/dashboard', editor)).json<{ drafts: unknown[]; inReview: { sectionId: string }[] }>();
    expect(dashboard.inReview.map((q) => q.sectionId)).toContain(id);
    const trainer = await person(t, organisationId, ['trainer']);
    expect((await get('/api/library/editor/dashboard', trainer)).statusCode).toBe(403);
  });

  test('the editor sees the publication tree with each language state', async () => {
    const res = await get('/api/library/editor/publications/guide', editor);
    expect(res.statusCode).toBe(200);
    const tree = res.json<{ chapters: { slug: string; sections: { slug: string; texts: { language: string; state: string }[] }[] }[] }>();
    expect(tree.chapters).toHaveLength(8);
    const using = tree.chapters.find((c) => c.slug === 'quality-checklist')!.sections.find((s) => s.slug === 'using')!;
    expect(using.texts.map((x) => [x.language, x.state])).toEqual([['en', 'published'], ['ro', 'published'], ['nb', 'in_review']]);
    const list = (await get('/api/library/editor/publications', editor)).json<{ publications: { slug: string; can: object }[] }>();
    expect(list.publications.map((p) => p.slug)).toEqual(['manual', 'guide']);
    expect((await get('/api/library/editor/publications', outsider)).json()).toEqual({ publications: [] });
  });

  test('every step is audited in the publication organisation, with ids only', async () => {
    const rows = await t.deps.db
      .selectFrom('auditEvent')
      .select(['action', 'organisationId', 'entityType'])
      .where('action', 'like', 'library.section_%')
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    expect([...actions].sort()).toEqual(['library.section_published', 'library.section_restored', 'library.section_returned', 'library.section_saved', 'library.section_submitted', 'library.section_withdrawn']);
    expect(rows.every((r) => r.organisationId === organisationId && r.entityType === 'section_text')).toBe(true);
  });

  test('preview renders Markdown as readers will see it', async () => {
    const res = await send('POST', '/api/library/preview', editor, { bodyMd: '**Hi** <script>x</script>' });
    expect(res.json()).toEqual({ html: '<p><strong>Hi</strong> &lt;script&gt;x&lt;/script&gt;</p>' });
  });
});
