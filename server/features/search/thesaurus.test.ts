// The search thesaurus kept in the desk: the seed import (once per language, never over editors' changes), who may
// keep it, version conflicts, a term in two groups refused, audit, and searches using a new group at once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import type { SearchResponse } from '#shared/search/search.schema.ts';
import type { SynonymGroup, SynonymGroupList } from '#shared/search/thesaurus.schema.ts';
import { DEFAULT_CONTENT_DIR } from '#server/features/library/content-import.ts';
import { libraryCtx, person, type Person } from '#server/features/library/library.fixtures.ts';
import { publishText } from './search.fixtures.ts';
import { importThesaurus } from './thesaurus-import.ts';

let t: TestApp;
let editor: Person;
let reviewer: Person;
let participant: Person;
let admin: Person;

const seed = () => t.deps.db.transaction().execute((trx) => importThesaurus(libraryCtx(t), trx, DEFAULT_CONTENT_DIR));

/** Two public sections with words no seeded group holds ("indicators" is in one: a new group may not take it). */
async function addTexts(organisationId: string): Promise<void> {
  const db = t.deps.db;
  const pub = await db.insertInto('publication').values({ slug: 'fixture', organisationId, titles: { en: 'Fixture' } }).returning('id').executeTakeFirstOrThrow();
  const chapter = await db.insertInto('chapter').values({ publicationId: pub.id, slug: 'notes', position: 1, titles: { en: 'Notes' }, summaries: {} }).returning('id').executeTakeFirstOrThrow();
  const texts: [string, string][] = [
    ['signs', 'Quokka bites seen at the first visit.'],
    ['other', 'Okapi hours of the clinic.'],
  ];
  for (const [i, [slug, body]] of texts.entries()) {
    const { id } = await db.insertInto('section').values({ chapterId: chapter.id, slug, position: i }).returning('id').executeTakeFirstOrThrow();
    await publishText(db, id, 'en', slug, body);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const organisationId = (await createOrganisation(t.deps.db)).id;
  await addTexts(organisationId);
  editor = await person(t, organisationId, ['editor']);
  reviewer = await person(t, (await createOrganisation(t.deps.db)).id, ['reviewer']);
  participant = await person(t, organisationId, ['participant']);
  admin = await person(t, organisationId, [], { isPlatformAdmin: true });
});
afterAll(() => t.close());

const BASE = '/api/library/thesaurus';
const list = async (lang: string, who: Person = editor) => (await t.app.inject({ method: 'GET', url: `${BASE}?lang=${lang}`, headers: { cookie: who.cookie } })).json<SynonymGroupList>();
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, who: Person, payload?: object) => t.app.inject({ method, url, headers: { cookie: who.cookie }, ...(payload && { payload }) });
const search = async (q: string) => (await t.app.inject({ method: 'GET', url: `/api/library/search?${new URLSearchParams({ q, lang: 'en', publication: 'fixture' })}` })).json<SearchResponse>();
const audits = (action: string) => t.deps.db.selectFrom('auditEvent').select(['entityId', 'details']).where('action', '=', action).execute();

describe('seed import', () => {
  test('adds the groups of content/search/thesaurus.json once, and never over what editors changed', async () => {
    expect(await seed()).toBe(103);
    const en = await list('en');
    expect(en.groups).toHaveLength(34);
    expect(en.groups[0]!.terms).toContain('minor');
    const first = en.groups[0]!;
    const changed = await send('PUT', `${BASE}/${first.id}`, editor, { terms: ['minor', 'child'], version: first.version });
    expect(changed.statusCode).toBe(200);
    expect(await seed()).toBe(0);
    const again = await list('en');
    expect(again.groups).toHaveLength(34);
    expect(again.groups[0]!.terms).toEqual(['minor', 'child']);
    expect((await audits('thesaurus.imported'))[0]!.details).toEqual({ groups: 103, languages: ['en', 'ro', 'nb'] });
  });
});

describe('editors keep the thesaurus', () => {
  test('a group added in the desk is used by the next search at once; changed and deleted likewise', async () => {
    expect((await search('zebrafoo')).results).toEqual([]);
    expect((await send('POST', BASE, editor, { language: 'en', terms: ['zebrafoo', 'indicators'] })).statusCode).toBe(400);
    const created = await send('POST', BASE, editor, { language: 'en', terms: ['Zebrafoo', ' quokka ', 'zebrafoo'] });
    expect(created.statusCode).toBe(201);
    const group = created.json<SynonymGroup>();
    expect(group).toMatchObject({ language: 'en', terms: ['zebrafoo', 'quokka'], version: 1 });
    expect((await search('zebrafoo')).results.map((r) => r.section.slug)).toEqual(['signs']);

    const updated = await send('PUT', `${BASE}/${group.id}`, reviewer, { terms: ['zebrafoo', 'okapi'], version: 1 });
    expect(updated.json<SynonymGroup>()).toMatchObject({ terms: ['zebrafoo', 'okapi'], version: 2 });
    expect((await search('zebrafoo')).results.map((r) => r.section.slug)).toEqual(['other']);

    const stale = await send('PUT', `${BASE}/${group.id}`, editor, { terms: ['zebrafoo', 'clinic'], version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ current: SynonymGroup }>().current.version).toBe(2);
    expect((await send('DELETE', `${BASE}/${group.id}?version=1`, admin)).statusCode).toBe(409);

    expect((await send('DELETE', `${BASE}/${group.id}?version=2`, admin)).statusCode).toBe(204);
    expect((await search('zebrafoo')).results).toEqual([]);
    expect((await send('DELETE', `${BASE}/${group.id}?version=2`, admin)).statusCode).toBe(404);

    const created_ = await audits('thesaurus.group_created');
    expect(created_.at(-1)).toEqual({ entityId: group.id, details: { language: 'en', terms: 2 } });
    expect((await audits('thesaurus.group_updated')).at(-1)!.details).toEqual({ language: 'en', termsBefore: 2, terms: 2 });
    expect((await audits('thesaurus.group_deleted')).at(-1)!.details).toEqual({ language: 'en', terms: 2 });
  });

  test('a term already in another group of the language is refused with a field error (diacritics aside)', async () => {
    const ro = await send('POST', BASE, editor, { language: 'ro', terms: ['copíl', 'prunc'] });
    expect(ro.statusCode).toBe(400);
    expect(ro.json<{ fields: Record<string, string> }>().fields.terms).toContain('copil');
    expect((await send('POST', BASE, editor, { language: 'nb', terms: ['copil', 'prunc'] })).statusCode).toBe(201);
    expect((await send('POST', BASE, editor, { language: 'en', terms: ['alone', 'Alone'] })).statusCode).toBe(400);
    expect((await send('POST', BASE, editor, { language: 'en', terms: ['x'.repeat(61), 'y'] })).statusCode).toBe(400);
  });

  test('only editors, reviewers and platform admins: 403 for a participant, 401 signed out', async () => {
    expect((await t.app.inject({ method: 'GET', url: `${BASE}?lang=en`, headers: { cookie: participant.cookie } })).statusCode).toBe(403);
    expect((await send('POST', BASE, participant, { language: 'en', terms: ['qq', 'rr'] })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `${BASE}?lang=en` })).statusCode).toBe(401);
    const plain = await signIn(t.app, await createAccount(t.deps.db));
    expect((await t.app.inject({ method: 'GET', url: `${BASE}?lang=en`, headers: { cookie: plain } })).statusCode).toBe(403);
    expect((await list('nb', admin)).groups.length).toBeGreaterThan(30);
  });
});
