// The case workflow: status moves and their contradictions, optimistic locking, the child path's closure rule,
// closure with a coordinator's approval (one winner under parallel decisions), support-plan approval, and the case
// settings that switch approval on.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { member } from '#server/features/referrals/referrals.fixtures.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { addToTeam, call, createCaseWorld, openCase, type CaseWorld, type Person } from './cases.fixtures.ts';

let t: TestApp;
let w: CaseWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await createCaseWorld(t);
});
afterAll(() => t.close());

const status = (who: Person, id: string, body: Record<string, unknown>) => call(t, who, 'POST', `/api/cases/${id}/status`, body);
const workflow = async (who: Person, id: string) => (await call(t, who, 'GET', `/api/cases/${id}/workflow`)).json();

async function setApproval(admin: Person, closureNeedsApproval: boolean) {
  const current = (await call(t, admin, 'GET', '/api/case-settings')).json();
  const res = await call(t, admin, 'PUT', '/api/case-settings', { codePrefix: current.codePrefix, closureNeedsApproval, planNeedsApproval: false, retention: current.retention, version: current.version });
  expect(res.statusCode).toBe(200);
}

describe('status', () => {
  test('moves Active ⇄ FollowUp, closes with a reason, reopens; each change bumps the version', async () => {
    const c = await openCase(t, w.ngo.owner);
    const follow = await status(w.ngo.owner, c.id, { to: 'FollowUp', version: c.version });
    expect(follow.statusCode).toBe(200);
    expect(follow.json()).toMatchObject({ status: 'FollowUp', version: c.version + 1, closureBlockers: [] });
    const closed = await status(w.ngo.owner, c.id, { to: 'ClosedReferred', reason: 'referred_on', note: 'Handed to the shelter team.', version: c.version + 1 });
    expect(closed.json()).toMatchObject({ status: 'ClosedReferred', closureReason: 'referred_on', closureNote: 'Handed to the shelter team.' });
    const stored = await t.deps.db.selectFrom('caseFile').select('closureNote').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(stored.closureNote).not.toContain('shelter');
    const reopened = await status(w.ngo.owner, c.id, { to: 'Active', version: c.version + 2 });
    expect(reopened.json()).toMatchObject({ status: 'Active', closureReason: null, closureNote: null, closedAt: null });
    const audit = await t.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', c.id).where('action', 'in', ['case.status_changed', 'case.reopened']).execute();
    expect(audit.map((a) => a.action)).toEqual(['case.status_changed', 'case.status_changed', 'case.reopened']);
  });

  test('a move that contradicts the status is a 422 with the reason, and changes nothing', async () => {
    const c = await openCase(t, w.ngo.owner);
    const same = await status(w.ngo.owner, c.id, { to: 'Active', version: c.version });
    expect(same.statusCode).toBe(422);
    expect(same.json().message).toMatch(/already active/);
    const noReason = await status(w.ngo.owner, c.id, { to: 'Closed', version: c.version });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().fields.reason).toBeDefined();
    await status(w.ngo.owner, c.id, { to: 'Closed', reason: 'goals_reached', version: c.version });
    const again = await status(w.ngo.owner, c.id, { to: 'ClosedReferred', reason: 'referred_on', version: c.version + 1 });
    expect(again.statusCode).toBe(422);
    expect(again.json().message).toMatch(/already closed/);
    expect((await workflow(w.ngo.owner, c.id)).status).toBe('Closed');
  });

  test('a stale version gets 409 with the current workflow; nothing is overwritten', async () => {
    const c = await openCase(t, w.ngo.owner);
    await status(w.ngo.owner, c.id, { to: 'FollowUp', version: c.version });
    const stale = await status(w.ngo.owner, c.id, { to: 'Closed', reason: 'lost_contact', version: c.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ status: 'FollowUp', version: c.version + 1 });
  });

  test('only the owner (or a coordinator on the team) changes it; others on the team and outside get 404', async () => {
    const c = await openCase(t, w.ngo.owner);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['psychological']);
    expect((await status(w.ngo.psychologist, c.id, { to: 'FollowUp', version: c.version })).statusCode).toBe(404);
    expect((await status(w.other.caseManager, c.id, { to: 'FollowUp', version: c.version })).statusCode).toBe(404);
    expect((await workflow(w.ngo.psychologist, c.id)).canChangeStatus).toBe(false);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.coordinator, ['general']);
    expect((await status(w.ngo.coordinator, c.id, { to: 'FollowUp', version: c.version })).statusCode).toBe(200);
  });
});

