import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/auth/roles.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function signedIn(options: { organisationId?: string; roles?: Role[]; isPlatformAdmin?: boolean }): Promise<string> {
  const account = await createAccount(t.deps.db, { ...options, withTotp: true });
  return signIn(t.app, account);
}

function auditOf(entityId: string) {
  return t.deps.db.selectFrom('auditEvent').select(['action', 'actorAccountId', 'organisationId', 'details']).where('entityId', '=', entityId).orderBy('seq').execute();
}

const profile = { name: 'Asociația Test', type: 'NGO', country: 'ro', city: 'Iași', email: '', phone: '+40 21 000 0099', website: 'https://test.example.org' };

describe('organisations (platform admins)', () => {
  it('creates an organisation, lists it with its member count, and audits the creation', async () => {
    const cookie = await signedIn({ isPlatformAdmin: true });
    const res = await t.app.inject({ method: 'POST', url: '/api/organisations', headers: { cookie }, payload: profile });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Asociația Test', type: 'NGO', country: 'RO', city: 'Iași', email: null, version: 1, isDemo: false });

    const list = await t.app.inject({ method: 'GET', url: '/api/organisations', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    const listed = list.json().organisations.find((o: { id: string }) => o.id === created.id);
    expect(listed).toMatchObject({ name: 'Asociația Test', memberCount: 0 });

    const audit = await auditOf(created.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'organisation.created', organisationId: created.id, details: { type: 'NGO', country: 'RO' } })]);
  });

  it('refuses bad input with field errors', async () => {
    const cookie = await signedIn({ isPlatformAdmin: true });
    const res = await t.app.inject({ method: 'POST', url: '/api/organisations', headers: { cookie }, payload: { ...profile, type: 'Charity', country: 'ROU' } });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields).sort()).toEqual(['country', 'type']);
  });

  it('updates with the current version and answers a stale version with 409 and the current record', async () => {
    const cookie = await signedIn({ isPlatformAdmin: true });
    const org = await createOrganisation(t.deps.db);
    const first = await t.app.inject({ method: 'PUT', url: `/api/organisations/${org.id}`, headers: { cookie }, payload: { ...profile, name: 'Renamed', version: 1 } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: 'Renamed', version: 2 });

    const stale = await t.app.inject({ method: 'PUT', url: `/api/organisations/${org.id}`, headers: { cookie }, payload: { ...profile, name: 'Again', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', current: { id: org.id, name: 'Renamed', version: 2 } });

    const audit = await auditOf(org.id);
    expect(audit.map((a) => a.action)).toEqual(['organisation.updated']);
    expect(audit[0]!.details).toEqual({ fields: expect.arrayContaining(['name', 'city', 'phone', 'website']) });
  });

  it('answers an unknown organisation with 404', async () => {
    const cookie = await signedIn({ isPlatformAdmin: true });
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/organisations/00000000-0000-4000-8000-000000000000',
      headers: { cookie },
      payload: { ...profile, version: 1 },
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses organisation admins (403) and signed-out callers (401)', async () => {
    const org = await createOrganisation(t.deps.db);
    const cookie = await signedIn({ organisationId: org.id, roles: ['org_admin'] });
    expect((await t.app.inject({ method: 'GET', url: '/api/organisations', headers: { cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/organisations', headers: { cookie }, payload: profile })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/organisations' })).statusCode).toBe(401);
  });
});

describe('own organisation profile (organisation admins)', () => {
  it('reads and updates the own organisation, audited, with optimistic locking', async () => {
    const org = await createOrganisation(t.deps.db);
    const cookie = await signedIn({ organisationId: org.id, roles: ['org_admin'] });
    const read = await t.app.inject({ method: 'GET', url: '/api/organisation', headers: { cookie } });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: org.id, name: org.name, version: 1 });

    const saved = await t.app.inject({ method: 'PUT', url: '/api/organisation', headers: { cookie }, payload: { ...profile, version: 1 } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ id: org.id, name: 'Asociația Test', version: 2 });

    const stale = await t.app.inject({ method: 'PUT', url: '/api/organisation', headers: { cookie }, payload: { ...profile, name: 'Lost update', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ name: 'Asociația Test', version: 2 });
    expect((await auditOf(org.id)).map((a) => a.action)).toEqual(['organisation.updated']);
  });

  it('refuses members without the organisation admin role', async () => {
    const org = await createOrganisation(t.deps.db);
    const cookie = await signedIn({ organisationId: org.id, roles: ['coordinator', 'case_manager'] });
    expect((await t.app.inject({ method: 'GET', url: '/api/organisation', headers: { cookie } })).statusCode).toBe(403);
    const put = await t.app.inject({ method: 'PUT', url: '/api/organisation', headers: { cookie }, payload: { ...profile, version: 1 } });
    expect(put.statusCode).toBe(403);
  });
});
