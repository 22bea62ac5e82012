// The consent ledger of a case: versioned records with the seven guidance items kept apart, refusals with a reason,
// withdrawal that stops sharing at once (open referrals cancelled, members of the named organisation removed), a
// share racing a withdrawal, referrals from a case, and 404 for everyone outside the team.
import { beforeAll, describe, expect, test } from 'vitest';
import { createDirectoryService } from '#server/features/referrals/referrals.fixtures.ts';
import { CONSENT_GUIDANCE_ITEMS } from '#shared/cases/case-vocabulary.ts';
import type { TestApp } from '#tests/test-app.ts';
import { addToTeam, call, openCase, useCaseWorld, type CaseWorld, type Person } from './cases.fixtures.ts';

let t: TestApp;
let w: CaseWorld;
let serviceId: string;
useCaseWorld((app, world) => {
  [t, w] = [app, world];
});
beforeAll(async () => {
  serviceId = (await createDirectoryService(t.deps.db, { organisationId: w.other.organisationId, name: 'Clinic of the other NGO' })).serviceId;
});

const allGuidance = (informed: 'yes' | 'no' | 'not_asked') => Object.fromEntries(CONSENT_GUIDANCE_ITEMS.map((i) => [i, { informed }]));

interface Ledger {
  records: { id: string; scopes: string[]; state: string; superseded: boolean; supersedesId: string | null; guidance: Record<string, { informed: string }>; note: string | null; receiverOrganisationId: string | null }[];
  covers: Record<string, string | null>;
  referrals: { id: string; reference: string; status: string }[];
}

