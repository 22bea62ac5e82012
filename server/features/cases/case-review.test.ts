// A penetration tester's findings on case files, each pinned by a test that failed before its fix: a forged list
// cursor answered 500; a coordinator on the team could widen their own grants (or take the case) without break-glass;
// the blind index gave the same person the same digest in every organisation; a member of another organisation could
// hold the identity grant under a share that does not cover identity, and saw the organisation's other cases as
// duplicates; their edits were audited in their own organisation; data written after a purge or an erasure escaped
// the next purge; a plan could start on a closed case; and a superseded share record kept the share alive.
import { describe, expect, test } from 'vitest';
import { runDueJobs } from '#server/features/jobs/jobs.worker.ts';
import type { Actor } from '#server/http/access.ts';
import type { TestApp } from '#tests/test-app.ts';
import { CONSENT_GUIDANCE_ITEMS } from '#shared/cases/case-vocabulary.ts';
import { addToTeam, call, openCase, useCaseWorld, type CaseWorld } from './cases.fixtures.ts';
import { closeCase, versionOf } from './case-protection.fixtures.ts';
import { loadGrant } from './case-access.ts';
import { CASE_RETENTION_JOB, caseRetentionJob, scheduleCaseRetention } from './case-retention.service.ts';

let t: TestApp;
let w: CaseWorld;
useCaseWorld((app, world) => {
  [t, w] = [app, world];
});

describe('the case list cursor', () => {
  test('a forged cursor is a 400 with the field, never a database error', async () => {
    const uuid = '00000000-0000-4000-8000-000000000000';
    for (const before of [`2026-01-01T00:00:00.000Z_${'a'.repeat(36)}`, `2026-01-01T00:00:00.000Z_${'-'.repeat(36)}`, `0000-01-01T00:00:00.000Z_${uuid}`]) {
      const res = await call(t, w.ngo.owner, 'GET', `/api/cases?before=${encodeURIComponent(before)}`);
      expect(res.statusCode, before).toBe(400);
      expect(res.json().fields).toHaveProperty('before');
    }
    await openCase(t, w.ngo.owner);
    await openCase(t, w.ngo.owner);
    const page = (await call(t, w.ngo.owner, 'GET', '/api/cases?limit=1')).json();
    expect(page.nextBefore).toBeTruthy();
    expect((await call(t, w.ngo.owner, 'GET', `/api/cases?limit=1&before=${encodeURIComponent(page.nextBefore)}`)).statusCode).toBe(200);
  });
});

describe('nobody widens their own access', () => {
  test('a coordinator on the team with the general grant cannot give themselves identity, nor take the case', async () => {
    const c = await openCase(t, w.ngo.owner);
    const detail = await addToTeam(t, w.ngo.owner, c.id, w.ngo.coordinator, ['general']);
    const me = detail.team.find((m: { accountId: string }) => m.accountId === w.ngo.coordinator.id);
    const grants = await call(t, w.ngo.coordinator, 'PUT', `/api/cases/${c.id}/members/${w.ngo.coordinator.id}`, { grants: ['general', 'identity'], version: me.version });
    expect(grants.statusCode).toBe(422);
    expect(grants.json().fields).toHaveProperty('accountId');
    const owner = await call(t, w.ngo.coordinator, 'POST', `/api/cases/${c.id}/owner`, { accountId: w.ngo.coordinator.id, version: detail.version });
    expect(owner.statusCode).toBe(422);
    expect(owner.json().fields).toHaveProperty('accountId');
    expect((await call(t, w.ngo.coordinator, 'GET', `/api/cases/${c.id}/identity`)).statusCode).toBe(404);
    const held = await t.deps.db.selectFrom('caseMember').select('grants').where('caseId', '=', c.id).where('accountId', '=', w.ngo.coordinator.id).executeTakeFirstOrThrow();
    expect(held.grants).toEqual(['general']);
  });

  test('the coordinator still manages everyone else on the team', async () => {
    const c = await openCase(t, w.ngo.owner);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.coordinator, ['general']);
    const detail = await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['general']);
    const psychologist = detail.team.find((m: { accountId: string }) => m.accountId === w.ngo.psychologist.id);
    const res = await call(t, w.ngo.coordinator, 'PUT', `/api/cases/${c.id}/members/${w.ngo.psychologist.id}`, { grants: ['general', 'psychological'], version: psychologist.version });
    expect(res.statusCode).toBe(200);
  });
});