describe('the child path', () => {
  test('a child’s case does not close until the child-protection outcome is recorded', async () => {
    const c = await openCase(t, w.ngo.owner, { ageBand: '9-17', childProtection: { referredOn: '2026-11-02', outcome: 'pending', outcomeOn: null } });
    expect((await workflow(w.ngo.owner, c.id)).closureBlockers).toEqual(['child_protection_outcome_missing']);
    const refused = await status(w.ngo.owner, c.id, { to: 'Closed', reason: 'goals_reached', version: c.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toMatch(/child-protection outcome/);
    const updated = await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}`, { version: c.version, childProtection: { referredOn: '2026-11-02', outcome: 'supported_in_family', outcomeOn: '2026-11-20' } });
    expect(updated.statusCode).toBe(200);
    expect((await workflow(w.ngo.owner, c.id)).closureBlockers).toEqual([]);
    expect((await status(w.ngo.owner, c.id, { to: 'Closed', reason: 'goals_reached', version: c.version + 1 })).statusCode).toBe(200);
  });
});

describe('closure with approval', () => {
  let second: Person;
  beforeAll(async () => {
    second = await member(t, w.ngo.organisationId, ['coordinator']);
    await setApproval(w.ngo.admin, true);
  });
  afterAll(async () => setApproval(w.ngo.admin, false));

  test('closing files a request; the case stays open until a coordinator approves', async () => {
    const c = await openCase(t, w.ngo.owner);
    const asked = await status(w.ngo.owner, c.id, { to: 'Closed', reason: 'goals_reached', note: 'All goals met.', version: c.version });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ status: 'Active', closureBlockers: ['closure_waiting_for_approval'], approvals: [{ kind: 'closure', status: 'pending', to: 'Closed', reason: 'goals_reached', mine: true }] });
    expect((await status(w.ngo.owner, c.id, { to: 'Closed', reason: 'goals_reached', version: c.version })).statusCode).toBe(422);
    const list = (await call(t, w.ngo.coordinator, 'GET', '/api/cases/approvals')).json();
    const item = list.approvals.find((a: { caseId: string }) => a.caseId === c.id);
    expect(Object.keys(item).sort()).toEqual(['caseId', 'code', 'id', 'kind', 'mine', 'reason', 'requestedAt', 'requestedByName', 'to']);
    expect((await call(t, w.other.coordinator, 'POST', `/api/cases/approvals/${item.id}/approve`, {})).statusCode).toBe(404);
    expect((await call(t, w.ngo.coordinator, 'POST', `/api/cases/approvals/${item.id}/approve`, {})).statusCode).toBe(204);
    expect(await workflow(w.ngo.owner, c.id)).toMatchObject({ status: 'Closed', closureReason: 'goals_reached', closureNote: 'All goals met.', closureBlockers: [] });
  });

  test('two coordinators approving at once: exactly one wins', async () => {
    const c = await openCase(t, w.ngo.owner);
    await status(w.ngo.owner, c.id, { to: 'Closed', reason: 'lost_contact', version: c.version });
    const id = (await workflow(w.ngo.owner, c.id)).approvals[0].id;
    const answers = await Promise.all([w.ngo.coordinator, second, w.ngo.coordinator, second].map((who) => call(t, who, 'POST', `/api/cases/approvals/${id}/approve`, {})));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 409, 409, 409]);
    const decided = await t.deps.db.selectFrom('auditEvent').select('seq').where('action', '=', 'case.approval_decided').where('entityId', '=', c.id).execute();
    expect(decided).toHaveLength(1);
  });

  test('a rejection needs a note, which the team reads; the requester may withdraw, nobody else', async () => {
    const c = await openCase(t, w.ngo.owner);
    await status(w.ngo.owner, c.id, { to: 'Closed', reason: 'person_ended_contact', version: c.version });
    const id = (await workflow(w.ngo.owner, c.id)).approvals[0].id;
    expect((await call(t, w.ngo.coordinator, 'POST', `/api/cases/approvals/${id}/reject`, {})).statusCode).toBe(422);
    expect((await call(t, w.ngo.coordinator, 'POST', `/api/cases/approvals/${id}/reject`, { note: 'Try one more contact first.' })).statusCode).toBe(204);
    expect((await workflow(w.ngo.owner, c.id)).approvals[0]).toMatchObject({ status: 'rejected', decisionNote: 'Try one more contact first.' });
    expect((await workflow(w.ngo.owner, c.id)).status).toBe('Active');
    await status(w.ngo.owner, c.id, { to: 'Closed', reason: 'person_ended_contact', version: c.version });
    const again = (await workflow(w.ngo.owner, c.id)).approvals.find((a: { status: string }) => a.status === 'pending');
    expect((await call(t, w.ngo.colleague, 'POST', `/api/cases/approvals/${again.id}/withdraw`, {})).statusCode).toBe(422);
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/approvals/${again.id}/withdraw`, {})).statusCode).toBe(204);
    expect((await workflow(w.ngo.owner, c.id)).closureBlockers).toEqual([]);
  });

  test('a coordinator does not approve their own request', async () => {
    const c = await openCase(t, w.ngo.coordinator);
    await status(w.ngo.coordinator, c.id, { to: 'Closed', reason: 'moved_away', version: c.version });
    const id = (await workflow(w.ngo.coordinator, c.id)).approvals[0].id;
    expect((await call(t, w.ngo.coordinator, 'POST', `/api/cases/approvals/${id}/approve`, {})).statusCode).toBe(422);
    expect((await call(t, second, 'POST', `/api/cases/approvals/${id}/approve`, {})).statusCode).toBe(204);
  });

  test('a support plan waiting for approval becomes active when approved, a draft again when rejected', async () => {
    const c = await openCase(t, w.ngo.owner);
    const plan = async () => {
      const p = await t.deps.db.insertInto('casePlan').values({ caseId: c.id, type: 'Health', category: 'health', status: 'pending_approval', createdBy: w.ngo.owner.id }).returning('id').executeTakeFirstOrThrow();
      const a = await t.deps.db.insertInto('caseApproval').values({ caseId: c.id, organisationId: w.ngo.organisationId, kind: 'plan', planId: p.id, request: '{}', requestedBy: w.ngo.owner.id }).returning('id').executeTakeFirstOrThrow();
      return { planId: p.id, approvalId: a.id };
    };
    const first = await plan();
    expect((await call(t, w.ngo.coordinator, 'POST', `/api/cases/approvals/${first.approvalId}/approve`, {})).statusCode).toBe(204);
    expect(await t.deps.db.selectFrom('casePlan').select(['status', 'approvedBy']).where('id', '=', first.planId).executeTakeFirstOrThrow()).toEqual({ status: 'active', approvedBy: w.ngo.coordinator.id });
    const next = await plan();
    expect((await call(t, w.ngo.coordinator, 'POST', `/api/cases/approvals/${next.approvalId}/reject`, { note: 'Add a review date.' })).statusCode).toBe(204);
    expect((await t.deps.db.selectFrom('casePlan').select('status').where('id', '=', next.planId).executeTakeFirstOrThrow()).status).toBe('draft');
  });

  test('the home inbox tells a coordinator how many wait, not counting their own', async () => {
    const inbox = (await call(t, second, 'GET', '/api/inbox')).json();
    const line = inbox.items.find((i: { kind: string }) => i.kind === 'case_approvals');
    const pending = await t.deps.db.selectFrom('caseApproval').select('requestedBy').where('organisationId', '=', w.ngo.organisationId).where('status', '=', 'pending').execute();
    const forSecond = pending.filter((p) => p.requestedBy !== second.id).length;
    expect(line?.count ?? 0).toBe(forSecond);
    const none = (await call(t, w.ngo.owner, 'GET', '/api/inbox')).json();
    expect(none.items.map((i: { kind: string }) => i.kind)).not.toContain('case_approvals');
  });
});

