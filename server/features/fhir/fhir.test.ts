// The FHIR facade end to end through app.inject(): each answer validated in the three layers, tokens scoped to their
// organisation (another's referral is a 404, audited), every read audited, search paging and filters.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation } from '#tests/factories.ts';
import { fhirProblems } from '#tests/fhir-validator.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { insertApiToken, insertReferral, referralWorld, type ReferralWorld } from './fhir.fixtures.ts';

let t: TestApp;
let world: ReferralWorld;
let sender: { authorization: string; id: string };
let receiver: { authorization: string; id: string };
let outsider: { authorization: string; id: string };
let referral: { id: string; consentId: string; subjectCode: string };

beforeAll(async () => {
  t = await createTestApp();
  world = await referralWorld(t.deps.db);
  referral = await insertReferral(t.deps.db, world);
  sender = await insertApiToken(t.deps.db, world.senderId);
  receiver = await insertApiToken(t.deps.db, world.receiverId);
  outsider = await insertApiToken(t.deps.db, (await createOrganisation(t.deps.db)).id);
});
afterAll(() => t?.close());

const get = (url: string, authorization?: string) => t.app.inject({ method: 'GET', url, headers: authorization ? { authorization } : {} });

async function lastAudit() {
  return t.deps.db.selectFrom('auditEvent').select(['action', 'entityId', 'organisationId', 'actorAccountId', 'details']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
}

describe('FHIR reads', () => {
  test('metadata is public and a valid CapabilityStatement', async () => {
    const res = await get('/fhir/metadata');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(fhirProblems(res.json())).toEqual([]);
  });

  test.each([
    ['Task', () => referral.id],
    ['ServiceRequest', () => referral.id],
    ['Consent', () => referral.consentId],
  ])('%s/{id}: valid for the sender and the receiver, audited with the token', async (type, id) => {
    for (const token of [sender, receiver]) {
      const res = await get(`/fhir/${type}/${id()}`, token.authorization);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.json();
      expect(body.resourceType).toBe(type);
      expect(fhirProblems(body)).toEqual([]);
      const audit = await lastAudit();
      expect(audit).toMatchObject({ action: 'fhir.read', entityId: id(), actorAccountId: null, details: { apiTokenId: token.id, resource: type } });
    }
  });

  test('Task/{id}/$bundle: the whole referral, every entry valid, no identity and no note beyond the package', async () => {
    const res = await get(`/fhir/Task/${referral.id}/$bundle`, receiver.authorization);
    expect(res.statusCode, res.body).toBe(200);
    const bundle = res.json();
    expect(bundle.type).toBe('collection');
    expect(fhirProblems(bundle)).toEqual([]);
    expect(bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType)).toEqual(['Task', 'ServiceRequest', 'Consent', 'Patient', 'Organization', 'Organization', 'HealthcareService']);
    expect(res.body).not.toContain('Secret Name');
    expect(res.body).toContain('Only by text message');
    const patient = bundle.entry[3].resource;
    expect(patient.identifier[0].value).toBe(referral.subjectCode);
    for (const e of bundle.entry) expect(e.fullUrl).toMatch(/^http:\/\/localhost:\d+\/fhir\/\w+\/[\w-]+$/);
  });

  test('another organisation’s token gets 404 as an OperationOutcome, audited as not found', async () => {
    for (const url of [`/fhir/Task/${referral.id}`, `/fhir/ServiceRequest/${referral.id}`, `/fhir/Consent/${referral.consentId}`, `/fhir/Task/${referral.id}/$bundle`]) {
      const res = await get(url, outsider.authorization);
      expect(res.statusCode).toBe(404);
      const outcome = res.json();
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(fhirProblems(outcome)).toEqual([]);
      expect(await lastAudit()).toMatchObject({ action: 'fhir.not_found', organisationId: (await tokenOrg(outsider.id)), details: { apiTokenId: outsider.id } });
    }
  });

  test('the receiver never sees a draft; the sender does', async () => {
    const draft = await insertReferral(t.deps.db, world, { status: 'draft' });
    expect((await get(`/fhir/Task/${draft.id}`, receiver.authorization)).statusCode).toBe(404);
    expect((await get(`/fhir/Consent/${draft.consentId}`, receiver.authorization)).statusCode).toBe(404);
    expect((await get(`/fhir/Task/${draft.id}`, sender.authorization)).statusCode).toBe(200);
  });

  test('a referral to a service outside the platform: the sender reads it, its listing is the owner', async () => {
    const external = await insertReferral(t.deps.db, world, { external: true });
    const res = await get(`/fhir/Task/${external.id}/$bundle`, sender.authorization);
    expect(res.statusCode, res.body).toBe(200);
    const bundle = res.json();
    expect(fhirProblems(bundle)).toEqual([]);
    expect(bundle.entry[0].resource.owner.reference).toBe(`Organization/${world.directoryOrganizationId}`);
    expect(bundle.entry[2].resource.provision.actor[0].reference.reference).toBe(`Organization/${world.directoryOrganizationId}`);
    expect((await get(`/fhir/Task/${external.id}`, receiver.authorization)).statusCode).toBe(404);
  });

  test('a malformed id is a 400 OperationOutcome naming the field', async () => {
    const res = await get('/fhir/Task/not-a-uuid', receiver.authorization);
    expect(res.statusCode).toBe(400);
    expect(res.json().issue[0].expression).toEqual(['id']);
    expect(fhirProblems(res.json())).toEqual([]);
  });

  test('an unknown path under /fhir is a 404 OperationOutcome', async () => {
    const res = await get('/fhir/Patient/x', receiver.authorization);
    expect(res.statusCode).toBe(404);
    expect(res.json().resourceType).toBe('OperationOutcome');
  });
});

