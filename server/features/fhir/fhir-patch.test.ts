// PATCH /fhir/Task/{id}: a receiving system answers a referral through the referral service's one status change —
// the owner moves requested → accepted, the wrong side gets 409 with the current status, a missing reason 422.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation } from '#tests/factories.ts';
import { fhirProblems } from '#tests/fhir-validator.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { insertApiToken, insertReferral, referralWorld, type ReferralWorld } from './fhir.fixtures.ts';

let t: TestApp;
let world: ReferralWorld;
let sender: Awaited<ReturnType<typeof insertApiToken>>;
let receiver: Awaited<ReturnType<typeof insertApiToken>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await referralWorld(t.deps.db);
  sender = await insertApiToken(t.deps.db, world.senderId);
  receiver = await insertApiToken(t.deps.db, world.receiverId);
});
afterAll(() => t?.close());

const JSON_PATCH = 'application/json-patch+json';

function patch(id: string, authorization: string, ops: unknown, contentType = JSON_PATCH) {
  return t.app.inject({ method: 'PATCH', url: `/fhir/Task/${id}`, headers: { authorization, 'content-type': contentType }, payload: JSON.stringify(ops) });
}

const status = async (id: string) => (await t.deps.db.selectFrom('referral').select(['status', 'statusReason', 'outcome']).where('id', '=', id).executeTakeFirstOrThrow());

describe('PATCH /fhir/Task/{id}', () => {
  test('the owner accepts: 200 with the valid Task, the history names the token, audited', async () => {
    const { id } = await insertReferral(t.deps.db, world);
    const res = await patch(id, receiver.authorization, [{ op: 'replace', path: '/status', value: 'accepted' }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const task = res.json();
    expect(task.status).toBe('accepted');
    expect(fhirProblems(task)).toEqual([]);
    expect((await status(id)).status).toBe('accepted');
    const event = await t.deps.db.selectFrom('referralEvent').select(['apiTokenId', 'side', 'toStatus']).where('referralId', '=', id).where('kind', '=', 'status').executeTakeFirstOrThrow();
    expect(event).toEqual({ apiTokenId: receiver.id, side: 'receiver', toStatus: 'accepted' });
    const audit = await t.deps.db.selectFrom('auditEvent').select(['action', 'details']).where('entityId', '=', id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'referral.status_changed', details: { apiTokenId: receiver.id, to: 'accepted' } });
  });

  test('plain application/json and application/fhir+json bodies are read too', async () => {
    for (const type of ['application/json', 'application/fhir+json']) {
      const { id } = await insertReferral(t.deps.db, world);
      expect((await patch(id, receiver.authorization, [{ op: 'replace', path: '/status', value: 'accepted' }], type)).statusCode).toBe(200);
    }
  });

  test('the wrong side (the sender accepting its own referral) → 409 with the current status', async () => {
    const { id } = await insertReferral(t.deps.db, world);
    const res = await patch(id, sender.authorization, [{ op: 'replace', path: '/status', value: 'accepted' }]);
    expect(res.statusCode).toBe(409);
    const outcome = res.json();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0].diagnostics).toBe('current status: requested');
    expect(fhirProblems(outcome)).toEqual([]);
    expect((await status(id)).status).toBe('requested');
  });

  test('for a service outside the platform the sender keeps the status itself', async () => {
    const { id } = await insertReferral(t.deps.db, world, { external: true });
    const res = await patch(id, sender.authorization, [{ op: 'replace', path: '/status', value: 'accepted' }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(fhirProblems(res.json())).toEqual([]);
  });

  test('a transition that does not exist → 409', async () => {
    const { id } = await insertReferral(t.deps.db, world);
    expect((await patch(id, receiver.authorization, [{ op: 'replace', path: '/status', value: 'completed' }])).statusCode).toBe(409);
  });

  test('rejecting without a reason → 422 naming Task.statusReason; with reason and outcome → 200', async () => {
    const { id } = await insertReferral(t.deps.db, world);
    const missing = await patch(id, receiver.authorization, [{ op: 'replace', path: '/status', value: 'rejected' }]);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().issue[0]).toMatchObject({ code: 'business-rule', expression: ['Task.statusReason'] });
    const ok = await patch(id, receiver.authorization, [
      { op: 'test', path: '/status', value: 'requested' },
      { op: 'replace', path: '/status', value: 'rejected' },
      { op: 'add', path: '/statusReason', value: { text: 'No places this week' } },
      { op: 'add', path: '/output', value: [{ valueCodeableConcept: { coding: [{ system: 'https://pro-health.example/fhir/CodeSystem/referral-outcome', code: 'no_capacity' }] } }] },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(fhirProblems(ok.json())).toEqual([]);
    expect(await status(id)).toEqual({ status: 'rejected', statusReason: 'No places this week', outcome: 'no_capacity' });
    expect(ok.json().output[0].valueCodeableConcept.coding[0].code).toBe('no_capacity');
  });

  test('an unknown outcome code → 422; a failed test precondition → 409', async () => {
    const { id } = await insertReferral(t.deps.db, world);
    const bad = await patch(id, receiver.authorization, [{ op: 'replace', path: '/status', value: 'rejected' }, { op: 'add', path: '/statusReason/text', value: 'x' }, { op: 'add', path: '/businessStatus', value: { coding: [{ code: 'nope' }] } }]);
    expect(bad.statusCode).toBe(422);
    const stale = await patch(id, receiver.authorization, [{ op: 'test', path: '/meta/versionId', value: '99' }, { op: 'replace', path: '/status', value: 'accepted' }]);
    expect(stale.statusCode).toBe(409);
    expect((await status(id)).status).toBe('requested');
  });

  test('a patch outside the allowed subset → 400', async () => {
    const { id } = await insertReferral(t.deps.db, world);
    for (const ops of [[{ op: 'replace', path: '/owner', value: { reference: 'Organization/x' } }], [{ op: 'add', path: '/statusReason/text', value: 'only a reason' }], [], { op: 'replace' }]) {
      const res = await patch(id, receiver.authorization, ops);
      expect(res.statusCode, JSON.stringify(ops)).toBe(400);
      expect(res.json().resourceType).toBe('OperationOutcome');
    }
  });

  test('a read-only token → 403; another organisation’s token → 404, audited', async () => {
    const { id } = await insertReferral(t.deps.db, world);
    const readOnly = await insertApiToken(t.deps.db, world.receiverId, { scopes: ['referrals:read'] });
    expect((await patch(id, readOnly.authorization, [{ op: 'replace', path: '/status', value: 'accepted' }])).statusCode).toBe(403);
    const outsider = await insertApiToken(t.deps.db, (await createOrganisation(t.deps.db)).id);
    const res = await patch(id, outsider.authorization, [{ op: 'replace', path: '/status', value: 'accepted' }]);
    expect(res.statusCode).toBe(404);
    const audit = await t.deps.db.selectFrom('auditEvent').select(['action', 'details']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'referral.access_refused', details: { apiTokenId: outsider.id } });
    expect((await status(id)).status).toBe('requested');
  });
});
