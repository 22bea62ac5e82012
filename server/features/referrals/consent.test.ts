// Consent rules: a referral needs an active consent of the sender naming the receiver (missing, wrong receiver,
// refused, withdrawn, expired → 422), identity only where covered, and withdrawal cancels open referrals at once.
import { describe, expect, test } from 'vitest';
import type { TestApp } from '#tests/test-app.ts';
import { createDirectoryService, packageOf, recordConsent, sendReferral, setStatus, useWorld, type World } from './referrals.fixtures.ts';

let t: TestApp;
let w: World;
useWorld((app, world) => {
  [t, w] = [app, world];
});

const post = (cookie: string, url: string, payload?: Record<string, unknown>) => t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload === undefined ? {} : { payload }) });
const create = (consentId: string, extra: Record<string, unknown> = {}, serviceId = w.serviceId) =>
  post(w.sender.clinician.cookie, '/api/referrals', { serviceId, package: packageOf(consentId, extra), send: true });

describe('sending needs a valid consent naming the receiver', () => {
  test('missing (unknown id, or another organisation’s consent): 422 naming consentId', async () => {
    const unknown = await create('00000000-0000-4000-8000-00000000abcd');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().fields['consentId']).toMatch(/consent/i);
    const theirs = await recordConsent(t, w.outsider.clinician, { receiverServiceId: w.serviceId });
    expect((await create(theirs.id)).statusCode).toBe(422);
  });

  test('wrong receiver: 422 with a clear message', async () => {
    const other = await createDirectoryService(t.deps.db, { organisationId: w.outsider.organisationId, name: 'Elsewhere' });
    const consent = await recordConsent(t, w.sender.clinician, { receiverServiceId: other.serviceId });
    const res = await create(consent.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe('This consent does not name the receiving organisation of this service.');
  });

  test('a consent naming the platform organisation or its directory listing both count', async () => {
    const byOrganisation = await recordConsent(t, w.sender.clinician, { receiverOrganisationId: w.receiver.organisationId });
    expect((await create(byOrganisation.id)).statusCode).toBe(201);
    const byListing = await recordConsent(t, w.sender.clinician, { receiverDirectoryOrganizationId: w.directoryOrganizationId });
    expect((await create(byListing.id)).statusCode).toBe(201);
  });

  test('refused, withdrawn and another person’s code: 422', async () => {
    const refused = await recordConsent(t, w.sender.clinician, { receiverServiceId: w.serviceId, decision: 'refused' });
    expect((await create(refused.id)).json().message).toMatch(/refused/);
    const withdrawn = await recordConsent(t, w.sender.clinician, { receiverServiceId: w.serviceId });
    expect((await post(w.sender.clinician.cookie, `/api/consents/${withdrawn.id}/withdraw`)).statusCode).toBe(200);
    expect((await create(withdrawn.id)).json().message).toMatch(/withdrew/);
    const mine = await recordConsent(t, w.sender.clinician, { receiverServiceId: w.serviceId });
    expect((await create(mine.id, { subjectCode: 'P-2' })).statusCode).toBe(422);
  });

  test('expired: blocks sending a draft, new referrals and new package versions', async () => {
    const consent = await recordConsent(t, w.sender.clinician, { receiverServiceId: w.serviceId });
    const draft = await sendReferral(t, w, { send: false, consentId: consent.id });
    const sent = await sendReferral(t, w, { consentId: consent.id });
    // NOTE: the consent's last day passes (moving the clock two days would also end the test sessions).
    await t.deps.db.updateTable('consent').set({ expiresAt: new Date(t.deps.now().getTime() - 1000) }).where('id', '=', consent.id).execute();
    const send = await setStatus(t, w.sender.clinician, draft.id, { to: 'requested' });
    expect(send.statusCode).toBe(422);
    expect(send.json().message).toMatch(/expired/);
    const version = await post(w.sender.clinician.cookie, `/api/referrals/${sent.id}/package`, packageOf(consent.id));
    expect(version.statusCode).toBe(422);
    expect((await create(consent.id)).statusCode).toBe(422);
    const seen = await t.app.inject({ method: 'GET', url: `/api/referrals/${sent.id}`, headers: { cookie: w.receiver.caseManager.cookie } });
    expect(seen.json()).toMatchObject({ status: 'requested', consentState: 'expired' });
  });

  test('identity only where the consent covers it', async () => {
    const narrow = await recordConsent(t, w.sender.clinician, { receiverServiceId: w.serviceId });
    const res = await create(narrow.id, { identity: { name: 'Ana Pop' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields['package.identity']).toBeTruthy();
    const wide = await recordConsent(t, w.sender.clinician, { receiverServiceId: w.serviceId, coversIdentity: true });
    const ok = await create(wide.id, { identity: { name: 'Ana Pop', birthYear: 1995 } });
    expect(ok.statusCode).toBe(201);
    const seen = await t.app.inject({ method: 'GET', url: `/api/referrals/${ok.json().id}`, headers: { cookie: w.receiver.caseManager.cookie } });
    expect(seen.json().package.identity).toEqual({ name: 'Ana Pop', birthYear: 1995 });
    const audit = await t.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', ok.json().id).where('action', '=', 'referral.identity_viewed').execute();
    expect(audit).toHaveLength(1);
    const stored = await t.deps.db.selectFrom('referralPackage').select(['identity', 'note', 'safeContact']).where('referralId', '=', ok.json().id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toMatch(/Ana Pop|emergency room|after 18/);
  });

  test('bad consent input: 400 with fields; a past expiry 422', async () => {
    const noReceiver = await post(w.sender.clinician.cookie, '/api/consents', { subjectCode: 'P-1', purposes: ['assistance'], decision: 'given', coversIdentity: false, language: 'ro', withInterpreter: false, expiresOn: '2030-01-01' });
    expect(noReceiver.statusCode).toBe(400);
    expect(noReceiver.json().fields.receiverServiceId).toBeTruthy();
    const past = await post(w.sender.clinician.cookie, '/api/consents', { subjectCode: 'P-1', receiverServiceId: w.serviceId, purposes: ['assistance'], decision: 'given', coversIdentity: false, language: 'ro', withInterpreter: false, expiresOn: '2020-01-01' });
    expect(past.statusCode).toBe(422);
    expect(past.json().fields.expiresOn).toBeTruthy();
  });
});

describe('services', () => {
  test('inactive, not approved or not accepting: 422 naming serviceId', async () => {
    for (const o of [{ status: 'inactive' }, { accepting: false }, { reviewStatus: 'pending' }]) {
      const s = await createDirectoryService(t.deps.db, { organisationId: w.receiver.organisationId, ...o });
      const consent = await recordConsent(t, w.sender.clinician, { receiverOrganisationId: w.receiver.organisationId });
      const res = await create(consent.id, {}, s.serviceId);
      expect(res.statusCode, JSON.stringify(o)).toBe(422);
      expect(res.json().fields.serviceId).toBeTruthy();
    }
  });
});

describe('withdrawal', () => {
  test('cancels every open referral relying on it, tells the receiver, and shows on both sides', async () => {
    const consent = await recordConsent(t, w.sender.clinician, { receiverServiceId: w.serviceId });
    const open = await sendReferral(t, w, { consentId: consent.id });
    const accepted = await sendReferral(t, w, { consentId: consent.id });
    await setStatus(t, w.receiver.caseManager, accepted.id, { to: 'accepted' });
    const done = await sendReferral(t, w, { consentId: consent.id });
    await setStatus(t, w.receiver.caseManager, done.id, { to: 'accepted' });
    await setStatus(t, w.receiver.caseManager, done.id, { to: 'completed', outcome: 'got_help' });

    const res = await post(w.sender.clinician.cookie, `/api/consents/${consent.id}/withdraw`);
    expect(res.json()).toMatchObject({ state: 'withdrawn', cancelledReferrals: 2 });
    for (const id of [open.id, accepted.id]) {
      for (const who of [w.sender.clinician, w.receiver.caseManager]) {
        const seen = (await t.app.inject({ method: 'GET', url: `/api/referrals/${id}`, headers: { cookie: who.cookie } })).json();
        expect(seen).toMatchObject({ status: 'cancelled', statusReason: 'consent withdrawn', consentState: 'withdrawn' });
        expect(seen.history.at(-1)).toMatchObject({ kind: 'consent-withdrawn', toStatus: 'cancelled' });
      }
      const forReceiver = (await t.app.inject({ method: 'GET', url: `/api/referrals/${id}`, headers: { cookie: w.receiver.caseManager.cookie } })).json();
      expect(forReceiver.package).toBeNull();
    }
    const completed = (await t.app.inject({ method: 'GET', url: `/api/referrals/${done.id}`, headers: { cookie: w.receiver.caseManager.cookie } })).json();
    expect(completed).toMatchObject({ status: 'completed', consentState: 'withdrawn', package: null });
    const notices = await t.deps.db.selectFrom('job').select('payload').where('kind', '=', 'referral_notice').execute();
    const forReceiver = notices.filter((n) => (n.payload as { referralId: string; audience: string }).audience === 'receiver' && [open.id, accepted.id].includes((n.payload as { referralId: string }).referralId));
    expect(forReceiver.length).toBeGreaterThanOrEqual(4);
    expect((await post(w.sender.clinician.cookie, `/api/consents/${consent.id}/withdraw`)).statusCode).toBe(409);
  });

  test('only the recording organisation sees or withdraws a consent (404 for the receiver)', async () => {
    const consent = await recordConsent(t, w.sender.clinician, { receiverServiceId: w.serviceId });
    expect((await t.app.inject({ method: 'GET', url: `/api/consents/${consent.id}`, headers: { cookie: w.receiver.caseManager.cookie } })).statusCode).toBe(404);
    expect((await post(w.receiver.caseManager.cookie, `/api/consents/${consent.id}/withdraw`)).statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/api/consents', headers: { cookie: w.receiver.caseManager.cookie } });
    expect(list.json().consents).toEqual([]);
    const mine = await t.app.inject({ method: 'GET', url: `/api/consents?serviceId=${w.serviceId}`, headers: { cookie: w.sender.clinician.cookie } });
    expect(mine.json().consents.length).toBeGreaterThan(0);
    expect(mine.json().consents[0]).toMatchObject({ receiverOrganisationId: w.receiver.organisationId, language: 'ro', withInterpreter: false });
  });
});
