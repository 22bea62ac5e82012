// Assistance records and case comments: each category only for its grant (a list filtered in SQL, a record by id
// answering 404), consent to services before a service is received, consent to share before a record is shared, the
// calendar, optimistic locking, sealed free text, and an audit row per category read.
import { describe, expect, test } from 'vitest';
import type { TestApp } from '#tests/test-app.ts';
import { addToTeam, call, openCase, useCaseWorld, type CaseWorld } from './cases.fixtures.ts';

let t: TestApp;
let w: CaseWorld;
useCaseWorld((app, world) => {
  [t, w] = [app, world];
});

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

/** A consent of the case, recorded straight in the ledger (the consent routes are tested with the consent ledger). */
export async function giveConsent(app: TestApp, caseId: string, organisationId: string, scopes: string[], receiverOrganisationId: string | null = null) {
  const row = await app.deps.db
    .insertInto('consent')
    .values({
      organisationId,
      subjectCode: 'PH-TEST',
      caseId,
      scopes: JSON.stringify(scopes),
      receiverOrganisationId,
      purposes: JSON.stringify(['assistance']),
      decision: 'given',
      language: 'ro',
      expiresAt: new Date(Date.now() + 365 * DAY),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const medical = (extra: Record<string, unknown> = {}) => ({ type: 'medical_counselling', state: 'delivered', occurredOn: today(), serviceCategory: 'first_consult', deliveryMode: 'in_person', ...extra });

/** A create body as an update body: everything but the type, every field given. */
function update({ type: _type, ...fields }: Record<string, unknown>) {
  return { providerOrganisationId: null, providerRole: null, deliveryMode: null, interpreterUsed: null, interpreterLanguage: null, serviceCategory: null, outcome: null, followUpDue: null, sharedWith: [], note: null, ...fields };
}

describe('assistance by category', () => {
  test('a psychologist on the team sees only psychological assistance: the list is filtered, a health record by id is 404', async () => {
    const c = await openCase(t, w.ngo.owner);
    await giveConsent(t, c.id, w.ngo.organisationId, ['services']);
    const health = (await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, medical({ note: 'Secret-health-note-7731' }))).json();
    const psy = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, { type: 'psychological', state: 'offered', occurredOn: today() });
    expect(psy.statusCode).toBe(201);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['psychological']);

    const seen = (await call(t, w.ngo.psychologist, 'GET', `/api/cases/${c.id}/assistance`)).json();
    expect(seen.categories).toEqual(['psychological']);
    expect(seen.records.map((r: { type: string }) => r.type)).toEqual(['psychological']);
    expect(JSON.stringify(seen)).not.toContain('Secret-health-note');
    expect((await call(t, w.ngo.psychologist, 'GET', `/api/cases/${c.id}/assistance/${health.id}`)).statusCode).toBe(404);
    expect((await call(t, w.ngo.psychologist, 'PUT', `/api/cases/${c.id}/assistance/${health.id}`, { ...update(medical()), version: 1 })).statusCode).toBe(404);
    expect((await call(t, w.ngo.psychologist, 'POST', `/api/cases/${c.id}/assistance`, medical())).statusCode).toBe(404);

    const reads = await t.deps.db.selectFrom('auditEvent').select(['action', 'details']).where('entityId', '=', c.id).where('actorAccountId', '=', w.ngo.psychologist.id).execute();
    expect(reads.filter((r) => r.action === 'case.read').map((r) => (r.details as { category: string }).category)).toEqual(['psychological']);
    expect(reads.filter((r) => r.action === 'case.access_refused')).toHaveLength(3);
  });

  test('the owner reads every category, each read audited once per category, and the note is sealed at rest', async () => {
    const c = await openCase(t, w.ngo.owner);
    await giveConsent(t, c.id, w.ngo.organisationId, ['services']);
    await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, medical({ note: 'Canary-note-5521' }));
    const list = (await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/assistance`)).json();
    expect(list.categories).toEqual(['health', 'psychological', 'legal', 'social']);
    expect(list.records[0]).toMatchObject({ note: 'Canary-note-5521', providerOrganisationId: w.ngo.organisationId, category: 'health' });
    const stored = await t.deps.db.selectFrom('caseAssistance').select('note').where('caseId', '=', c.id).executeTakeFirstOrThrow();
    expect(stored.note).not.toContain('Canary');
    const reads = await t.deps.db.selectFrom('auditEvent').select('details').where('entityId', '=', c.id).where('action', '=', 'case.read').execute();
    const ofAssistance = reads.map((r) => r.details as { category: string; part?: string }).filter((d) => d.part === 'assistance');
    expect(ofAssistance.map((d) => d.category).sort()).toEqual(['health', 'legal', 'psychological', 'social']);
  });
});

describe('guessed and foreign ids', () => {
  test('another organisation, and a record reached through another case’s id, answer 404', async () => {
    const [a, b] = [await openCase(t, w.ngo.owner), await openCase(t, w.ngo.colleague)];
    const record = (await call(t, w.ngo.owner, 'POST', `/api/cases/${a.id}/assistance`, { type: 'legal', state: 'offered', occurredOn: today() })).json();
    expect((await call(t, w.other.caseManager, 'GET', `/api/cases/${a.id}/assistance`)).statusCode).toBe(404);
    expect((await call(t, w.other.caseManager, 'GET', `/api/cases/${a.id}/assistance/${record.id}`)).statusCode).toBe(404);
    expect((await call(t, w.ngo.colleague, 'GET', `/api/cases/${b.id}/assistance/${record.id}`)).statusCode).toBe(404);
    expect((await call(t, w.ngo.owner, 'GET', `/api/cases/${a.id}/assistance/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });
});