async function tokenOrg(id: string) {
  return (await t.deps.db.selectFrom('apiToken').select('organisationId').where('id', '=', id).executeTakeFirstOrThrow()).organisationId;
}

describe('Task search', () => {
  let ids: string[];
  beforeAll(async () => {
    const base = Date.parse('2026-06-01T00:00:00Z');
    ids = [];
    for (let i = 0; i < 5; i++) ids.push((await insertReferral(t.deps.db, world, { status: i % 2 ? 'accepted' : 'requested', updatedAt: new Date(base + i * 1000) })).id);
  });

  test('a searchset Bundle of valid Tasks, owner and status filtered, audited with the ids it showed', async () => {
    const res = await get(`/fhir/Task?owner=Organization/${world.receiverId}&status=accepted&_lastUpdated=ge2026-06-01T00:00:00Z`, receiver.authorization);
    expect(res.statusCode, res.body).toBe(200);
    const bundle = res.json();
    expect(bundle.type).toBe('searchset');
    expect(fhirProblems(bundle)).toEqual([]);
    const found = bundle.entry.map((e: { resource: { id: string; status: string } }) => e.resource.id);
    expect(found).toEqual(expect.arrayContaining([ids[1], ids[3]]));
    expect(bundle.entry.every((e: { resource: { status: string } }) => e.resource.status === 'accepted')).toBe(true);
    const audit = await lastAudit();
    expect(audit.action).toBe('fhir.searched');
    expect((audit.details as { ids: string[] }).ids).toEqual(found);
  });

  test('_count pages with a next link that never skips or repeats', async () => {
    const seen: string[] = [];
    let url: string | null = `/fhir/Task?_lastUpdated=ge2026-06-01T00:00:00Z&_count=2`;
    while (url) {
      const res = await get(url, receiver.authorization);
      expect(res.statusCode, res.body).toBe(200);
      const bundle = res.json();
      expect(fhirProblems(bundle)).toEqual([]);
      seen.push(...bundle.entry.map((e: { resource: { id: string } }) => e.resource.id));
      const next = bundle.link.find((l: { relation: string }) => l.relation === 'next');
      url = next ? new URL(next.url).pathname + new URL(next.url).search : null;
    }
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('the sender searching its own requests sees its drafts too; the receiver never does', async () => {
    const draft = await insertReferral(t.deps.db, world, { status: 'draft', updatedAt: new Date('2026-06-01T00:00:10Z') });
    const query = `/fhir/Task?requester=Organization/${world.senderId}&_lastUpdated=ge2026-06-01T00:00:00Z&_count=100`;
    const mine = (await get(query, sender.authorization)).json();
    expect(mine.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual(expect.arrayContaining([...ids, draft.id]));
    const theirs = (await get(query, receiver.authorization)).json();
    expect(theirs.entry.map((e: { resource: { id: string } }) => e.resource.id)).not.toContain(draft.id);
    expect(fhirProblems(mine)).toEqual([]);
  });

  test('another organisation sees none of them', async () => {
    const res = await get('/fhir/Task?_count=100', outsider.authorization);
    expect(res.json().entry).toEqual([]);
  });

  test.each(['_count=0', '_count=101', 'status=ready,bogus', '_lastUpdated=2026-01-01', 'owner=Patient/x', 'unknown=1'])('bad parameter %s → 400 OperationOutcome', async (query) => {
    const res = await get(`/fhir/Task?${query}`, receiver.authorization);
    expect(res.statusCode).toBe(400);
    expect(res.json().resourceType).toBe('OperationOutcome');
  });
});

describe('API token authentication', () => {
  test('no token, a wrong token, a session cookie: 401 with WWW-Authenticate: Bearer', async () => {
    for (const authorization of [undefined, 'Bearer pht_nope-nope-nope-nope', 'Basic abc']) {
      const res = await get(`/fhir/Task/${referral.id}`, authorization);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.json().resourceType).toBe('OperationOutcome');
    }
  });

  test('a token without referrals:read is refused 403', async () => {
    const writeOnly = await insertApiToken(t.deps.db, world.receiverId, { scopes: ['referrals:write'] });
    expect((await get(`/fhir/Task/${referral.id}`, writeOnly.authorization)).statusCode).toBe(403);
  });

  test('expiry follows the (controllable) clock', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000);
    const token = await insertApiToken(t.deps.db, world.receiverId, { expiresAt });
    expect((await get(`/fhir/Task/${referral.id}`, token.authorization)).statusCode).toBe(200);
    t.setNow(new Date(expiresAt.getTime() + 1));
    try {
      expect((await get(`/fhir/Task/${referral.id}`, token.authorization)).statusCode).toBe(401);
      expect(await lastAudit()).toMatchObject({ action: 'api_token.refused', details: { state: 'expired' } });
    } finally {
      t.setNow(new Date());
    }
  });

  test('a revoked token is refused at once', async () => {
    const token = await insertApiToken(t.deps.db, world.receiverId, { revokedAt: new Date() });
    expect((await get(`/fhir/Task/${referral.id}`, token.authorization)).statusCode).toBe(401);
    // a dead token still in use is recorded for its organisation (a forgotten system, or a leaked secret)
    expect(await lastAudit()).toMatchObject({ action: 'api_token.refused', entityId: token.id, organisationId: world.receiverId, details: { state: 'revoked' } });
  });

  test('past 600 calls a minute a token gets 429 with Retry-After, as an OperationOutcome', async () => {
    const token = await insertApiToken(t.deps.db, world.receiverId);
    await t.deps.db.insertInto('rateLimit').values({ key: `api_token:${token.id}`, hits: 600, windowStart: new Date() }).execute();
    const res = await get(`/fhir/Task/${referral.id}`, token.authorization);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
    expect(res.json().issue[0].code).toBe('throttled');
  });

  test('use is recorded as last use', async () => {
    const token = await insertApiToken(t.deps.db, world.receiverId);
    await get(`/fhir/Task/${referral.id}`, token.authorization);
    const row = await t.deps.db.selectFrom('apiToken').select('lastUsedAt').where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(row.lastUsedAt).not.toBeNull();
  });
});
