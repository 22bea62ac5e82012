// Help now: the seed import, the public list (language, country, chapter), editors keeping it (version conflicts,
// scoping, audit), input checks and the re-verification flag after 12 months.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, fakeActor } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import type { HelpContactList, HelpDeskContact, HelpDeskList } from '#shared/help/help-contact.schema.ts';
import { DEFAULT_CONTENT_DIR } from '#server/features/library/content-import.ts';
import { libraryCtx, person, type Person } from '#server/features/library/library.fixtures.ts';
import { importHelpContacts } from './help-import.ts';
import { helpContactsDue } from './help.service.ts';

let t: TestApp;
let organisationId: string;
let editor: Person;
let reviewer: Person;
let outsider: Person;
let coordinator: Person;

/** The library's chapters (slugs from outline.json) without their texts: contacts name them. */
async function libraryChapters(owner: string): Promise<void> {
  const outline = JSON.parse(readFileSync(path.join(DEFAULT_CONTENT_DIR, 'outline.json'), 'utf8')) as { publications: { slug: string; chapters: { id: string; order: number }[] }[] };
  for (const publication of outline.publications) {
    const { id } = await t.deps.db.insertInto('publication').values({ slug: publication.slug, organisationId: owner, titles: JSON.stringify({ en: publication.slug }) }).returning('id').executeTakeFirstOrThrow();
    for (const c of publication.chapters) await t.deps.db.insertInto('chapter').values({ publicationId: id, slug: c.id, position: c.order, titles: JSON.stringify({ en: c.id }), summaries: '{}' }).execute();
  }
}

const seed = () => t.deps.db.transaction().execute((trx) => importHelpContacts(libraryCtx(t), trx, DEFAULT_CONTENT_DIR, organisationId));

beforeAll(async () => {
  t = await createTestApp();
  organisationId = (await createOrganisation(t.deps.db, { country: 'RO' })).id;
  await libraryChapters(organisationId);
  editor = await person(t, organisationId, ['editor']);
  reviewer = await person(t, organisationId, ['reviewer']);
  coordinator = await person(t, organisationId, ['coordinator']);
  outsider = await person(t, (await createOrganisation(t.deps.db)).id, ['editor']);
});
afterAll(() => t.close());

const get = (url: string, who?: Person) => t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const send = (method: 'POST' | 'PUT', url: string, who: Person, payload: object) => t.app.inject({ method, url, headers: { cookie: who.cookie }, payload });
const deskList = async (who: Person) => (await get('/api/help/desk/contacts', who)).json<HelpDeskList>();

const NEW_CONTACT = {
  key: 'test-line',
  country: 'RO',
  kind: 'helpline',
  position: 9,
  names: { en: 'Test line', ro: 'Linie de test', nb: 'Testlinje' },
  purposes: { en: 'For tests.', ro: 'Pentru teste.', nb: 'For tester.' },
  number: '+40 21 000 00 00',
  hours: 'Mon–Fri 9–17',
  languages: ['ro', 'en'],
  sourceUrl: 'https://example.org/contact',
  verifiedOn: '2026-01-15',
  chapters: ['children'],
};

describe('seed import', () => {
  test('adds the seed once, audited; a second import adds nothing', async () => {
    expect(await seed()).toBe(5);
    expect(await seed()).toBe(0);
    const audit = await t.deps.db.selectFrom('auditEvent').select(['organisationId', 'details']).where('action', '=', 'help_contact.imported').execute();
    expect(audit).toEqual([{ organisationId, details: { created: 5 } }]);
  });

  test('an editor’s change survives the next import', async () => {
    const rosa = (await deskList(editor)).contacts.find((c) => c.key === 'no-rosa')!;
    const changed = await send('PUT', `/api/help/desk/contacts/${rosa.id}`, editor, { ...rosa, hours: 'Day and night', version: rosa.version });
    expect(changed.statusCode).toBe(200);
    expect(await seed()).toBe(0);
    expect((await deskList(editor)).contacts.find((c) => c.key === 'no-rosa')).toMatchObject({ hours: 'Day and night', version: rosa.version + 1 });
  });
});