async function ledger(who: Person, caseId: string): Promise<Ledger> {
  const res = await call(t, who, 'GET', `/api/cases/${caseId}/consents`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function record(who: Person, caseId: string, body: Record<string, unknown> = {}) {
  const lastSeenId = (await ledger(who, caseId)).records[0]?.id ?? null;
  return call(t, who, 'POST', `/api/cases/${caseId}/consents`, { scopes: ['services'], decision: 'given', guidance: allGuidance('yes'), language: 'ro', withInterpreter: false, lastSeenId, ...body });
}

/** Records a share with the other organisation and returns its id. */
async function shareWithOther(caseId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await record(w.ngo.owner, caseId, { scopes: ['share'], receiverOrganisationId: w.other.organisationId, ...extra });
  expect(res.statusCode).toBe(201);
  return (res.json() as Ledger).records[0]!.id;
}

async function referFromCase(c: { id: string; code: string }, consentId: string) {
  const pack = { subjectCode: c.code, ageBand: '25-34', sex: 'female', languages: ['ro'], needs: ['mental-health'], urgency: 'routine', consentId };
  return call(t, w.ngo.owner, 'POST', '/api/referrals', { serviceId, caseId: c.id, package: pack, send: true });
}

describe('recording consents', () => {
  test('keeps the seven guidance items apart, seals the note, and a new record supersedes the one for the same scope', async () => {
    const c = await openCase(t, w.ngo.owner);
    const guidance = { ...allGuidance('yes'), research_use: { informed: 'not_asked' }, retention: { informed: 'no' } };
    const first = await record(w.ngo.owner, c.id, { scopes: ['services', 'statistics'], guidance, note: 'Explained with her sister present', withInterpreter: true, interpreterLanguage: 'uk' });
    expect(first.statusCode).toBe(201);
    const firstId = (first.json() as Ledger).records[0]!.id;
    const stored = await t.deps.db.selectFrom('consent').select(['note', 'subjectCode', 'guidance', 'interpreterLanguage', 'expiresAt']).where('id', '=', firstId).executeTakeFirstOrThrow();
    expect(stored.note).not.toContain('sister');
    expect(stored.subjectCode).toBe(c.code);
    expect(Object.keys(stored.guidance)).toHaveLength(7);
    expect(stored.interpreterLanguage).toBe('uk');
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(364 * 86_400_000);

    const second = await record(w.ngo.owner, c.id, { scopes: ['statistics'], decision: 'refused' });
    expect(second.statusCode).toBe(201);
    const after = second.json() as Ledger;
    expect(after.records).toHaveLength(2);
    expect(after.records[0]).toMatchObject({ supersedesId: firstId, state: 'refused', superseded: false });
    // The first still speaks for "services", so it is not history yet.
    expect(after.records[1]).toMatchObject({ id: firstId, superseded: false, note: 'Explained with her sister present', guidance });
    expect(after.covers).toEqual({ services: null, statistics: 'refused', research: 'scope_missing' });

    const third = await record(w.ngo.owner, c.id, { scopes: ['services'] });
    expect((third.json() as Ledger).records[2]).toMatchObject({ id: firstId, superseded: true });
  });

  test('refuses a guidance item left out, a share naming nobody, and a stale ledger (409 with the newest record)', async () => {
    const c = await openCase(t, w.ngo.owner);
    const { interview: _left, ...six } = allGuidance('yes');
    expect((await record(w.ngo.owner, c.id, { guidance: six })).statusCode).toBe(400);
    const share = await record(w.ngo.owner, c.id, { scopes: ['share'] });
    expect(share.statusCode).toBe(400);
    const ok = await record(w.ngo.owner, c.id);
    const stale = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/consents`, { scopes: ['research'], decision: 'given', guidance: allGuidance('yes'), language: 'ro', withInterpreter: false, lastSeenId: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.id).toBe((ok.json() as Ledger).records[0]!.id);
  });
});

describe('shares', () => {
  test('a member of the other organisation is refused with the reason until a share consent is in force', async () => {
    const c = await openCase(t, w.ngo.owner);
    const email = (await t.deps.db.selectFrom('account').select('email').where('id', '=', w.other.caseManager.id).executeTakeFirstOrThrow()).email;
    const add = () => call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/members`, { email, grants: ['general'] });
    expect((await add()).json()).toMatchObject({ current: { refusal: 'no_consent' } });
    const refusal = (await record(w.ngo.owner, c.id, { scopes: ['share'], receiverOrganisationId: w.other.organisationId, decision: 'refused' })).json() as Ledger;
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/consents/${refusal.records[0]!.id}/withdraw`)).statusCode).toBe(422);
    const refused = await add();
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ current: { refusal: 'refused' }, fields: { consent: expect.stringMatching(/refused/) } });
    await shareWithOther(c.id);
    expect((await add()).statusCode).toBe(200);
    // Stopping a share in force is a withdrawal (which removes the member), never a refusal recorded over it.
    const over = await record(w.ngo.owner, c.id, { scopes: ['share'], receiverOrganisationId: w.other.organisationId, decision: 'refused' });
    expect(over.statusCode).toBe(422);
    expect(over.json().fields.decision).toMatch(/withdraw/);
  });

  test('a member of the other organisation loses the case when the share consent expires', async () => {
    const c = await openCase(t, w.ngo.owner);
    const consentId = await shareWithOther(c.id);
    await addToTeam(t, w.ngo.owner, c.id, w.other.caseManager, ['general']);
    expect((await call(t, w.other.caseManager, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(200);
    const before = (await call(t, w.other.caseManager, 'GET', '/api/cases')).json().cases as { id: string; viaBreakGlass: boolean }[];
    expect(before.find((x) => x.id === c.id)).toMatchObject({ viaBreakGlass: false });
    // NOTE: the expiry is moved, not the clock: moving the clock days ahead would end the sign-in sessions too.
    await t.deps.db.updateTable('consent').set({ expiresAt: new Date(Date.now() - 60_000) }).where('id', '=', consentId).execute();
    expect((await call(t, w.other.caseManager, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(404);
    const listed = (await call(t, w.other.caseManager, 'GET', '/api/cases')).json().cases.map((x: { id: string }) => x.id);
    expect(listed).not.toContain(c.id);
  });
});

describe('withdrawal', () => {
  test('cancels the open referral, removes the other organisation’s member, and says where the consent was relied on', async () => {
    const c = await openCase(t, w.ngo.owner);
    const consentId = await shareWithOther(c.id);
    const referral = await referFromCase(c, consentId);
    expect(referral.statusCode).toBe(201);
    await addToTeam(t, w.ngo.owner, c.id, w.other.caseManager, ['general']);
    const preview = (await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/consents/${consentId}`)).json();
    expect(preview.reliance.referrals).toEqual([expect.objectContaining({ reference: referral.json().reference, status: 'requested', open: true })]);
    expect(preview.reliance.members).toEqual([expect.objectContaining({ accountId: w.other.caseManager.id })]);

    const res = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/consents/${consentId}/withdraw`);
    expect(res.statusCode).toBe(200);
    expect(res.json().affected).toMatchObject({ referrals: [{ status: 'cancelled', open: true }], members: [{ accountId: w.other.caseManager.id }], assistance: [] });
    expect((await call(t, w.other.caseManager, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await call(t, w.ngo.owner, 'GET', `/api/referrals/${referral.json().id}`)).json()).toMatchObject({ status: 'cancelled', consentState: 'withdrawn', sourceCaseId: c.id });
    expect((await ledger(w.ngo.owner, c.id)).referrals).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    const again = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/consents/${consentId}/withdraw`);
    expect(again.statusCode).toBe(409);
    expect(again.json().current).toMatchObject({ id: consentId, state: 'withdrawn' });
    const audited = await t.deps.db.selectFrom('auditEvent').select('details').where('action', '=', 'case.consent_withdrawn').where('entityId', '=', c.id).execute();
    expect(audited).toEqual([{ details: { consentId, cancelledReferrals: 1, removedMembers: 1 } }]);
  });

  test('a share started after the withdrawal is refused; one racing it never joins on a withdrawn consent', async () => {
    const c = await openCase(t, w.ngo.owner);
    const email = (await t.deps.db.selectFrom('account').select('email').where('id', '=', w.other.coordinator.id).executeTakeFirstOrThrow()).email;
    for (let i = 0; i < 8; i++) {
      const consentId = await shareWithOther(c.id);
      const [added, withdrawn] = await Promise.all([
        call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/members`, { email, grants: ['general'] }),
        new Promise((r) => setTimeout(r, i % 4)).then(() => call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/consents/${consentId}/withdraw`)),
      ]);
      expect(withdrawn.statusCode).toBe(200);
      expect([200, 422]).toContain(added.statusCode);
      const members = await t.deps.db.selectFrom('caseMember').select('accountId').where('caseId', '=', c.id).where('organisationId', '=', w.other.organisationId).execute();
      expect(members).toEqual([]);
    }
    const late = await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/members`, { email, grants: ['general'] });
    expect(late.json()).toMatchObject({ current: { refusal: 'withdrawn' } });
  });

  test('a referral racing the withdrawal of its consent is refused or cancelled, never left open', async () => {
    const c = await openCase(t, w.ngo.owner);
    for (let i = 0; i < 6; i++) {
      const consentId = await shareWithOther(c.id);
      const [referral] = await Promise.all([referFromCase(c, consentId), new Promise((r) => setTimeout(r, i % 3)).then(() => call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/consents/${consentId}/withdraw`))]);
      if (referral.statusCode === 201) {
        expect((await call(t, w.ngo.owner, 'GET', `/api/referrals/${referral.json().id}`)).json().status).toBe('cancelled');
      } else {
        expect(referral.statusCode).toBe(422);
      }
    }
  });
});

