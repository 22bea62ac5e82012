// Retention with a controllable clock: identity goes 24 months after closure, other categories after 60 (or the
// organisation's months), coded facts stay; when every category is past, the case is anonymised. A legal hold stops
// all of it; an erasure on request is refused under a hold and audited with counts only.
import { pino } from 'pino';
import { describe, expect, test } from 'vitest';
import { runDueJobs } from '#server/features/jobs/jobs.worker.ts';
import type { TestApp } from '#tests/test-app.ts';
import { addToTeam, call, openCase, useCaseWorld, type CaseWorld } from './cases.fixtures.ts';
import { CASE_RETENTION_JOB, caseRetentionJob, scheduleCaseRetention } from './case-retention.service.ts';
import { closeCase, insertAssistance, insertComment, insertPlan, PNG, upload, versionOf } from './case-protection.fixtures.ts';

let t: TestApp;
let w: CaseWorld;
useCaseWorld((app, world) => {
  [t, w] = [app, world];
});

const handlers = { [CASE_RETENTION_JOB]: caseRetentionJob };
const MONTH = 31 * 24 * 60 * 60 * 1000;
const closedAt = new Date('2027-01-10T10:00:00Z');

/** Moves the clock to `months` after closure and runs that day's scheduled purge (each call a different day). */
async function purgeAt(months: number) {
  const now = new Date(closedAt.getTime() + months * MONTH);
  t.setNow(now);
  await scheduleCaseRetention(t.deps.db, handlers, now);
  const summary = await runDueJobs(t.deps, handlers);
  // NOTE: back to the real time, so the test's sessions stay valid for the API calls that follow.
  t.setNow(new Date());
  expect(summary).toEqual({ done: 1, retried: 0, failed: 0 });
}

