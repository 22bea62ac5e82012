// The FHIR Task state machine through the API: every allowed and forbidden transition by side, reasons and
// outcomes, the audit row and history entry written with each change, and two parallel answers.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OUTCOMES_FOR } from '#shared/referrals/referral.schema.ts';
import { checkTransition, TASK_STATUSES, type Side, type TaskStatus } from '#shared/referrals/task-status.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { applyStatusChange } from './referral-status.service.ts';
import { createWorld, recordConsent, sendReferral, setStatus, type Person, type World } from './referrals.fixtures.ts';

let t: TestApp;
let w: World;
let consentId: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  consentId = (await recordConsent(t, w.sender.clinician, { receiverServiceId: w.serviceId })).id;
});
afterAll(async () => t.close());

const by = (side: Side): Person => (side === 'sender' ? w.sender.clinician : w.receiver.caseManager);
const bodyFor = (to: TaskStatus) => ({ to, reason: 'A reason', outcome: OUTCOMES_FOR[to]?.[0] ?? null });

/** How to reach each status from a new draft: [side, status] steps. */
const PATHS: Record<TaskStatus, [Side, TaskStatus][]> = {
  draft: [],
  requested: [['sender', 'requested']],
  received: [['sender', 'requested'], ['receiver', 'received']],
  accepted: [['sender', 'requested'], ['receiver', 'accepted']],
  'in-progress': [['sender', 'requested'], ['receiver', 'accepted'], ['receiver', 'in-progress']],
  'on-hold': [['sender', 'requested'], ['receiver', 'accepted'], ['receiver', 'on-hold']],
  rejected: [['sender', 'requested'], ['receiver', 'rejected']],
  completed: [['sender', 'requested'], ['receiver', 'accepted'], ['receiver', 'completed']],
  failed: [['sender', 'requested'], ['receiver', 'accepted'], ['receiver', 'failed']],
  cancelled: [['sender', 'requested'], ['sender', 'cancelled']],
  'entered-in-error': [['sender', 'entered-in-error']],
};

async function referralIn(status: TaskStatus): Promise<string> {
  const { id } = await sendReferral(t, w, { send: false, consentId });
  for (const [side, to] of PATHS[status]) {
    const res = await setStatus(t, by(side), id, bodyFor(to));
    expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
  }
  return id;
}

describe('every transition by side', () => {
  for (const from of TASK_STATUSES) {
    test(`from ${from}`, async () => {
      for (const side of ['sender', 'receiver'] as const) {
        for (const to of TASK_STATUSES) {
          const id = await referralIn(from);
          const res = await setStatus(t, by(side), id, bodyFor(to));
          const where = `${side}: ${from} → ${to}`;
          if (side === 'receiver' && from === 'draft') {
            expect(res.statusCode, where).toBe(404);
          } else if (checkTransition(from, to, side, 'A reason').ok) {
            expect(res.statusCode, `${where} ${res.body}`).toBe(200);
            expect(res.json().status, where).toBe(to);
          } else {
            expect(res.statusCode, where).toBe(409);
            expect(res.json().current.status, where).toBe(from);
          }
        }
      }
    }, 120_000);
  }
});