describe('referrals from a case', () => {
  test('need the case’s consent in force, the case code, and a consent of that case is not usable elsewhere', async () => {
    const c = await openCase(t, w.ngo.owner);
    const d = await openCase(t, w.ngo.owner);
    const consentId = await shareWithOther(c.id);
    expect((await referFromCase(d, consentId)).json().fields.consentId).toMatch(/another code|this case/);
    const pack = { subjectCode: c.code, ageBand: '25-34', languages: [], needs: [], urgency: 'routine', consentId };
    const outside = await call(t, w.ngo.owner, 'POST', '/api/referrals', { serviceId, package: pack, send: true });
    expect(outside.json().fields.consentId).toMatch(/from the case/);
    const wrongCode = await call(t, w.ngo.owner, 'POST', '/api/referrals', { serviceId, caseId: c.id, package: { ...pack, subjectCode: 'P-1' }, send: true });
    expect(wrongCode.statusCode).toBe(422);
    const newer = await shareWithOther(c.id);
    expect((await call(t, w.ngo.owner, 'GET', `/api/cases/${c.id}/consents?serviceId=${serviceId}`)).json().usableFor).toEqual([newer]);
    expect((await referFromCase(c, consentId)).json().fields.consentId).toMatch(/newer/);
    expect((await referFromCase(c, newer)).statusCode).toBe(201);
    // The organisation's consent list (referral feature) never shows a case's records.
    const listed = (await call(t, w.ngo.colleague, 'GET', `/api/consents?subjectCode=${c.code}`)).json();
    expect(listed.consents).toEqual([]);
    expect((await call(t, w.ngo.colleague, 'POST', `/api/consents/${newer}/withdraw`)).statusCode).toBe(404);
  });
});

describe('who may see and change the ledger', () => {
  test('another organisation and colleagues off the team get 404; a closed case still takes a withdrawal', async () => {
    const c = await openCase(t, w.ngo.owner);
    const consentId = await shareWithOther(c.id);
    for (const who of [w.other.caseManager, w.ngo.colleague]) {
      expect((await call(t, who, 'GET', `/api/cases/${c.id}/consents`)).statusCode).toBe(404);
      expect((await call(t, who, 'GET', `/api/cases/${c.id}/consents/${consentId}`)).statusCode).toBe(404);
      expect((await call(t, who, 'POST', `/api/cases/${c.id}/consents/${consentId}/withdraw`)).statusCode).toBe(404);
      expect((await record(w.ngo.owner, c.id).then(() => call(t, who, 'POST', `/api/cases/${c.id}/consents`, { scopes: ['services'], decision: 'given', guidance: allGuidance('yes'), language: 'ro', withInterpreter: false, lastSeenId: null }))).statusCode).toBe(404);
    }
    const other = await openCase(t, w.ngo.owner);
    expect((await call(t, w.ngo.owner, 'GET', `/api/cases/${other.id}/consents/${consentId}`)).statusCode).toBe(404);
    await addToTeam(t, w.ngo.owner, c.id, w.ngo.psychologist, ['psychological']);
    expect((await ledger(w.ngo.psychologist, c.id)).records.length).toBeGreaterThan(0);
    await t.deps.db.updateTable('caseFile').set({ status: 'Closed' }).where('id', '=', c.id).execute();
    expect((await record(w.ngo.owner, c.id)).statusCode).toBe(422);
    expect((await call(t, w.ngo.owner, 'POST', `/api/cases/${c.id}/consents/${consentId}/withdraw`)).statusCode).toBe(200);
  });
});
