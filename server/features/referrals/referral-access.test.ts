// The minimum-dataset rule: the receiver reaches exactly the package through every route, never a draft, the
// sender's consent, other referrals or identity the consent does not cover; the sender sees status, outcome and
// history. Services outside the platform: the sender keeps the status and prints a letter. The home page's lines.
import { describe, expect, test } from 'vitest';
import type { TestApp } from '#tests/test-app.ts';
import { packageOf, recordConsent, sendReferral, setStatus, useWorld, type Person, type World } from './referrals.fixtures.ts';

let t: TestApp;
let w: World;
useWorld((app, world) => {
  [t, w] = [app, world];
});

const get = (who: Person, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const inbox = async (who: Person) => (await get(who, '/api/inbox')).json().items as { kind: string; count: number }[];

describe('what the receiver sees', () => {
  test('exactly the package: no consent id, no drafts, no identity without consent, nothing of other referrals', async () => {
    const draft = await sendReferral(t, w, { send: false });
    const sent = await sendReferral(t, w);
    expect((await get(w.receiver.caseManager, `/api/referrals/${draft.id}`)).statusCode).toBe(404);
    const seen = (await get(w.receiver.caseManager, `/api/referrals/${sent.id}`)).json();
    expect(seen).toMatchObject({ side: 'receiver', consentId: null, consentState: 'active', nextStatuses: ['received', 'accepted', 'rejected', 'cancelled'] });
    expect(seen.package).toEqual({
      version: 1,
      subjectCode: 'P-1',
      ageBand: '25-34',
      sex: 'female',
      languages: ['ro'],
      needs: ['mental-health'],
      urgency: 'routine',
      safeContact: 'Only by text, after 18:00',
      note: 'Met at the emergency room',
      identity: null,
      createdAt: expect.any(String),
    });
    expect((await get(w.receiver.caseManager, `/api/consents/${sent.consentId}`)).statusCode).toBe(404);
    const incoming = (await get(w.receiver.caseManager, '/api/referrals?box=incoming')).json().referrals.map((r: { id: string }) => r.id);
    expect(incoming).toContain(sent.id);
    expect(incoming).not.toContain(draft.id);
    expect((await get(w.receiver.caseManager, '/api/referrals?box=outgoing')).json().referrals).toEqual([]);
    // The receiver cannot change the package or print the sender's letter.
    const version = await t.app.inject({ method: 'POST', url: `/api/referrals/${sent.id}/package`, headers: { cookie: w.receiver.caseManager.cookie }, payload: packageOf(sent.consentId) });
    expect(version.statusCode).toBe(404);
    expect((await get(w.receiver.caseManager, `/api/referrals/${sent.id}/letter.pdf`)).statusCode).toBe(404);
  });

  test('an organisation that is neither side gets 404 on every route, audited', async () => {
    const sent = await sendReferral(t, w);
    for (const url of [`/api/referrals/${sent.id}`, `/api/referrals/${sent.id}/letter.pdf`, `/api/consents/${sent.consentId}`]) {
      expect((await get(w.outsider.clinician, url)).statusCode, url).toBe(404);
    }
    expect((await setStatus(t, w.outsider.clinician, sent.id, { to: 'accepted' })).statusCode).toBe(404);
    expect((await get(w.outsider.clinician, '/api/referrals?box=incoming')).json().referrals).toEqual([]);
    const refused = await t.deps.db.selectFrom('auditEvent').select('action').where('organisationId', '=', w.outsider.organisationId).where('action', '=', 'referral.access_refused').execute();
    expect(refused.length).toBeGreaterThanOrEqual(3);
  });

  test('the package never grows after sending except by a new consented version', async () => {
    const sent = await sendReferral(t, w);
    const wide = await recordConsent(t, w.sender.clinician, { receiverServiceId: w.serviceId, coversIdentity: true });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/referrals/${sent.id}/package`,
      headers: { cookie: w.sender.clinician.cookie },
      payload: packageOf(wide.id, { identity: { phone: '+40 700 000 000' }, needs: ['mental-health', 'shelter'] }),
    });
    expect(res.statusCode).toBe(200);
    const seen = (await get(w.receiver.caseManager, `/api/referrals/${sent.id}`)).json();
    expect(seen.packageVersion).toBe(2);
    expect(seen.package).toMatchObject({ version: 2, needs: ['mental-health', 'shelter'], identity: { phone: '+40 700 000 000' } });
    expect(seen.history.map((e: { kind: string }) => e.kind)).toEqual(['package', 'status', 'package']);
    const versions = await t.deps.db.selectFrom('referralPackage').select('version').where('referralId', '=', sent.id).orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });
});

describe('what the sender sees', () => {
  test('status, outcome and history; the home page lines move with them', async () => {
    const before = await inbox(w.receiver.caseManager);
    const sent = await sendReferral(t, w);
    const waiting = (await inbox(w.receiver.caseManager)).find((i) => i.kind === 'referrals_waiting')!;
    expect(waiting.count).toBe((before.find((i) => i.kind === 'referrals_waiting')?.count ?? 0) + 1);
    await setStatus(t, w.receiver.caseManager, sent.id, { to: 'accepted' });
    expect((await inbox(w.sender.clinician)).find((i) => i.kind === 'referrals_news')?.count).toBeGreaterThanOrEqual(1);
    const seen = (await get(w.sender.clinician, `/api/referrals/${sent.id}`)).json();
    expect(seen).toMatchObject({ side: 'sender', status: 'accepted', consentId: sent.consentId, caseId: null, nextStatuses: ['cancelled', 'entered-in-error'] });
    expect((await inbox(w.sender.clinician)).find((i) => i.kind === 'referrals_news')).toBeUndefined();
    const outgoing = (await get(w.sender.clinician, '/api/referrals?box=outgoing&status=accepted')).json().referrals;
    expect(outgoing.map((r: { id: string }) => r.id)).toContain(sent.id);
    expect((await inbox(w.outsider.clinician)).filter((i) => i.kind.startsWith('referrals'))).toEqual([]);
  });

  test('a service outside the platform: recorded as external, the sender keeps its status, a tagged letter in the chosen language', async () => {
    const sent = await sendReferral(t, w, { serviceId: w.externalServiceId });
    const seen = (await get(w.sender.clinician, `/api/referrals/${sent.id}`)).json();
    expect(seen).toMatchObject({ external: true, status: 'requested', dueAt: null });
    expect(seen.nextStatuses).toEqual(expect.arrayContaining(['accepted', 'rejected', 'cancelled']));
    expect((await setStatus(t, w.sender.clinician, sent.id, { to: 'accepted' })).json().status).toBe('accepted');
    expect((await setStatus(t, w.sender.clinician, sent.id, { to: 'completed', outcome: 'got_help' })).json()).toMatchObject({ status: 'completed', outcome: 'got_help' });
    const letter = await get(w.sender.clinician, `/api/referrals/${sent.id}/letter.pdf?lang=nb`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const pdf = letter.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toContain('(nb-NO)');
    const onPlatform = await sendReferral(t, w);
    expect((await get(w.sender.clinician, `/api/referrals/${onPlatform.id}/letter.pdf`)).statusCode).toBe(404);
  });
});

describe('who may call', () => {
  test('a role without case data gets 403; the list needs a box', async () => {
    const { member } = await import('./referrals.fixtures.ts');
    const trainer = await member(t, w.sender.organisationId, ['trainer']);
    expect((await get(trainer, '/api/referrals?box=incoming')).statusCode).toBe(403);
    expect((await get(w.sender.clinician, '/api/referrals')).statusCode).toBe(400);
  });
});