async function plantedClosedCase() {
  t.setNow(new Date('2026-12-01T10:00:00Z'));
  const c = await openCase(t, w.ngo.owner);
  await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/identity`, { version: 0, givenName: 'Retenta', familyName: 'Purgescu', birthDate: '1990-01-01', contacts: [{ kind: 'phone', value: '+40 722 111 222' }] });
  await insertAssistance(t, c.id, { type: 'medical_counselling', category: 'health', note: 'health note' });
  await insertComment(t, c.id, 'health', 'health comment');
  await insertComment(t, c.id, 'general', 'general comment');
  await insertPlan(t, c.id, 'health', 'health plan');
  await upload(t, w.ngo.owner, c.id, 'health', 'x.png', PNG);
  await closeCase(t, c.id, closedAt);
  return c;
}

const count = async (table: 'caseIdentity' | 'caseIdentityIndex' | 'caseComment' | 'caseAttachment', caseId: string) =>
  (await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('caseId', '=', caseId).executeTakeFirstOrThrow()).n;

describe('the retention purge', () => {
  test('removes identity after 24 months, other categories after 60 keeping coded facts, then anonymises', async () => {
    const c = await plantedClosedCase();
    await purgeAt(23);
    expect(Number(await count('caseIdentity', c.id))).toBe(1);

    await purgeAt(25);
    expect(Number(await count('caseIdentity', c.id))).toBe(0);
    expect(Number(await count('caseIdentityIndex', c.id))).toBe(0);
    expect(Number(await count('caseAttachment', c.id))).toBe(1);
    const file = await t.deps.db.selectFrom('caseFile').select(['purgedCategories', 'anonymisedAt']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(file).toEqual({ purgedCategories: ['identity'], anonymisedAt: null });

    await purgeAt(61);
    const anonymised = await t.deps.db.selectFrom('caseFile').select(['anonymisedAt', 'safeContact', 'status']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(anonymised).toMatchObject({ safeContact: null, status: 'Closed' });
    expect(anonymised.anonymisedAt).not.toBeNull();
    expect(Number(await count('caseComment', c.id))).toBe(0);
    expect(Number(await count('caseAttachment', c.id))).toBe(0);
    const assistance = await t.deps.db.selectFrom('caseAssistance').select(['type', 'state', 'outcome', 'note']).where('caseId', '=', c.id).execute();
    expect(assistance).toEqual([{ type: 'medical_counselling', state: 'delivered', outcome: 'provided', note: null }]);
    const plan = await t.deps.db.selectFrom('casePlan').select(['type', 'objectives', 'goals']).where('caseId', '=', c.id).executeTakeFirstOrThrow();
    expect(plan).toEqual({ type: 'Health', objectives: null, goals: null });

    const audits = await t.deps.db.selectFrom('auditEvent').select(['details', 'actorAccountId']).where('action', '=', 'case.purged').where('entityId', '=', c.id).orderBy('seq').execute();
    expect(audits.map((a) => (a.details as { categories: string[] }).categories)).toEqual([['identity'], ['general', 'health', 'psychological', 'legal', 'social']]);
    expect(audits[1]!.details).toMatchObject({ anonymised: true, counts: { caseComment: 2, caseAttachment: 1, caseAssistance: 1 } });
    expect(JSON.stringify(audits)).not.toMatch(/Purgescu|health note|comment/);
  });

  test("follows the organisation's own months (a value that is not a number of months counts as unset)", async () => {
    const c = await plantedClosedCase();
    const retention = JSON.stringify({ health: 6, identity: 'soon' });
    await t.deps.db.insertInto('caseSetting').values({ organisationId: w.ngo.organisationId, retention }).onConflict((oc) => oc.column('organisationId').doUpdateSet({ retention })).execute();
    await purgeAt(7);
    expect(Number(await count('caseAttachment', c.id))).toBe(0);
    expect(Number(await count('caseIdentity', c.id))).toBe(1);
    await t.deps.db.deleteFrom('caseSetting').where('organisationId', '=', w.ngo.organisationId).execute();
  });

  test('a legal hold stops every purge; lifting it lets the next run catch up', async () => {
    const c = await plantedClosedCase();
    const hold = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/legal-hold`, { hold: true, reason: 'Court order 12/2027', version: await versionOf(t, c.id) });
    expect(hold.statusCode).toBe(200);
    expect(hold.json().legalHold).toBe(true);
    await purgeAt(70);
    expect(Number(await count('caseIdentity', c.id))).toBe(1);
    expect(Number(await count('caseAttachment', c.id))).toBe(1);
    const stored = await t.deps.db.selectFrom('caseFile').select('legalHoldReason').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(stored.legalHoldReason).not.toMatch(/Court/);

    const lift = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/legal-hold`, { hold: false, reason: 'Proceedings ended', version: hold.json().version });
    expect(lift.statusCode).toBe(200);
    await purgeAt(71);
    expect((await t.deps.db.selectFrom('caseFile').select('anonymisedAt').where('id', '=', c.id).executeTakeFirstOrThrow()).anonymisedAt).not.toBeNull();
  });
});

describe('the legal hold', () => {
  test('is set by the owner or the case coordinator with a reason; a stale version gets 409; others get 404', async () => {
    t.setNow(new Date());
    const c = await openCase(t, w.ngo.owner);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.coordinator, ['general']);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.colleague, ['general', 'identity']);
    const version = await versionOf(t, c.id);
    expect((await call(t, w.ngo.coordinator, 'POST', `/api/cases/${c.id}/legal-hold`, { hold: true, reason: '', version })).statusCode).toBe(400);
    expect((await call(t, w.ngo.colleague, 'POST', `/api/cases/${c.id}/legal-hold`, { hold: true, reason: 'Police request', version })).statusCode).toBe(404);
    expect((await call(t, w.other.coordinator, 'POST', `/api/cases/${c.id}/legal-hold`, { hold: true, reason: 'Police request', version })).statusCode).toBe(404);
    const set = await call(t, w.ngo.coordinator, 'POST', `/api/cases/${c.id}/legal-hold`, { hold: true, reason: 'Police request', version });
    expect(set.statusCode).toBe(200);
    const stale = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/legal-hold`, { hold: false, reason: 'Done', version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toEqual({ legalHold: true, version: set.json().version });
    const again = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/legal-hold`, { hold: true, reason: 'Twice', version: set.json().version });
    expect(again.statusCode).toBe(422);
    const audit = await t.deps.db.selectFrom('auditEvent').select(['actorAccountId', 'details']).where('action', '=', 'case.legal_hold_set').where('entityId', '=', c.id).execute();
    expect(audit).toEqual([{ actorAccountId: w.ngo.coordinator.id, details: {} }]);
  });
});

describe('erasure on request', () => {
  test('identity now; refused under a legal hold (422); "all" needs a closed case and anonymises it', async () => {
    t.setNow(new Date());
    const c = await openCase(t, w.ngo.owner);
    await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/identity`, { version: 0, givenName: 'Erasmia', familyName: 'Stergescu', birthDate: '1995-01-01' });
    await insertComment(t, c.id, 'social', 'social comment');
    let version = await versionOf(t, c.id);
    const held = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/legal-hold`, { hold: true, reason: 'Trial', version });
    const refused = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/erase`, { scope: 'identity', reason: 'Her request of 2 March', version: held.json().version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toMatch(/legal hold/);
    expect(Number(await count('caseIdentity', c.id))).toBe(1);
    version = (await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/legal-hold`, { hold: false, reason: 'Trial over', version: held.json().version })).json().version;

    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/erase`, { scope: 'all', reason: 'Her request', version })).statusCode).toBe(422);
    expect((await call(t, w.ngo.coordinator, 'POST', `/api/cases/${c.id}/erase`, { scope: 'identity', reason: 'Her request', version })).statusCode).toBe(404);
    const erased = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/erase`, { scope: 'identity', reason: 'Her request of 2 March', version });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({ scope: 'identity', counts: { caseIdentity: 1, caseIdentityIndex: 1 }, anonymisedAt: null });
    expect(Number(await count('caseIdentity', c.id))).toBe(0);
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/erase`, { scope: 'identity', reason: 'again', version })).statusCode).toBe(409);

    await closeCase(t, c.id, new Date());
    const all = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/erase`, { scope: 'all', reason: 'Her request of 3 March', version: await versionOf(t, c.id) });
    expect(all.statusCode).toBe(200);
    expect(all.json().anonymisedAt).not.toBeNull();
    expect(Number(await count('caseComment', c.id))).toBe(0);
    const register = await t.deps.db.selectFrom('caseErasure').select(['scope', 'reason']).where('caseId', '=', c.id).orderBy('erasedAt').execute();
    expect(register.map((r) => r.scope)).toEqual(['identity', 'all']);
    expect(JSON.stringify(register)).not.toMatch(/request/);
    const audit = await t.deps.db.selectFrom('auditEvent').select('details').where('action', '=', 'case.erased').where('entityId', '=', c.id).execute();
    expect(JSON.stringify(audit)).not.toMatch(/request|Stergescu/);
  });
});

describe('in parallel', () => {
  test('two erasures or two holds on the same version: one wins, the other gets 409', async () => {
    t.setNow(new Date());
    const c = await openCase(t, w.ngo.owner);
    await call(t, w.ngo.owner, 'PUT', `/api/cases/${c.id}/identity`, { version: 0, givenName: 'Para', familyName: 'Lelescu', birthDate: '1990-02-02' });
    let version = await versionOf(t, c.id);
    const holds = await Promise.all([1, 2].map(() => call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/legal-hold`, { hold: true, reason: 'Court order', version })));
    expect(holds.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    version = (await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/legal-hold`, { hold: false, reason: 'Ended', version: await versionOf(t, c.id) })).json().version;
    const erasures = await Promise.all([1, 2].map(() => call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/erase`, { scope: 'identity', reason: 'Her request', version })));
    expect(erasures.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const register = await t.deps.db.selectFrom('caseErasure').select('scope').where('caseId', '=', c.id).execute();
    expect(register).toHaveLength(1);
  });

  test('a hold placed while the purge runs is never overtaken: the case is either purged before or kept whole', async () => {
    const c = await plantedClosedCase();
    const version = await versionOf(t, c.id);
    t.setNow(new Date());
    // NOTE: the job gets its clock 30 months on while the API keeps the real one (the owner's session stays valid).
    const job = { id: 'parallel', kind: CASE_RETENTION_JOB, payload: {}, attempts: 1, maxAttempts: 3 };
    const run = caseRetentionJob(job, { deps: t.deps, log: pino({ level: 'silent' }), now: new Date(closedAt.getTime() + 30 * MONTH), isLastAttempt: false });
    const [, hold] = await Promise.all([run, call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/legal-hold`, { hold: true, reason: 'Court order', version })]);
    const identityLeft = Number(await count('caseIdentity', c.id));
    const events = await t.deps.db.selectFrom('auditEvent').select(['action', 'seq']).where('entityId', '=', c.id).where('action', 'in', ['case.purged', 'case.legal_hold_set']).orderBy('seq').execute();
    if (hold.statusCode === 409) {
      // the purge committed first (it bumped the version): identity is gone and no hold was set
      expect(identityLeft).toBe(0);
      expect(events.map((e) => e.action)).toEqual(['case.purged']);
    } else {
      expect(hold.statusCode).toBe(200);
      expect(identityLeft).toBe(1);
      expect(events.map((e) => e.action)).toEqual(['case.legal_hold_set']);
    }
  });
});