describe('the blind index', () => {
  test('the same person in two organisations gets unrelated digests (a stolen index links no cases across them)', async () => {
    const identity = { version: 0, givenName: 'Ilinca', familyName: 'Crossorg', birthDate: '1998-07-09', contacts: [{ kind: 'phone', value: '+40 733 999 111' }], documents: [{ type: 'passport', number: 'ZZ7654321' }] };
    const a = await openCase(t, w.ngo.owner);
    const b = await openCase(t, w.other.caseManager);
    expect((await call(t, w.ngo.owner, 'PUT', `/api/cases/${a.id}/identity`, identity)).statusCode).toBe(200);
    expect((await call(t, w.other.caseManager, 'PUT', `/api/cases/${b.id}/identity`, identity)).statusCode).toBe(200);
    const digests = async (caseId: string) => (await t.deps.db.selectFrom('caseIdentityIndex').select('digest').where('caseId', '=', caseId).execute()).map((r) => r.digest);
    const [ofA, ofB] = [await digests(a.id), await digests(b.id)];
    expect(ofA).toHaveLength(3);
    expect(ofB).toHaveLength(3);
    expect(ofA.filter((d) => ofB.includes(d))).toEqual([]);
    // Within the organisation the duplicate is still found.
    const again = await call(t, w.ngo.owner, 'POST', '/api/cases/duplicates', { givenName: 'ilinca', familyName: 'CROSSORG', birthDate: '1998-07-09' });
    expect(again.json().matches).toEqual([expect.objectContaining({ caseId: a.id, kinds: ['name_birth'] })]);
  });
});

