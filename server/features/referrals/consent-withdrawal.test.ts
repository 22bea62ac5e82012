// Withdrawing a consent stops sharing everywhere at once: the receiver's FHIR client no longer gets the package's
// safe-contact instructions and note (as the web view already hides the package), and a new package version racing
// the withdrawal of its consent never leaves the referral open on a withdrawn consent.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { insertApiToken } from '#server/features/fhir/fhir.fixtures.ts';
import { createWorld, packageOf, recordConsent, sendReferral, type World } from './referrals.fixtures.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
});
afterAll(() => t?.close());

describe('consent withdrawal', () => {
  test("the receiver's FHIR client no longer gets the safe-contact instructions and note once consent is withdrawn", async () => {
    const r = await sendReferral(t, w);
    const receiverToken = await insertApiToken(t.deps.db, w.receiver.organisationId);
    const senderToken = await insertApiToken(t.deps.db, w.sender.organisationId);
    const read = (url: string, authorization: string) => t.app.inject({ method: 'GET', url, headers: { authorization } });

    const before = await read(`/fhir/ServiceRequest/${r.id}`, receiverToken.authorization);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('Only by text');

    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/consents/${r.consentId}/withdraw`, headers: { cookie: w.sender.clinician.cookie } });
    expect(withdrawn.statusCode).toBe(200);
    const web = await t.app.inject({ method: 'GET', url: `/api/referrals/${r.id}`, headers: { cookie: w.receiver.caseManager.cookie } });
    expect(web.json().package).toBeNull();

    const sr = await read(`/fhir/ServiceRequest/${r.id}`, receiverToken.authorization);
    expect(sr.statusCode).toBe(200);
    expect(sr.json().orderDetail).toBeUndefined();
    expect(sr.json().note).toBeUndefined();
    expect(sr.body).not.toContain('Only by text');
    expect(sr.body).not.toContain('Met at the emergency room');

    const bundle = await read(`/fhir/Task/${r.id}/$bundle`, receiverToken.authorization);
    expect(bundle.statusCode).toBe(200);
    expect(bundle.body).not.toContain('Only by text');
    expect(bundle.body).not.toContain('Met at the emergency room');
    const task = bundle.json().entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Task');
    expect(task.resource.status).toBe('cancelled');

    // The sender keeps its own package.
    const own = await read(`/fhir/ServiceRequest/${r.id}`, senderToken.authorization);
    expect(own.body).toContain('Only by text');
    expect(own.body).toContain('Met at the emergency room');
  });

  test('a new package version racing the withdrawal of its consent never leaves the referral open on a withdrawn consent', async () => {
    const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    for (let i = 0; i < 20; i++) {
      const r = await sendReferral(t, w);
      const b = await recordConsent(t, w.sender.clinician, { receiverServiceId: w.serviceId });
      const [versioned, withdrawn] = await Promise.all([
        t.app.inject({ method: 'POST', url: `/api/referrals/${r.id}/package`, headers: { cookie: w.sender.clinician.cookie }, payload: packageOf(b.id) }),
        delay(i % 10).then(() => t.app.inject({ method: 'POST', url: `/api/consents/${b.id}/withdraw`, headers: { cookie: w.sender.clinician.cookie } })),
      ]);
      expect(withdrawn.statusCode, `round ${i}`).toBe(200);
      expect([200, 422], `round ${i}`).toContain(versioned.statusCode);
      const row = await t.deps.db
        .selectFrom('referral as r')
        .innerJoin('consent as c', 'c.id', 'r.consentId')
        .select(['r.status', 'c.withdrawnAt'])
        .where('r.id', '=', r.id)
        .executeTakeFirstOrThrow();
      if (row.withdrawnAt !== null) expect(row.status, `round ${i}: open on a withdrawn consent`).toBe('cancelled');
      if (versioned.statusCode === 422) expect(row.status, `round ${i}: refused, so still on its first consent`).toBe('requested');
    }
  });
});
