// Support plans and risk assessments: a plan's category follows its type, its text is sealed, its status moves only
// along the allowed steps (through a coordinator's approval when the organisation asks for it), stale saves get 409,
// reviews need an active plan; risk assessments are listed oldest first so the change over time shows.
import { describe, expect, test } from 'vitest';
import type { TestApp } from '#tests/test-app.ts';
import { addToTeam, call, openCase, useCaseWorld, type CaseWorld } from './cases.fixtures.ts';

let t: TestApp;
let w: CaseWorld;
useCaseWorld((app, world) => {
  [t, w] = [app, world];
});

const today = () => new Date().toISOString().slice(0, 10);

async function draft(caseId: string, type = 'Health', body: Record<string, unknown> = {}) {
  const res = await call(t, w.ngo.owner, 'POST', `/api/cases/${caseId}/plans`, { type, goals: [{ text: 'Plan-goal-4471', done: false }], objectives: 'See a GP', ...body });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number; status: string; category: string };
}

describe('support plans', () => {
  test('take their category from the type: a psychologist sees rehabilitation plans, not health plans', async () => {
    const c = await openCase(t, w.ngo.owner);
    const health = await draft(c.id, 'Health');
    const rehab = await draft(c.id, 'SexualExploitationRehabilitation');
    expect([health.category, rehab.category]).toEqual(['health', 'psychological']);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['psychological']);
    const seen = (await call(t, w.ngo.psychologist, 'GET', `/api/cases/${c.id}/plans`)).json();
    expect(seen.plans.map((p: { id: string }) => p.id)).toEqual([rehab.id]);
    expect((await call(t, w.ngo.psychologist, 'GET', `/api/cases/${c.id}/plans/${health.id}/reviews`)).statusCode).toBe(404);
    const stored = await t.deps.db.selectFrom('casePlan').select(['goals', 'objectives']).where('id', '=', health.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toMatch(/Plan-goal|See a GP/);
  });

  test('move draft → active → completed; a step that is not allowed is 422; a stale version is 409', async () => {
    const c = await openCase(t, w.ngo.owner);
    const p = await draft(c.id);
    const url = `/api/cases/${c.id}/plans/${p.id}`;
    expect((await call(t, w.ngo.owner, 'POST', `${url}/status`, { status: 'completed', version: p.version })).statusCode).toBe(422);
    const active = await call(t, w.ngo.owner, 'POST', `${url}/status`, { status: 'active', version: p.version });
    expect(active.json()).toMatchObject({ status: 'active', version: p.version + 1 });
    const stale = await call(t, w.ngo.owner, 'PUT', url, { goals: [{ text: 'Other', done: true }], version: p.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ status: 'active', goals: [{ text: 'Plan-goal-4471', done: false }] });
    const saved = await call(t, w.ngo.owner, 'PUT', url, { goals: [{ text: 'Plan-goal-4471', done: true }], version: p.version + 1 });
    expect(saved.json().goals).toEqual([{ text: 'Plan-goal-4471', done: true }]);
    const done = await call(t, w.ngo.owner, 'POST', `${url}/status`, { status: 'completed', version: p.version + 2 });
    expect(done.json()).toMatchObject({ status: 'completed', actualEnd: today() });
    expect((await call(t, w.ngo.owner, 'PUT', url, { objectives: 'x', version: p.version + 3 })).statusCode).toBe(422);
  });

  test('go to a coordinator’s approval when the organisation asks for it, once even when asked twice at once', async () => {
    await t.deps.db.insertInto('caseSetting').values({ organisationId: w.ngo.organisationId, planNeedsApproval: true, retention: '{}', updatedAt: new Date() }).execute();
    try {
      const c = await openCase(t, w.ngo.owner);
      const p = await draft(c.id, 'Legal');
      const url = `/api/cases/${c.id}/plans/${p.id}/status`;
      const both = await Promise.all([call(t, w.ngo.owner, 'POST', url, { status: 'active', version: p.version }), call(t, w.ngo.owner, 'POST', url, { status: 'active', version: p.version })]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(both.find((r) => r.statusCode === 200)!.json().status).toBe('pending_approval');
      const approvals = await t.deps.db.selectFrom('caseApproval').select(['kind', 'status', 'planId']).where('caseId', '=', c.id).execute();
      expect(approvals).toEqual([{ kind: 'plan', status: 'pending', planId: p.id }]);
      const withdrawn = await call(t, w.ngo.owner, 'POST', url, { status: 'discontinued', version: p.version + 1 });
      expect(withdrawn.json().status).toBe('discontinued');
      expect((await t.deps.db.selectFrom('caseApproval').select('status').where('caseId', '=', c.id).executeTakeFirstOrThrow()).status).toBe('withdrawn');
    } finally {
      await t.deps.db.deleteFrom('caseSetting').where('organisationId', '=', w.ngo.organisationId).execute();
    }
  });

  test('are reviewed only while active; reviews list oldest first with their sealed note', async () => {
    const c = await openCase(t, w.ngo.owner);
    const p = await draft(c.id, 'SocialCare');
    const reviews = `/api/cases/${c.id}/plans/${p.id}/reviews`;
    expect((await call(t, w.ngo.owner, 'POST', reviews, { reviewedOn: today(), progress: 'on_track' })).statusCode).toBe(422);
    await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/plans/${p.id}/status`, { status: 'active', version: p.version });
    expect((await call(t, w.ngo.owner, 'POST', reviews, { reviewedOn: today(), progress: 'some_progress', note: 'Review-note-3310' })).statusCode).toBe(201);
    expect((await call(t, w.ngo.owner, 'POST', reviews, { reviewedOn: '2020-01-01', progress: 'no_progress' })).statusCode).toBe(201);
    const listed = (await call(t, w.ngo.owner, 'GET', reviews)).json();
    expect(listed.map((r: { progress: string }) => r.progress)).toEqual(['no_progress', 'some_progress']);
    expect(listed[1].note).toBe('Review-note-3310');
  });
});

describe('risk assessments', () => {
  test('are listed oldest first, refused in the future, and readable by every team member (general)', async () => {
    const c = await openCase(t, w.ngo.owner);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['psychological']);
    const url = `/api/cases/${c.id}/risk-assessments`;
    expect((await call(t, w.ngo.owner, 'POST', url, { assessedOn: today(), individual: 'medium', household: 'low', community: 'low' })).statusCode).toBe(201);
    expect((await call(t, w.ngo.owner, 'POST', url, { assessedOn: '2025-01-10', individual: 'high', household: 'high', community: 'medium', note: 'Risk-note' })).statusCode).toBe(201);
    expect((await call(t, w.ngo.owner, 'POST', url, { assessedOn: '2199-01-01', individual: 'low', household: 'low', community: 'low' })).statusCode).toBe(422);
    expect((await call(t, w.ngo.owner, 'POST', url, { assessedOn: today(), individual: 'extreme', household: 'low', community: 'low' })).statusCode).toBe(400);
    const seen = (await call(t, w.ngo.psychologist, 'GET', url)).json();
    expect(seen.assessments.map((a: { individual: string }) => a.individual)).toEqual(['high', 'medium']);
    expect((await call(t, w.other.caseManager, 'GET', url)).statusCode).toBe(404);
  });
});
