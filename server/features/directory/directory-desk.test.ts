// The directory desk: an organisation keeps its own listing (scoped: another organisation gets 404), new services wait
// for four-eyes review by another organisation, version conflicts, capacity, verification and the inbox lines.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { person, type Person } from '#server/features/library/library.fixtures.ts';
import type { DeskLocation, DeskOrganization, DeskService, DirectoryDesk, DirectoryReviewList } from '#shared/directory/directory-desk.schema.ts';
import type { DirectorySearchResult } from '#shared/directory/directory-search.schema.ts';

let t: TestApp;
let a: { admin: Person; coordinator: Person; caseManager: Person; editor: Person };
let b: { admin: Person; coordinator: Person; caseManager: Person };
let platformAdmin: Person;
let orgA: string;

beforeAll(async () => {
  t = await createTestApp();
  orgA = (await createOrganisation(t.deps.db, { country: 'RO' })).id;
  const orgB = (await createOrganisation(t.deps.db, { country: 'NO' })).id;
  a = { admin: await person(t, orgA, ['org_admin']), coordinator: await person(t, orgA, ['coordinator']), caseManager: await person(t, orgA, ['case_manager']), editor: await person(t, orgA, ['editor']) };
  b = { admin: await person(t, orgB, ['org_admin']), coordinator: await person(t, orgB, ['coordinator']), caseManager: await person(t, orgB, ['case_manager']) };
  platformAdmin = await person(t, (await createOrganisation(t.deps.db)).id, [], { isPlatformAdmin: true });
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who?: Person, payload?: object) =>
  t.app.inject({ method, url, headers: who ? { cookie: who.cookie } : {}, ...(payload && { payload }) });
const desk = async (who: Person) => (await call('GET', '/api/directory/desk', who)).json<DirectoryDesk>();
const publicNames = async () => (await call('GET', '/api/directory/services?country=RO')).json<DirectorySearchResult>().services.map((s) => s.name);

const ORGANIZATION = { name: 'Centrul Exemplu', alternateName: '', descriptions: { ro: 'Descriere', en: 'Description', nb: '' }, email: 'contact@example.org', website: 'https://centrul.example.org', phone: '+40 21 000 9999', country: 'RO' };
const LOCATION = { name: 'Sediu', locationType: 'physical', isConfidential: false, address1: 'Strada Test 1', city: 'Cluj-Napoca', region: 'RO-CJ', postalCode: '400001', country: 'RO', latitude: 46.7, longitude: 23.6 };
const SERVICE = {
  name: 'Consiliere de test',
  summaries: { ro: 'Consiliere pentru adulți', en: 'Counselling for adults' },
  status: 'active',
  categories: ['mental-health'],
  languages: ['ro', 'en'],
  serviceAreas: ['RO-CJ'],
  minimumAge: 18,
  maximumAge: null,
  sexes: [],
  requiredDocuments: [],
  isFree: true,
  feesDescription: '',
  schedules: [{ byday: ['MO', 'WE'], opensAt: '09:00', closesAt: '17:00' }],
  phone: '+40 21 000 9998',
  email: '',
  url: '',
  locationIds: [] as string[],
};

let organization: DeskOrganization;
let location: DeskLocation;
let service: DeskService;

describe('an organisation keeps its own listing', () => {
  test('an org admin creates it on first use (audited); a second one → 409; a case manager cannot', async () => {
    expect(await desk(a.admin)).toMatchObject({ own: null, canKeepOwn: true, canEdit: true, offPlatform: null });
    const res = await call('POST', '/api/directory/desk/organizations', a.admin, { ...ORGANIZATION, offPlatform: false });
    expect(res.statusCode, res.body).toBe(201);
    organization = res.json<DeskOrganization>();
    expect(organization).toMatchObject({ name: 'Centrul Exemplu', alternateName: null, descriptions: { ro: 'Descriere', en: 'Description' }, version: 1 });
    expect((await call('POST', '/api/directory/desk/organizations', a.coordinator, { ...ORGANIZATION, offPlatform: false })).statusCode).toBe(409);
    expect((await call('POST', '/api/directory/desk/organizations', a.caseManager, { ...ORGANIZATION, offPlatform: false })).statusCode).toBe(403);
    expect((await call('POST', '/api/directory/desk/organizations', a.admin, { ...ORGANIZATION, offPlatform: true })).statusCode).toBe(403);
    expect(await desk(a.caseManager)).toMatchObject({ canKeepOwn: true, canEdit: false, own: { id: organization.id } });
    expect((await call('GET', '/api/directory/desk', a.editor)).statusCode).toBe(403);
    expect((await call('GET', '/api/directory/desk')).statusCode).toBe(401);
  });

  test('adds a place and a service; the service waits for review and is not public', async () => {
    const placed = await call('POST', `/api/directory/desk/organizations/${organization.id}/locations`, a.admin, LOCATION);
    expect(placed.statusCode, placed.body).toBe(201);
    location = placed.json<DeskLocation>();
    const created = await call('POST', `/api/directory/desk/organizations/${organization.id}/services`, a.coordinator, { ...SERVICE, locationIds: [location.id] });
    expect(created.statusCode, created.body).toBe(201);
    service = created.json<DeskService>();
    expect(service).toMatchObject({ reviewStatus: 'pending', locationIds: [location.id], feesDescription: null, email: null, schedules: [{ byday: 'MO,WE', opensAt: '09:00', closesAt: '17:00' }], version: 1 });
    expect(await publicNames()).not.toContain('Consiliere de test');
    expect((await call('GET', `/api/directory/services/${service.id}`)).statusCode).toBe(404);
  });

  test('field errors: age range, places of another organisation, a confidential place without a front-gate phone', async () => {
    const bad = await call('POST', `/api/directory/desk/organizations/${organization.id}/services`, a.admin, { ...SERVICE, minimumAge: 30, maximumAge: 20 });
    expect(bad.json()).toMatchObject({ code: 'invalid', fields: { maximumAge: expect.any(String) } });
    const foreign = await call('POST', `/api/directory/desk/organizations/${organization.id}/services`, a.admin, { ...SERVICE, locationIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(foreign.json()).toMatchObject({ fields: { locationIds: expect.any(String) } });
    const schema = await call('POST', `/api/directory/desk/organizations/${organization.id}/services`, a.admin, { ...SERVICE, categories: [], website: 'x', url: 'javascript:alert(1)' });
    expect(schema.statusCode).toBe(400);
    const shelter = (await call('POST', `/api/directory/desk/organizations/${organization.id}/locations`, a.admin, { ...LOCATION, isConfidential: true })).json<DeskLocation>();
    const noPhone = await call('POST', `/api/directory/desk/organizations/${organization.id}/services`, a.admin, { ...SERVICE, phone: '', locationIds: [shelter.id] });
    expect(noPhone.json()).toMatchObject({ fields: { phone: expect.any(String) } });
  });
});

describe('four eyes', () => {
  test('nobody of the same organisation reviews it: not listed, 403 when tried', async () => {
    expect((await call('GET', '/api/directory/review', a.coordinator)).json<DirectoryReviewList>().services.map((s) => s.id)).not.toContain(service.id);
    const own = await call('POST', `/api/directory/review/${service.id}`, a.coordinator, { decision: 'approved', note: null, version: 1 });
    expect(own.statusCode).toBe(403);
    expect((await call('GET', '/api/directory/review', a.admin)).statusCode).toBe(403);
  });

  test('a coordinator of another organisation rejects with a note (a note is required), the organisation edits, it comes back', async () => {
    const list = (await call('GET', '/api/directory/review', b.coordinator)).json<DirectoryReviewList>();
    expect(list.services.find((s) => s.id === service.id)).toMatchObject({ organizationName: 'Centrul Exemplu', onPlatform: true });
    expect((await call('POST', `/api/directory/review/${service.id}`, b.coordinator, { decision: 'rejected', note: '', version: 1 })).statusCode).toBe(400);
    const rejected = await call('POST', `/api/directory/review/${service.id}`, b.coordinator, { decision: 'rejected', note: 'Add the hours', version: 1 });
    expect(rejected.json<DeskService>()).toMatchObject({ reviewStatus: 'rejected', reviewNote: 'Add the hours', version: 2 });
    const edited = await call('PUT', `/api/directory/desk/services/${service.id}`, a.admin, { ...SERVICE, locationIds: [location.id], version: 2 });
    expect(edited.json<DeskService>()).toMatchObject({ reviewStatus: 'pending', reviewNote: null, version: 3 });
  });

  test('approved by another organisation’s coordinator: public from then on, verified that day', async () => {
    const approved = await call('POST', `/api/directory/review/${service.id}`, b.coordinator, { decision: 'approved', note: null, version: 3 });
    expect(approved.json<DeskService>()).toMatchObject({ reviewStatus: 'approved', assuredDate: t.deps.now().toISOString().slice(0, 10), verificationDue: false });
    expect(await publicNames()).toContain('Consiliere de test');
    expect((await call('POST', `/api/directory/review/${service.id}`, b.coordinator, { decision: 'approved', note: null, version: 4 })).statusCode).toBe(409);
    const actions = await t.deps.db.selectFrom('auditEvent').select(['action', 'organisationId']).where('entityId', '=', service.id).orderBy('seq').execute();
    expect(actions.map((x) => x.action)).toEqual(['directory.service_created', 'directory.service_rejected', 'directory.service_updated', 'directory.service_approved']);
  });

  test('an edit to an approved listing stays public, audited with the fields it changed', async () => {
    const res = await call('PUT', `/api/directory/desk/services/${service.id}`, a.admin, { ...SERVICE, name: 'Consiliere de test (nou)', locationIds: [location.id], version: 4 });
    expect(res.json<DeskService>()).toMatchObject({ reviewStatus: 'approved', version: 5 });
    expect(await publicNames()).toContain('Consiliere de test (nou)');
    const audit = await t.deps.db.selectFrom('auditEvent').select('details').where('entityId', '=', service.id).where('action', '=', 'directory.service_updated').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ fields: ['name'], reviewStatus: 'approved' });
  });

  test('a stale version → 409 with the current service; the organisation’s new name reaches the search words', async () => {
    const stale = await call('PUT', `/api/directory/desk/services/${service.id}`, a.coordinator, { ...SERVICE, version: 4 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', current: { name: 'Consiliere de test (nou)', version: 5 } });
    const renamed = await call('PUT', `/api/directory/desk/organizations/${organization.id}`, a.admin, { ...ORGANIZATION, name: 'Centrul Zefir', version: 1 });
    expect(renamed.json<DeskOrganization>()).toMatchObject({ name: 'Centrul Zefir', version: 2 });
    expect((await call('PUT', `/api/directory/desk/organizations/${organization.id}`, a.admin, { ...ORGANIZATION, version: 1 })).statusCode).toBe(409);
    const found = (await call('GET', '/api/directory/services?q=zefir')).json<DirectorySearchResult>();
    expect(found.services.map((s) => s.id)).toEqual([service.id]);
  });

  test('off-platform listings: a coordinator keeps one (no address for a confidential place); the platform admin approves; the author cannot', async () => {
    const off = (await call('POST', '/api/directory/desk/organizations', a.coordinator, { ...ORGANIZATION, name: 'Spitalul Exemplu', offPlatform: true })).json<DeskOrganization>();
    expect(off.organisationId).toBeNull();
    const secret = await call('POST', `/api/directory/desk/organizations/${off.id}/locations`, a.coordinator, { ...LOCATION, isConfidential: true });
    expect(secret.json()).toMatchObject({ code: 'invalid', fields: { address1: expect.any(String), postalCode: expect.any(String), latitude: expect.any(String) } });
    const svc = (await call('POST', `/api/directory/desk/organizations/${off.id}/services`, a.coordinator, SERVICE)).json<DeskService>();
    expect((await call('POST', `/api/directory/review/${svc.id}`, a.coordinator, { decision: 'approved', note: null, version: 1 })).statusCode).toBe(403);
    expect((await desk(b.coordinator)).offPlatform!.map((o) => o.id)).toContain(off.id);
    expect((await desk(b.admin)).offPlatform).toBeNull();
    expect((await call('POST', `/api/directory/review/${svc.id}`, platformAdmin, { decision: 'approved', note: null, version: 1 })).statusCode).toBe(200);
    const card = (await call('GET', '/api/directory/services?q=spitalul+exemplu')).json<DirectorySearchResult>().services[0]!;
    expect(card).toMatchObject({ id: svc.id, onPlatform: false });
  });
});

describe('scoping: another organisation’s listing is not found', () => {
  test('org B’s admin, coordinator and case manager get 404 on every write to org A’s listing', async () => {
    for (const who of [b.admin, b.coordinator, b.caseManager]) {
      expect((await call('PUT', `/api/directory/desk/services/${service.id}`, who, { ...SERVICE, version: 5 })).statusCode).toBe(404);
      expect((await call('PUT', `/api/directory/desk/organizations/${organization.id}`, who, { ...ORGANIZATION, version: 2 })).statusCode).toBe(404);
      expect((await call('PUT', `/api/directory/desk/locations/${location.id}`, who, { ...LOCATION, version: 1 })).statusCode).toBe(404);
      expect((await call('POST', `/api/directory/desk/organizations/${organization.id}/locations`, who, LOCATION)).statusCode).toBe(404);
      expect((await call('POST', `/api/directory/desk/organizations/${organization.id}/services`, who, SERVICE)).statusCode).toBe(404);
      expect((await call('POST', `/api/directory/desk/services/${service.id}/capacity`, who, { acceptingReferrals: false, availablePlaces: null, version: 5 })).statusCode).toBe(404);
      expect((await call('POST', `/api/directory/desk/services/${service.id}/verify`, who, { version: 5 })).statusCode).toBe(404);
    }
    expect((await desk(b.admin)).own).toBeNull();
  });

  test('a case manager of the organisation cannot change the listing, only its capacity', async () => {
    expect((await call('PUT', `/api/directory/desk/services/${service.id}`, a.caseManager, { ...SERVICE, version: 5 })).statusCode).toBe(404);
    expect((await call('POST', `/api/directory/desk/services/${service.id}/verify`, a.caseManager, { version: 5 })).statusCode).toBe(404);
  });
});

describe('capacity and verification', () => {
  test('a case manager says “not accepting, 0 places”; readers see it at once with the time it was said', async () => {
    t.setNow(new Date('2027-01-10T10:00:00Z'));
    a.caseManager = await person(t, orgA, ['case_manager']);
    const res = await call('POST', `/api/directory/desk/services/${service.id}/capacity`, a.caseManager, { acceptingReferrals: false, availablePlaces: 0, version: 5 });
    expect(res.json<DeskService>()).toMatchObject({ acceptingReferrals: false, availablePlaces: 0, capacityUpdatedAt: '2027-01-10T10:00:00.000Z', version: 6 });
    const detail = (await call('GET', `/api/directory/services/${service.id}`)).json();
    expect(detail).toMatchObject({ acceptingReferrals: false, availablePlaces: 0, capacityUpdatedAt: '2027-01-10T10:00:00.000Z' });
    expect((await call('GET', '/api/directory/services?accepting=true&q=zefir')).json<DirectorySearchResult>().total).toBe(0);
    expect((await call('POST', `/api/directory/desk/services/${service.id}/capacity`, a.caseManager, { acceptingReferrals: true, availablePlaces: 2, version: 5 })).statusCode).toBe(409);
    expect((await call('POST', `/api/directory/desk/services/${service.id}/capacity`, a.caseManager, { acceptingReferrals: true, availablePlaces: -1, version: 6 })).statusCode).toBe(400);
    const audit = await t.deps.db.selectFrom('auditEvent').select('details').where('entityId', '=', service.id).where('action', '=', 'directory.capacity_updated').executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ acceptingReferrals: false, availablePlaces: 0 });
  });

  test('six months without verification: flagged on the desk, to readers and in the inbox; verifying clears it', async () => {
    t.setNow(new Date('2027-07-10T10:00:00Z'));
    const admin = await person(t, orgA, ['org_admin']);
    const listing = await desk(admin);
    expect(listing.dueCount).toBe(1);
    expect(listing.own!.services.find((s) => s.id === service.id)).toMatchObject({ verificationDue: true });
    expect((await call('GET', `/api/directory/services/${service.id}`)).json()).toMatchObject({ verificationDue: true });
    const inbox = (await call('GET', '/api/inbox', admin)).json<{ items: unknown[] }>();
    expect(inbox.items).toContainEqual({ kind: 'directory_listings_due', count: 1, href: '/desk/directory' });
    const verified = await call('POST', `/api/directory/desk/services/${service.id}/verify`, admin, { version: 6 });
    expect(verified.json<DeskService>()).toMatchObject({ assuredDate: '2027-07-10', verificationDue: false, version: 7 });
    expect((await desk(admin)).dueCount).toBe(0);
    expect((await call('GET', '/api/inbox', admin)).json<{ items: { kind: string }[] }>().items.map((i) => i.kind)).not.toContain('directory_listings_due');
  });

  test('the review line of the inbox counts what the coordinator may decide', async () => {
    const coordinator = await person(t, (await createOrganisation(t.deps.db)).id, ['coordinator']);
    const admin = await person(t, orgA, ['org_admin']);
    expect((await call('POST', `/api/directory/desk/organizations/${organization.id}/services`, admin, SERVICE)).statusCode).toBe(201);
    const before = (await call('GET', '/api/directory/review', coordinator)).json<DirectoryReviewList>().services.length;
    expect(before).toBeGreaterThan(0);
    const inbox = (await call('GET', '/api/inbox', coordinator)).json<{ items: unknown[] }>();
    expect(inbox.items).toContainEqual({ kind: 'directory_listings_to_review', count: before, href: '/desk/directory/review' });
  });
});