describe('reasons and outcomes', () => {
  test('a reason is required for rejected, cancelled, on-hold and failed (422)', async () => {
    const id = await referralIn('requested');
    const res = await setStatus(t, by('receiver'), id, { to: 'rejected', outcome: 'no_capacity' });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.reason).toBeTruthy();
    const blank = await setStatus(t, by('sender'), id, { to: 'cancelled', reason: '   ' });
    expect(blank.statusCode).toBe(422);
  });

  test('an outcome is required on rejected and failed, must fit, and completed defaults to got help', async () => {
    const id = await referralIn('requested');
    expect((await setStatus(t, by('receiver'), id, { to: 'rejected', reason: 'Full' })).statusCode).toBe(422);
    expect((await setStatus(t, by('receiver'), id, { to: 'rejected', reason: 'Full', outcome: 'got_help' })).statusCode).toBe(422);
    expect((await setStatus(t, by('receiver'), id, { to: 'accepted', outcome: 'got_help' })).statusCode).toBe(422);
    const accepted = await setStatus(t, by('receiver'), id, { to: 'accepted' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', outcome: null });
    const done = await setStatus(t, by('receiver'), id, { to: 'completed' });
    expect(done.json()).toMatchObject({ status: 'completed', outcome: 'got_help' });
    const seen = await t.app.inject({ method: 'GET', url: `/api/referrals/${id}`, headers: { cookie: w.sender.clinician.cookie } });
    expect(seen.json()).toMatchObject({ status: 'completed', outcome: 'got_help', side: 'sender', nextStatuses: ['entered-in-error'] });
    expect(seen.json().history.map((e: { toStatus: string }) => e.toStatus)).toEqual(['draft', 'requested', 'accepted', 'completed']);
  });

  test('an unknown status or outcome is a 400 naming the field', async () => {
    const id = await referralIn('requested');
    const res = await setStatus(t, by('receiver'), id, { to: 'ready-set-go' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields)).toContain('to');
  });
});

describe('one change, one transaction', () => {
  test('the status, the history entry and the audit event are written together', async () => {
    const id = await referralIn('requested');
    await setStatus(t, by('receiver'), id, { to: 'accepted' });
    const events = await t.deps.db.selectFrom('referralEvent').select(['kind', 'side', 'fromStatus', 'toStatus', 'actorAccountId']).where('referralId', '=', id).orderBy('at').execute();
    expect(events.at(-1)).toEqual({ kind: 'status', side: 'receiver', fromStatus: 'requested', toStatus: 'accepted', actorAccountId: w.receiver.caseManager.id });
    const audit = await t.deps.db.selectFrom('auditEvent').select(['action', 'organisationId', 'actorAccountId', 'details']).where('entityId', '=', id).orderBy('seq').execute();
    expect(audit.at(-1)).toMatchObject({ action: 'referral.status_changed', organisationId: w.receiver.organisationId, actorAccountId: w.receiver.caseManager.id, details: { from: 'requested', to: 'accepted', side: 'receiver' } });
  });

  test('a failing audit write leaves the status unchanged (same transaction)', async () => {
    const id = await referralIn('requested');
    // NOTE: a missing organisation breaks the audit insert's foreign key after the referral row was updated.
    const change = { referralId: id, organisationId: w.receiver.organisationId, by: { accountId: '00000000-0000-4000-8000-000000000000' }, to: 'accepted' as const, now: t.deps.now() };
    await expect(applyStatusChange(t.deps.db, change)).rejects.toThrow();
    const row = await t.deps.db.selectFrom('referral').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('requested');
  });

  test('two parallel accepts: one wins, the other gets 409 with the current status', async () => {
    const id = await referralIn('requested');
    const other = w.receiver.coordinator;
    const [one, two] = await Promise.all([setStatus(t, by('receiver'), id, { to: 'accepted' }), setStatus(t, other, id, { to: 'accepted' })]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
    const loser = one.statusCode === 409 ? one : two;
    expect(loser.json().current.status).toBe('accepted');
    const accepts = await t.deps.db.selectFrom('referralEvent').select('id').where('referralId', '=', id).where('toStatus', '=', 'accepted').execute();
    expect(accepts).toHaveLength(1);
  });

  test('an organisation that is neither side gets 404, audited; an API token caller is recorded', async () => {
    const id = await referralIn('requested');
    const res = await setStatus(t, w.outsider.clinician, id, { to: 'cancelled', reason: 'x' });
    expect(res.statusCode).toBe(404);
    const refused = await t.deps.db.selectFrom('auditEvent').select(['action', 'organisationId']).where('entityId', '=', id).where('action', '=', 'referral.access_refused').execute();
    expect(refused).toEqual([{ action: 'referral.access_refused', organisationId: w.outsider.organisationId }]);
    await expect(applyStatusChange(t.deps.db, { referralId: id, organisationId: w.outsider.organisationId, by: { apiTokenId: '00000000-0000-4000-8000-000000000001' }, to: 'accepted', now: t.deps.now() })).rejects.toMatchObject({ code: 'not_found' });
    const view = await applyStatusChange(t.deps.db, { referralId: id, organisationId: w.receiver.organisationId, by: { apiTokenId: '00000000-0000-4000-8000-000000000001' }, to: 'received', now: t.deps.now() });
    expect(view).toMatchObject({ status: 'received', side: 'receiver', nextStatuses: ['accepted', 'rejected', 'cancelled'] });
    const event = await t.deps.db.selectFrom('referralEvent').select(['apiTokenId', 'actorAccountId']).where('referralId', '=', id).where('toStatus', '=', 'received').executeTakeFirstOrThrow();
    expect(event).toEqual({ apiTokenId: '00000000-0000-4000-8000-000000000001', actorAccountId: null });
  });
});
