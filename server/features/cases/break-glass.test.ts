// Break-glass and the coordinator's register: a coordinator of the case's organisation opens a case outside their
// grants only with a written reason; reads are audited as such; it runs out on the clock; the owner hears of it by a
// neutral email and sees who, when, until when and why. Nobody else can open it, and the register says nothing more
// than codes, status, owner, opening date and team size.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { addToTeam, call, createCaseWorld, openCase, type CaseWorld } from './cases.fixtures.ts';

let t: TestApp;
let w: CaseWorld;
const HOUR = 3_600_000;
// NOTE: the clock moves hours ahead below; sessions must outlive that jump, so the idle limit is raised here only.
beforeAll(async () => {
  t = await createTestApp({ sessionIdleMinutes: 24 * 60, sessionMaxHours: 48 });
  w = await createCaseWorld(t);
});
afterAll(() => t.close());

const REASON = 'The owner is away and the person asked for urgent help today.';
const breakGlass = (who: (typeof w.ngo)['coordinator'], id: string, reason: unknown = REASON) => call(t, who, 'POST', `/api/cases/${id}/break-glass`, { reason });

describe('break-glass', () => {
  test('is refused without a reason of at least 20 characters', async () => {
    const c = await openCase(t, w.ngo.owner);
    expect((await breakGlass(w.ngo.coordinator, c.id, 'urgent')).statusCode).toBe(400);
    expect((await call(t, w.ngo.coordinator, 'POST', `/api/cases/${c.id}/break-glass`, {})).statusCode).toBe(400);
  });

  test('is refused to anyone but a coordinator of the case’s organisation', async () => {
    const c = await openCase(t, w.ngo.owner);
    for (const who of [w.ngo.colleague, w.ngo.psychologist, w.ngo.admin]) expect((await breakGlass(who, c.id)).statusCode).toBe(403);
    expect((await breakGlass(w.other.coordinator, c.id)).statusCode).toBe(404);
    expect((await breakGlass(w.ngo.coordinator, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect(await t.deps.db.selectFrom('caseBreakGlass').select('id').where('caseId', '=', c.id).execute()).toEqual([]);
  });

  test('lets the coordinator read every category, audited as break-glass, until it runs out', async () => {
    const start = new Date();
    t.setNow(start);
    const c = await openCase(t, w.ngo.owner);
    await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/identity`, { version: 0, givenName: 'Canary', familyName: 'Breakglassova' });
    expect((await call(t, w.ngo.coordinator, 'GET', `/api/cases/${c.id}/identity`)).statusCode).toBe(404);
    const opened = await breakGlass(w.ngo.coordinator, c.id);
    expect(opened.statusCode).toBe(201);
    const identity = await call(t, w.ngo.coordinator, 'GET', `/api/cases/${c.id}/identity`);
    expect(identity.json().familyName).toBe('Breakglassova');
    expect((await call(t, w.ngo.coordinator, 'PUT', `/api/cases/${c.id}`, { version: c.version, gender: 'Masculine' })).statusCode).toBe(404);
    const audited = await t.deps.db.selectFrom('auditEvent').select(['action', 'details']).where('entityId', '=', c.id).where('actorAccountId', '=', w.ngo.coordinator.id).execute();
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['case.break_glass_opened', 'case.read_break_glass']));
    expect(JSON.stringify(audited)).not.toMatch(/owner is away|Breakglassova/);
    t.setNow(new Date(start.getTime() + 4 * HOUR + 1000));
    expect((await call(t, w.ngo.coordinator, 'GET', `/api/cases/${c.id}/identity`)).statusCode).toBe(404);
    expect((await breakGlass(w.ngo.coordinator, c.id)).statusCode).toBe(201);
    t.setNow(new Date());
  });

  test('tells the owner: a neutral email without code or name, and who, when and why on the case', async () => {
    const c = await openCase(t, w.ngo.owner);
    const owner = await t.deps.db.selectFrom('account').select(['email', 'displayName']).where('id', '=', w.ngo.owner.id).executeTakeFirstOrThrow();
    const coordinator = await t.deps.db.selectFrom('account').select('displayName').where('id', '=', w.ngo.coordinator.id).executeTakeFirstOrThrow();
    const before = await t.deps.db.selectFrom('outboxEmail').select('id').where('toAddress', '=', owner.email).execute();
    await breakGlass(w.ngo.coordinator, c.id);
    const emails = await t.deps.db.selectFrom('outboxEmail').select(['subject', 'bodyText']).where('toAddress', '=', owner.email).execute();
    expect(emails).toHaveLength(before.length + 1);
    const email = emails.at(-1)!;
    expect(email.subject).toBe('You have a new item in Pro Health');
    for (const secret of [c.code, coordinator.displayName, owner.displayName, 'owner is away', c.id]) expect(`${email.subject}\n${email.bodyText}`).not.toContain(secret);
    const seen = (await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/workflow`)).json();
    expect(seen.breakGlass).toEqual([expect.objectContaining({ accountName: coordinator.displayName, reason: REASON, open: true, mine: false, endedAt: null })]);
    const stored = await t.deps.db.selectFrom('caseBreakGlass').select('reason').where('caseId', '=', c.id).executeTakeFirstOrThrow();
    expect(stored.reason).not.toContain('owner is away');
  });

  test('one open break-glass per case and coordinator, even asked in parallel; the coordinator may end it early', async () => {
    const c = await openCase(t, w.ngo.owner);
    const answers = await Promise.all([1, 2, 3].map(() => breakGlass(w.ngo.coordinator, c.id)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await call(t, w.ngo.coordinator, 'POST', `/api/cases/${c.id}/break-glass/end`)).statusCode).toBe(204);
    expect((await call(t, w.ngo.coordinator, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await call(t, w.ngo.coordinator, 'POST', `/api/cases/${c.id}/break-glass/end`)).statusCode).toBe(404);
  });

  test('is not needed by a coordinator who already holds every grant', async () => {
    const c = await openCase(t, w.ngo.coordinator);
    expect((await breakGlass(w.ngo.coordinator, c.id)).statusCode).toBe(422);
  });
});

describe('the case register', () => {
  test('shows a coordinator the organisation’s cases: codes, status, owner, opened, team size — nothing else', async () => {
    const c = await openCase(t, w.ngo.owner, { ageBand: '18-20' });
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['psychological']);
    const res = await call(t, w.ngo.coordinator, 'GET', `/api/cases/register?code=${encodeURIComponent(c.code)}`);
    expect(res.statusCode).toBe(200);
    const row = res.json().cases.find((x: { id: string }) => x.id === c.id);
    expect(Object.keys(row).sort()).toEqual(['access', 'code', 'id', 'openedAt', 'ownerName', 'status', 'teamSize']);
    expect(row).toMatchObject({ code: c.code, status: 'Active', teamSize: 2, access: 'none' });
    expect((await call(t, w.ngo.owner, 'GET', '/api/cases/register')).statusCode).toBe(403);
    const elsewhere = (await call(t, w.other.coordinator, 'GET', '/api/cases/register')).json();
    expect(elsewhere.cases.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const read = await t.deps.db.selectFrom('auditEvent').select('details').where('action', '=', 'case.register_read').where('actorAccountId', '=', w.ngo.coordinator.id).execute();
    expect(read.length).toBeGreaterThan(0);
  });
});

describe('break-glass after the coordinator role is taken away', () => {
  test('lapses at once, though its hours have not run out', async () => {
    t.setNow(new Date());
    const c = await openCase(t, w.ngo.owner);
    expect((await breakGlass(w.ngo.coordinator, c.id)).statusCode).toBe(201);
    expect((await call(t, w.ngo.coordinator, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(200);
    const membership = t.deps.db.updateTable('membership').where('accountId', '=', w.ngo.coordinator.id).where('organisationId', '=', w.ngo.organisationId);
    await membership.set({ roles: ['case_manager'] }).execute();
    try {
      expect((await call(t, w.ngo.coordinator, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(404);
      const listed = (await call(t, w.ngo.coordinator, 'GET', '/api/cases')).json().cases.map((x: { id: string }) => x.id);
      expect(listed).not.toContain(c.id);
    } finally {
      await membership.set({ roles: ['coordinator'] }).execute();
    }
    const refusal = await t.deps.db.selectFrom('auditEvent').select('organisationId').where('action', '=', 'case.access_refused').where('entityId', '=', c.id).executeTakeFirstOrThrow();
    expect(refusal.organisationId).toBe(w.ngo.organisationId);
  });
});