describe('case settings', () => {
  test('an admin or coordinator of the organisation keeps them, with validation and optimistic locking', async () => {
    const current = (await call(t, w.ngo.coordinator, 'GET', '/api/case-settings')).json();
    const base = { codePrefix: 'ANTI', closureNeedsApproval: false, planNeedsApproval: true, retention: { health: 120, identity: 60 }, version: current.version };
    for (const bad of [{ codePrefix: 'ph' }, { codePrefix: 'TOOLONGX' }, { retention: { health: 0 } }, { retention: { health: 601 } }, { retention: { unknown: 5 } }]) {
      const res = await call(t, w.ngo.admin, 'PUT', '/api/case-settings', { ...base, ...bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    const saved = await call(t, w.ngo.coordinator, 'PUT', '/api/case-settings', base);
    expect(saved.json()).toMatchObject({ codePrefix: 'ANTI', planNeedsApproval: true, retention: { health: 120, identity: 60 }, version: current.version + 1 });
    expect((await call(t, w.ngo.admin, 'PUT', '/api/case-settings', base)).statusCode).toBe(409);
    expect((await call(t, w.ngo.owner, 'GET', '/api/case-settings')).statusCode).toBe(403);
    expect((await openCase(t, w.ngo.owner)).code).toMatch(/^ANTI-\d{4}-\d{4}$/);
    expect((await call(t, w.other.coordinator, 'GET', '/api/case-settings')).json().codePrefix).toBe('PH');
    await call(t, w.ngo.admin, 'PUT', '/api/case-settings', { ...base, codePrefix: 'PH', planNeedsApproval: false, version: current.version + 1 });
  });
});