describe('public list', () => {
  test('in the reader’s language, emergency numbers first in each country, with sources', async () => {
    const res = await get('/api/help/contacts?lang=ro');
    expect(res.statusCode).toBe(200);
    const { contacts, language } = res.json<HelpContactList>();
    expect(language).toBe('ro');
    expect(contacts.map((c) => c.key)).toEqual(['no-112', 'no-113', 'no-rosa', 'no-alarmtelefonen', 'ro-112']);
    expect(contacts.find((c) => c.key === 'ro-112')).toMatchObject({ name: 'Numărul unic de urgență 112', number: '112', kind: 'emergency', verifiedOn: '2026-12-06' });
    for (const c of contacts) expect(c.sourceUrl).toMatch(/^https:\/\//);
  });

  test('filtered by country and by chapter', async () => {
    const ro = (await get('/api/help/contacts?lang=en&country=RO')).json<HelpContactList>().contacts;
    expect(ro.map((c) => c.key)).toEqual(['ro-112']);
    const children = (await get('/api/help/contacts?lang=nb&chapter=children')).json<HelpContactList>().contacts;
    expect(children.map((c) => c.key)).toEqual(['no-112', 'no-alarmtelefonen', 'ro-112']);
    expect(children[1]!.name).toBe('Alarmtelefonen for barn og unge');
    expect((await get('/api/help/contacts?chapter=no-such-chapter')).json<HelpContactList>().contacts).toEqual([]);
  });

  test('bad filters → 400', async () => {
    expect((await get('/api/help/contacts?lang=de')).statusCode).toBe(400);
    expect((await get('/api/help/contacts?country=SE')).statusCode).toBe(400);
    expect((await get('/api/help/contacts?chapter=..%2F')).statusCode).toBe(400);
  });
});

describe('editors keep the registry', () => {
  let created: HelpDeskContact;

  test('an editor creates a contact (audited); it is public at once', async () => {
    const res = await send('POST', '/api/help/desk/contacts', editor, NEW_CONTACT);
    expect(res.statusCode).toBe(201);
    created = res.json<HelpDeskContact>();
    expect(created).toMatchObject({ key: 'test-line', status: 'published', version: 1, languages: ['ro', 'en'], verifiedOn: '2026-01-15' });
    const audit = await t.deps.db.selectFrom('auditEvent').select(['organisationId', 'details']).where('action', '=', 'help_contact.created').where('entityId', '=', created.id).executeTakeFirstOrThrow();
    expect(audit).toEqual({ organisationId, details: { key: 'test-line', country: 'RO' } });
    expect((await get('/api/help/contacts?country=RO')).json<HelpContactList>().contacts.map((c) => c.key)).toContain('test-line');
  });

  test('a reviewer updates it; a stale version → 409 with the current contact; the audit names the fields', async () => {
    const { key: _key, ...fields } = NEW_CONTACT;
    const ok = await send('PUT', `/api/help/desk/contacts/${created.id}`, reviewer, { ...fields, number: '0800 000 000', status: 'published', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<HelpDeskContact>()).toMatchObject({ number: '0800 000 000', version: 2 });
    const stale = await send('PUT', `/api/help/desk/contacts/${created.id}`, editor, { ...fields, hours: '24/7', status: 'published', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', current: { number: '0800 000 000', version: 2 } });
    const audit = await t.deps.db.selectFrom('auditEvent').select('details').where('action', '=', 'help_contact.updated').where('entityId', '=', created.id).execute();
    expect(audit).toEqual([{ details: { key: 'test-line', fields: ['number'] } }]);
  });

  test('mark verified today, then withdraw: gone from the public list, kept for editors', async () => {
    const verified = await send('POST', `/api/help/desk/contacts/${created.id}/verify`, editor, { version: 2 });
    expect(verified.statusCode).toBe(200);
    expect(verified.json<HelpDeskContact>()).toMatchObject({ verifiedOn: t.deps.now().toISOString().slice(0, 10), version: 3 });
    expect((await send('POST', `/api/help/desk/contacts/${created.id}/withdraw`, editor, { version: 2 })).statusCode).toBe(409);
    const withdrawn = await send('POST', `/api/help/desk/contacts/${created.id}/withdraw`, editor, { version: 3 });
    expect(withdrawn.json<HelpDeskContact>()).toMatchObject({ status: 'withdrawn', version: 4 });
    expect((await get('/api/help/contacts')).json<HelpContactList>().contacts.map((c) => c.key)).not.toContain('test-line');
    expect((await deskList(editor)).contacts.map((c) => c.key)).toContain('test-line');
    const actions = await t.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', created.id).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['help_contact.created', 'help_contact.updated', 'help_contact.verified', 'help_contact.withdrawn']);
  });

  test('another organisation’s editor sees none of them and gets 404 on each', async () => {
    expect(await deskList(outsider)).toEqual({ contacts: [], dueCount: 0 });
    const { key: _key, ...fields } = NEW_CONTACT;
    expect((await send('PUT', `/api/help/desk/contacts/${created.id}`, outsider, { ...fields, status: 'published', version: 4 })).statusCode).toBe(404);
    expect((await send('POST', `/api/help/desk/contacts/${created.id}/verify`, outsider, { version: 4 })).statusCode).toBe(404);
    expect((await send('POST', `/api/help/desk/contacts/${created.id}/withdraw`, outsider, { version: 4 })).statusCode).toBe(404);
  });

  test('people without an editor or reviewer role → 403; signed out → 401', async () => {
    expect((await get('/api/help/desk/contacts', coordinator)).statusCode).toBe(403);
    expect((await send('POST', '/api/help/desk/contacts', coordinator, { ...NEW_CONTACT, key: 'other' })).statusCode).toBe(403);
    expect((await send('POST', `/api/help/desk/contacts/${created.id}/verify`, coordinator, { version: 4 })).statusCode).toBe(403);
    expect((await get('/api/help/desk/contacts')).statusCode).toBe(401);
  });
});

describe('input checks', () => {
  const create = (change: object) => send('POST', '/api/help/desk/contacts', editor, { ...NEW_CONTACT, key: 'another-line', ...change });

  test.each([
    ['a source that is not https', { sourceUrl: 'http://example.org/' }, 'sourceUrl'],
    ['a javascript: source', { sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
    ['letters in the number', { number: '0800-HELP' }, 'number'],
    ['a number too long', { number: '1'.repeat(21) }, 'number'],
    ['an empty name in one language', { names: { en: 'x', ro: '', nb: 'x' } }, 'names.ro'],
    ['a key with capitals', { key: 'Bad Key' }, 'key'],
    ['a date that is not a day', { verifiedOn: '2026-13-40' }, 'verifiedOn'],
  ])('%s → 400 naming the field', async (_name, change, field) => {
    const res = await create(change);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json<{ fields: Record<string, string> }>().fields)).toContain(field);
  });

  test('an unknown chapter, a check dated tomorrow, a key in use → 400 with field errors', async () => {
    expect((await create({ chapters: ['no-such-chapter'] })).json()).toMatchObject({ code: 'invalid', fields: { chapters: expect.any(String) } });
    const tomorrow = new Date(t.deps.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    expect((await create({ verifiedOn: tomorrow })).json()).toMatchObject({ fields: { verifiedOn: expect.any(String) } });
    expect((await create({ key: 'ro-112' })).json()).toMatchObject({ fields: { key: expect.any(String) } });
  });
});

describe('re-verification', () => {
  test('a contact checked 12 months ago or more is flagged, counted for the home, and cleared by verifying', async () => {
    expect((await deskList(editor)).dueCount).toBe(0);
    t.setNow(new Date('2027-12-06T09:00:00Z'));
    const later = await person(t, organisationId, ['editor']);
    const list = await deskList(later);
    expect(list.contacts.filter((c) => c.due).map((c) => c.key).sort()).toEqual(['no-112', 'no-113', 'no-alarmtelefonen', 'no-rosa', 'ro-112']);
    expect(list.dueCount).toBe(5);
    const actor = fakeActor({ organisationId, roles: ['editor'] });
    expect(await helpContactsDue(t.deps.db, actor, t.deps.now())).toBe(5);
    expect(await helpContactsDue(t.deps.db, fakeActor({ organisationId, roles: ['coordinator'] }), t.deps.now())).toBe(0);
    expect(await helpContactsDue(t.deps.db, actor, new Date('2027-12-05T23:00:00Z'))).toBe(0);
    const ro112 = list.contacts.find((c) => c.key === 'ro-112')!;
    expect((await send('POST', `/api/help/desk/contacts/${ro112.id}/verify`, later, { version: ro112.version })).json<HelpDeskContact>()).toMatchObject({ verifiedOn: '2027-12-06', due: false });
    expect(await helpContactsDue(t.deps.db, actor, t.deps.now())).toBe(4);
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/inbox', headers: { cookie: later.cookie } })).json<{ items: unknown[] }>();
    expect(inbox.items).toContainEqual({ kind: 'help_contacts', count: 4, href: '/desk/help-contacts' });
  });
});