const guidance = Object.fromEntries(CONSENT_GUIDANCE_ITEMS.map((i) => [i, { informed: 'yes' }]));
async function share(caseId: string, coversIdentity: boolean) {
  const lastSeenId = (await call(t, w.ngo.owner, 'GET', `/api/cases/${caseId}/consents`)).json().records[0]?.id ?? null;
  const res = await call(t, w.ngo.owner, 'POST', `/api/cases/${caseId}/consents`, { scopes: ['share'], receiverOrganisationId: w.other.organisationId, decision: 'given', guidance, language: 'ro', withInterpreter: false, coversIdentity, lastSeenId });
  expect(res.statusCode).toBe(201);
}
const emailOf = async (id: string) => (await t.deps.db.selectFrom('account').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;

describe('identity across organisations', () => {
  test('a member of another organisation gets the identity grant only under a share consent that covers identity', async () => {
    const c = await openCase(t, w.ngo.owner);
    expect((await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/identity`, { version: 0, givenName: 'Sanda', familyName: 'Faracon' })).statusCode).toBe(200);
    await share(c.id, false);
    const email = await emailOf(w.other.caseManager.id);
    const refused = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/members`, { email, grants: ['general', 'identity'] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().fields).toHaveProperty('grants');
    const added = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/members`, { email, grants: ['general'] });
    expect(added.statusCode).toBe(200);
    const member = added.json().team.find((m: { accountId: string }) => m.accountId === w.other.caseManager.id);
    const widened = await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/members/${w.other.caseManager.id}`, { grants: ['general', 'identity'], version: member.version });
    expect(widened.statusCode).toBe(422);
    // A grant stored anyway (made under a consent since replaced) reads nothing: the server decides at every read.
    await t.deps.db.updateTable('caseMember').set({ grants: JSON.stringify(['general', 'identity']) }).where('caseId', '=', c.id).where('accountId', '=', w.other.caseManager.id).execute();
    expect((await call(t, w.other.caseManager, 'GET', `/api/cases/${c.id}/identity`)).statusCode).toBe(404);
    expect((await call(t, w.other.caseManager, 'GET', `/api/cases/${c.id}`)).json().grant.categories).toEqual(['general']);
    await share(c.id, true);
    const read = await call(t, w.other.caseManager, 'GET', `/api/cases/${c.id}/identity`);
    expect(read.statusCode).toBe(200);
    expect(read.json().givenName).toBe('Sanda');
    // A newer share record that leaves identity out is the one in force: the identity grant ends with it.
    await share(c.id, false);
    expect((await call(t, w.other.caseManager, 'GET', `/api/cases/${c.id}/identity`)).statusCode).toBe(404);
    expect((await call(t, w.other.caseManager, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(200);
  });
});

describe('duplicates on the identity page', () => {
  test('are shown to those who register people in the case’s organisation, not to a psychologist nor to another organisation', async () => {
    const person = { givenName: 'Viorica', familyName: 'Dublura', birthDate: '1997-05-06' };
    const earlier = await openCase(t, w.ngo.owner);
    expect((await call(t, w.ngo.owner, 'PUT', `/api/cases/${earlier.id}/identity`, { version: 0, ...person })).statusCode).toBe(200);
    const c = await openCase(t, w.ngo.owner);
    expect((await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/identity`, { version: 0, ...person })).json().duplicates).toHaveLength(1);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['psychological', 'identity']);
    const probe = await call(t, w.ngo.psychologist, 'PUT', `/api/cases/${c.id}/identity`, { version: 1, givenName: 'Viorica' });
    expect(probe.statusCode).toBe(200);
    expect(probe.json().duplicates).toEqual([]);
    await share(c.id, true);
    await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/members`, { email: await emailOf(w.other.caseManager.id), grants: ['general', 'identity'] });
    const elsewhere = await call(t, w.other.caseManager, 'GET', `/api/cases/${c.id}/identity`);
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json().duplicates).toEqual([]);
  });
});

describe('the audit of a shared case', () => {
  test('a change by a member of another organisation is recorded in the case’s organisation, where its admins look', async () => {
    const c = await openCase(t, w.ngo.owner);
    await share(c.id, true);
    const added = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/members`, { email: await emailOf(w.other.caseManager.id), grants: ['general', 'identity'] });
    expect(added.statusCode).toBe(200);
    const version = added.json().version;
    expect((await call(t, w.other.caseManager, 'PUT', `/api/cases/${c.id}`, { version, traffickingStatus: 'PossibleVictimOfTrafficking' })).statusCode).toBe(200);
    expect((await call(t, w.other.caseManager, 'PUT', `/api/cases/${c.id}/identity`, { version: 0, givenName: 'Elena' })).statusCode).toBe(200);
    const rows = await t.deps.db.selectFrom('auditEvent').select(['action', 'organisationId']).where('entityId', '=', c.id).where('action', 'in', ['case.updated', 'case.identity_updated', 'case.member_added']).execute();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row, row.action).toMatchObject({ organisationId: w.ngo.organisationId });
  });
});

describe('retention after a reopening', () => {
  const handlers = { [CASE_RETENTION_JOB]: caseRetentionJob };
  async function purgeOn(now: Date) {
    t.setNow(now);
    await scheduleCaseRetention(t.deps.db, handlers, now);
    expect(await runDueJobs(t.deps, handlers)).toEqual({ done: 1, retried: 0, failed: 0 });
    t.setNow(new Date());
  }
  const identityRows = async (caseId: string) => (await t.deps.db.selectFrom('caseIdentity').select('caseId').where('caseId', '=', caseId).execute()).length;
  const reopen = async (caseId: string) => call(t, w.ngo.owner, 'POST', `/api/cases/${caseId}/status`, { to: 'Active', version: await versionOf(t, caseId) });

  test('an identity written after the purge took the first one is purged again after the next closure', async () => {
    const c = await openCase(t, w.ngo.owner);
    expect((await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/identity`, { version: 0, givenName: 'Prima' })).statusCode).toBe(200);
    await closeCase(t, c.id, new Date('2020-01-10T10:00:00Z'));
    await purgeOn(new Date('2022-06-01T10:00:00Z'));
    expect(await identityRows(c.id)).toBe(0);
    expect((await reopen(c.id)).statusCode).toBe(200);
    expect((await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/identity`, { version: 0, givenName: 'Secunda' })).statusCode).toBe(200);
    await closeCase(t, c.id, new Date('2023-01-10T10:00:00Z'));
    await purgeOn(new Date('2025-06-01T10:00:00Z'));
    expect(await identityRows(c.id)).toBe(0);
  });

  test('an identity saved again after an erasure on request is purged like any other', async () => {
    const c = await openCase(t, w.ngo.owner);
    expect((await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/identity`, { version: 0, givenName: 'Prima' })).statusCode).toBe(200);
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/erase`, { scope: 'identity', reason: 'Her request', version: await versionOf(t, c.id) })).statusCode).toBe(200);
    expect((await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/identity`, { version: 0, givenName: 'Revenita' })).statusCode).toBe(200);
    await closeCase(t, c.id, new Date('2020-02-10T10:00:00Z'));
    // NOTE: another day than the test above: the purge runs once a day.
    await purgeOn(new Date('2022-07-01T10:00:00Z'));
    expect(await identityRows(c.id)).toBe(0);
  });

  test('an anonymised case is not reopened (what is written then could never be purged nor erased)', async () => {
    const c = await openCase(t, w.ngo.owner);
    await closeCase(t, c.id, new Date());
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/erase`, { scope: 'all', reason: 'Her request', version: await versionOf(t, c.id) })).statusCode).toBe(200);
    const res = await reopen(c.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.to).toMatch(/anonymised/);
  });
});

describe('approvals on a closed case', () => {
  test('a support plan waiting for approval does not start once the case is closed', async () => {
    await t.deps.db.insertInto('caseSetting').values({ organisationId: w.ngo.organisationId, planNeedsApproval: true, retention: '{}', updatedAt: new Date() }).execute();
    try {
      const c = await openCase(t, w.ngo.owner);
      const p = (await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/plans`, { type: 'Legal', goals: [{ text: 'Counsel', done: false }] })).json();
      expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/plans/${p.id}/status`, { status: 'active', version: p.version })).json().status).toBe('pending_approval');
      await closeCase(t, c.id, new Date());
      const approval = await t.deps.db.selectFrom('caseApproval').select('id').where('planId', '=', p.id).executeTakeFirstOrThrow();
      const res = await call(t, w.ngo.coordinator, 'POST', `/api/cases/approvals/${approval.id}/approve`, {});
      expect(res.statusCode).toBe(422);
      expect((await t.deps.db.selectFrom('casePlan').select('status').where('id', '=', p.id).executeTakeFirstOrThrow()).status).toBe('pending_approval');
    } finally {
      await t.deps.db.deleteFrom('caseSetting').where('organisationId', '=', w.ngo.organisationId).execute();
    }
  });
});

describe('a share renewed for a shorter time', () => {
  test('ends when the newest record says, though the older one was never withdrawn', async () => {
    const c = await openCase(t, w.ngo.owner);
    await share(c.id, false);
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/members`, { email: await emailOf(w.other.caseManager.id), grants: ['general'] })).statusCode).toBe(200);
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const lastSeenId = (await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/consents`)).json().records[0].id;
    const renewed = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/consents`, { scopes: ['share'], receiverOrganisationId: w.other.organisationId, decision: 'given', guidance, language: 'ro', withInterpreter: false, expiresOn: soon, lastSeenId });
    expect(renewed.statusCode).toBe(201);
    expect((await call(t, w.other.caseManager, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(200);
    // NOTE: the grant is asked of the policy at a later clock (a session would expire meanwhile).
    const actor = { accountId: w.other.caseManager.id, organisationId: w.other.organisationId, roles: ['case_manager'] } as unknown as Actor;
    expect(await loadGrant(t.deps.db, actor, c.id, new Date(Date.now() + 5 * 86_400_000))).toBeNull();
  });
});