describe('consent', () => {
  test('a service received needs the person’s consent to services; an offer does not', async () => {
    const c = await openCase(t, w.ngo.owner);
    const refused = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, medical());
    expect(refused.statusCode).toBe(422);
    expect(refused.json().fields.consent).toMatch(/consent to receive services/);
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, medical({ state: 'offered' }))).statusCode).toBe(201);
    const consentId = await giveConsent(t, c.id, w.ngo.organisationId, ['services']);
    const ok = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, medical());
    expect(ok.statusCode).toBe(201);
    expect(ok.json().consentId).toBe(consentId);
  });

  test('a withdrawn consent no longer covers a new service', async () => {
    const c = await openCase(t, w.ngo.owner);
    const consentId = await giveConsent(t, c.id, w.ngo.organisationId, ['services']);
    await t.deps.db.updateTable('consent').set({ withdrawnAt: new Date() }).where('id', '=', consentId).execute();
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, medical())).statusCode).toBe(422);
  });

  test('sharing a record with another organisation needs the person’s consent to share with it', async () => {
    const c = await openCase(t, w.ngo.owner);
    await giveConsent(t, c.id, w.ngo.organisationId, ['services']);
    const refused = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, medical({ sharedWith: [w.other.organisationId] }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().fields.sharedWith).toMatch(/consent/);
    expect(await t.deps.db.selectFrom('caseAssistance').select('id').where('caseId', '=', c.id).execute()).toHaveLength(0);
    await giveConsent(t, c.id, w.ngo.organisationId, ['share'], w.other.organisationId);
    const offered = (await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/assistance`)).json();
    expect(offered.shareTargets).toEqual([{ id: w.other.organisationId, name: expect.any(String) }]);
    const shared = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, medical({ sharedWith: [w.other.organisationId] }));
    expect(shared.statusCode).toBe(201);
    expect(shared.json().sharedWith).toEqual([{ id: w.other.organisationId, name: expect.any(String) }]);
  });
});

describe('bad input and concurrency', () => {
  test('a delivered service dated in the future, or a service category on a non-medical type, is 422', async () => {
    const c = await openCase(t, w.ngo.owner);
    await giveConsent(t, c.id, w.ngo.organisationId, ['services']);
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    const future = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, medical({ occurredOn: tomorrow }));
    expect(future.statusCode).toBe(422);
    expect(future.json().fields.occurredOn).toBeTruthy();
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, medical({ occurredOn: tomorrow, state: 'accepted' }))).statusCode).toBe(201);
    const wrong = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, { type: 'legal', state: 'offered', occurredOn: today(), serviceCategory: 'dental' });
    expect(wrong.json().fields.serviceCategory).toBeTruthy();
    const unknownOrg = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, medical({ providerOrganisationId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownOrg.statusCode).toBe(422);
  });

  test('a stale save gets 409 with the current record, and nothing is overwritten', async () => {
    const c = await openCase(t, w.ngo.owner);
    await giveConsent(t, c.id, w.ngo.organisationId, ['services']);
    const r = (await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, medical({ state: 'offered' }))).json();
    const body = { ...update(medical({ state: 'accepted', providerRole: 'doctor' })), version: r.version };
    const [a, b] = await Promise.all([
      call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/assistance/${r.id}`, body),
      call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/assistance/${r.id}`, { ...body, state: 'declined' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    const winner = a.statusCode === 200 ? a : b;
    expect(loser.json().current).toMatchObject({ version: r.version + 1, state: winner.json().state });
  });

  test('a closed case refuses new records', async () => {
    const c = await openCase(t, w.ngo.owner);
    await t.deps.db.updateTable('caseFile').set({ status: 'Closed' }).where('id', '=', c.id).execute();
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/assistance`, medical({ state: 'offered' }))).statusCode).toBe(422);
  });
});

describe('case comments', () => {
  test('are sealed, per category, and only the grant’s categories are listed', async () => {
    const c = await openCase(t, w.ngo.owner);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['psychological']);
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/comments`, { category: 'health', body: 'Health-comment-9912' })).statusCode).toBe(201);
    expect((await call(t, w.ngo.psychologist, 'POST', `/api/cases/${c.id}/comments`, { category: 'psychological', body: 'Session went well' })).statusCode).toBe(201);
    expect((await call(t, w.ngo.psychologist, 'POST', `/api/cases/${c.id}/comments`, { category: 'health', body: 'x' })).statusCode).toBe(404);
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/comments`, { category: 'general', body: '   ' })).statusCode).toBe(400);
    // identity lives in the vault alone: no comment is filed there (so no list read is ever audited as an identity read)
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/comments`, { category: 'identity', body: 'x' })).statusCode).toBe(400);
    const seen = (await call(t, w.ngo.psychologist, 'GET', `/api/cases/${c.id}/comments`)).json();
    expect(seen.comments.map((x: { body: string }) => x.body)).toEqual(['Session went well']);
    const stored = await t.deps.db.selectFrom('caseComment').select('body').where('caseId', '=', c.id).execute();
    expect(stored.map((s) => s.body).join()).not.toContain('Health-comment');
  });
});
