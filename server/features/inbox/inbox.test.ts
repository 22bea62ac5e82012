// GET /api/inbox: each provider's count for the person it is meant for, nothing from another organisation.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Inbox } from '#shared/inbox/inbox.schema.ts';
import type { SectionEdit } from '#shared/library/library-edit.schema.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation, fakeActor } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { person, type Person } from '#server/features/library/library.fixtures.ts';
import { addInvitation, addReport, smallLibrary } from './inbox.fixtures.ts';
import { getInbox } from './inbox.service.ts';
import { counted } from './inbox.providers.ts';

let t: TestApp;
let org: string;
let editor: Person;
let otherEditor: Person;
let reviewer: Person;
let admin: Person;
let participant: Person;
let outside: { reviewer: Person; editor: Person; admin: Person };
let returnable: { sectionId: string; language: string };

const inbox = async (who?: Person) => t.app.inject({ method: 'GET', url: '/api/inbox', headers: who ? { cookie: who.cookie } : {} });
const items = async (who: Person) => (await inbox(who)).json<Inbox>().items;
const countOf = async (who: Person, kind: string) => (await items(who)).find((i) => i.kind === kind)?.count ?? 0;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  org = (await createOrganisation(db)).id;
  const other = (await createOrganisation(db)).id;
  [editor, otherEditor, reviewer, admin, participant] = await Promise.all([
    person(t, org, ['editor']),
    person(t, org, ['editor']),
    person(t, org, ['reviewer']),
    person(t, org, ['org_admin']),
    person(t, org, ['participant']),
  ]);
  outside = { reviewer: await person(t, other, ['reviewer']), editor: await person(t, other, ['editor']), admin: await person(t, other, ['org_admin']) };

  const addText = await smallLibrary(db, org);
  returnable = await addText({ author: editor.id, state: 'in_review' });
  await addText({ author: otherEditor.id, state: 'in_review', language: 'ro' });
  // Four eyes: the reviewer wrote one and submitted another, so neither waits for them.
  await addText({ author: reviewer.id, state: 'in_review', submittedBy: editor.id });
  await addText({ author: editor.id, state: 'in_review', submittedBy: reviewer.id });
  await addText({ author: editor.id, state: 'draft', reviewNote: 'Please add the phone number.' });
  await addText({ author: editor.id, state: 'draft' });
  const published = await addText({ author: editor.id, state: 'published' });
  await addReport(db, published.sectionId, 'open');
  await addReport(db, published.sectionId, 'open');
  await addReport(db, published.sectionId, 'closed');
  await addInvitation(db, org, {});
  await addInvitation(db, org, { expiresAt: new Date(Date.now() - 60_000) });
  await addInvitation(db, org, { acceptedAt: new Date() });
  await addInvitation(db, org, { revokedAt: new Date() });

  // Another organisation's work of every kind, which nobody above may see counted.
  const addOther = await smallLibrary(db, other);
  await addOther({ author: outside.editor.id, state: 'in_review' });
  const otherPublished = await addOther({ author: outside.editor.id, state: 'published' });
  await addOther({ author: editor.id, state: 'draft', reviewNote: 'Not yours to see.' });
  await addReport(db, otherPublished.sectionId, 'open');
  await addInvitation(db, other, {});
  await addInvitation(db, other, {});
});
afterAll(() => t.close());

describe('GET /api/inbox', () => {
  test('anonymous → 401; half-way through sign-in → 401', async () => {
    expect((await inbox()).statusCode).toBe(401);
    const account = await createAccount(t.deps.db, { organisationId: org, roles: ['reviewer'], withTotp: true });
    const halfWay = await signIn(t.app, { email: account.email, password: account.password, partial: true });
    expect((await inbox({ id: account.id, cookie: halfWay })).statusCode).toBe(401);
  });

  test('a reviewer: texts in review they may publish, in their organisation only', async () => {
    expect(await items(reviewer)).toEqual([{ kind: 'texts_to_review', count: 2, href: '/desk' }]);
    expect(await items(outside.reviewer)).toEqual([{ kind: 'texts_to_review', count: 1, href: '/desk' }]);
  });

  test('an editor: their own texts returned with a note, and the open reader reports, in their organisation only', async () => {
    expect(await items(editor)).toEqual([
      { kind: 'texts_returned', count: 1, href: '/desk' },
      { kind: 'reports_to_answer', count: 2, href: '/desk/reports' },
    ]);
    expect(await items(otherEditor)).toEqual([{ kind: 'reports_to_answer', count: 2, href: '/desk/reports' }]);
    expect(await items(outside.editor)).toEqual([{ kind: 'reports_to_answer', count: 1, href: '/desk/reports' }]);
  });

  test('an organisation admin: invitations neither accepted, revoked nor expired, of their organisation only', async () => {
    expect(await items(admin)).toEqual([{ kind: 'invitations_pending', count: 1, href: '/admin/members' }]);
    expect(await items(outside.admin)).toEqual([{ kind: 'invitations_pending', count: 2, href: '/admin/members' }]);
  });

  test('someone with no waiting work gets an empty list', async () => {
    expect((await inbox(participant)).statusCode).toBe(200);
    expect(await items(participant)).toEqual([]);
  });

  test('a text the reviewer returns leaves their count and joins its author\'s returned texts', async () => {
    const url = `/api/library/sections/${returnable.sectionId}/texts/${returnable.language}`;
    const { version } = (await t.app.inject({ method: 'GET', url, headers: { cookie: reviewer.cookie } })).json<SectionEdit>();
    const res = await t.app.inject({ method: 'POST', url: `${url}/return`, headers: { cookie: reviewer.cookie }, payload: { version, note: 'Shorter, please.' } });
    expect(res.statusCode).toBe(200);
    expect(await countOf(reviewer, 'texts_to_review')).toBe(1);
    expect(await countOf(editor, 'texts_returned')).toBe(2);
  });

  test('a count plugs in as one provider line, left out while it is zero', async () => {
    const db = t.deps.db;
    const ctx = { db, actor: fakeActor({ accountId: admin.id }), now: new Date(), log: t.app.log, ip: null, config: t.deps.config };
    const some = counted('invitations_pending', '/admin/members', async () => 3);
    const none = counted('texts_to_review', '/desk', async () => 0);
    expect(await getInbox(ctx, [none, some])).toEqual({ items: [{ kind: 'invitations_pending', count: 3, href: '/admin/members' }] });
  });
});
