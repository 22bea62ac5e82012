// The closed loop across the two doors: a referral made and sent in the web app (the referral service, real
// encryption and consent) is read by the receiver's system over FHIR, answered there, and the sender sees each answer
// in the web app; a change made in the web app and a consent withdrawal show in FHIR. Every FHIR answer validated.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { fhirProblems } from '#tests/fhir-validator.ts';
import { createWorld, recordConsent, sendReferral, setStatus, type World } from '#server/features/referrals/referrals.fixtures.ts';
import { insertApiToken } from './fhir.fixtures.ts';

let t: TestApp;
let w: World;
let receiverToken: string;
let senderToken: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  receiverToken = (await insertApiToken(t.deps.db, w.receiver.organisationId)).authorization;
  senderToken = (await insertApiToken(t.deps.db, w.sender.organisationId, { scopes: ['referrals:read'] })).authorization;
});
afterAll(() => t?.close());

const fhir = (method: 'GET' | 'PATCH', url: string, authorization: string, ops?: unknown) =>
  t.app.inject({ method, url, headers: { authorization, ...(ops ? { 'content-type': 'application/json-patch+json' } : {}) }, ...(ops ? { payload: JSON.stringify(ops) } : {}) });
const webView = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/referrals/${id}`, headers: { cookie: w.sender.clinician.cookie } })).json();
type Entry = { resource: Record<string, any> };

describe('a referral sent in the web app, answered over FHIR', () => {
  test('the receiver’s system reads the package exactly, and nothing of the identity', async () => {
    const consent = await recordConsent(t, w.sender.clinician, { receiverServiceId: w.serviceId, subjectCode: 'NO-BGO-0007', coversIdentity: true, purposes: ['assistance', 'medical-care'] });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: { cookie: w.sender.clinician.cookie },
      payload: {
        serviceId: w.serviceId,
        send: true,
        package: { subjectCode: 'NO-BGO-0007', ageBand: '18-24', sex: 'female', languages: ['ro', 'nb'], needs: ['mental-health', 'shelter'], urgency: 'urgent', safeContact: 'Only by text, after 18:00', note: 'Prefers a female counsellor', consentId: consent.id, identity: { name: 'Ana Secret', phone: '+40 700 000 000' } },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    const bundle = (await fhir('GET', `/fhir/Task/${id}/$bundle`, receiverToken)).json();
    expect(fhirProblems(bundle)).toEqual([]);
    const byType = (type: string) => (bundle.entry as Entry[]).find((e) => e.resource.resourceType === type)!.resource;
    expect(byType('Task')).toMatchObject({ status: 'requested', priority: 'urgent', owner: { reference: `Organization/${w.receiver.organisationId}` } });
    expect(byType('Task').restriction.period.end).toBeDefined();
    expect(byType('ServiceRequest').category.map((c: any) => c.coding[0].code)).toEqual(['mental-health', 'shelter']);
    expect(byType('ServiceRequest').orderDetail[0].text).toBe('Only by text, after 18:00');
    expect(byType('Patient')).toMatchObject({ identifier: [{ value: 'NO-BGO-0007' }], gender: 'female' });
    expect(byType('Consent')).toMatchObject({ status: 'active', provision: { actor: [{ reference: { reference: `Organization/${w.receiver.organisationId}` } }] } });
    const text = JSON.stringify(bundle);
    for (const secret of ['Ana Secret', '+40 700 000 000']) expect(text).not.toContain(secret);
  });

  test('accepted, then completed with its outcome over FHIR: the sender sees each step in the web app', async () => {
    const { id } = await sendReferral(t, w);
    expect((await fhir('PATCH', `/fhir/Task/${id}`, receiverToken, [{ op: 'replace', path: '/status', value: 'accepted' }])).statusCode).toBe(200);
    expect((await webView(id)).status).toBe('accepted');
    const done = await fhir('PATCH', `/fhir/Task/${id}`, receiverToken, [
      { op: 'replace', path: '/status', value: 'completed' },
      { op: 'add', path: '/output', value: [{ valueCodeableConcept: { coding: [{ code: 'got_help' }] } }] },
    ]);
    expect(done.statusCode, done.body).toBe(200);
    expect(fhirProblems(done.json())).toEqual([]);
    expect(await webView(id)).toMatchObject({ status: 'completed', outcome: 'got_help' });
    const seenBySender = (await fhir('GET', `/fhir/Task/${id}`, senderToken)).json();
    expect(seenBySender.businessStatus.coding[0].code).toBe('got_help');
  });

  test('a change made in the web app shows in FHIR; a withdrawn consent cancels the Task and shows inactive', async () => {
    const { id, consentId } = await sendReferral(t, w);
    expect((await setStatus(t, w.receiver.caseManager, id, { to: 'accepted' })).statusCode).toBe(200);
    expect((await fhir('GET', `/fhir/Task/${id}`, receiverToken)).json().status).toBe('accepted');
    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/consents/${consentId}/withdraw`, headers: { cookie: w.sender.clinician.cookie } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const task = (await fhir('GET', `/fhir/Task/${id}`, receiverToken)).json();
    expect(task).toMatchObject({ status: 'cancelled', statusReason: { text: 'consent withdrawn' } });
    expect(fhirProblems(task)).toEqual([]);
    const consent = (await fhir('GET', `/fhir/Consent/${consentId}`, receiverToken)).json();
    expect(consent.status).toBe('inactive');
    expect(fhirProblems(consent)).toEqual([]);
    const sr = (await fhir('GET', `/fhir/ServiceRequest/${id}`, receiverToken)).json();
    expect(sr.status).toBe('revoked');
    expect(fhirProblems(sr)).toEqual([]);
  });

  test('the receiver’s system cannot answer for the sender: cancelling needs a reason, entered-in-error is the sender’s', async () => {
    const { id } = await sendReferral(t, w);
    expect((await fhir('PATCH', `/fhir/Task/${id}`, receiverToken, [{ op: 'replace', path: '/status', value: 'cancelled' }])).statusCode).toBe(422);
    const wrongSide = await fhir('PATCH', `/fhir/Task/${id}`, receiverToken, [{ op: 'replace', path: '/status', value: 'entered-in-error' }]);
    expect(wrongSide.statusCode).toBe(409);
    expect(wrongSide.json().issue[0].diagnostics).toBe('current status: requested');
  });
});
