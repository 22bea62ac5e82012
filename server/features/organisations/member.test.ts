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

/** An account with a membership, signed in; `membershipId` is how the members API names it. */
async function member(organisationId: string, roles: Role[], options: { displayName?: string; withTotp?: boolean } = {}) {
  const account = await createAccount(t.deps.db, { organisationId, roles, withTotp: options.withTotp ?? true, displayName: options.displayName });
  const cookie = await signIn(t.app, account);
  const row = await t.deps.db.selectFrom('membership').select(['id']).where('accountId', '=', account.id).executeTakeFirstOrThrow();
  return { ...account, cookie, membershipId: row.id };
}

function auditOf(entityId: string) {
  return t.deps.db.selectFrom('auditEvent').select(['action', 'actorAccountId', 'organisationId', 'details']).where('entityId', '=', entityId).orderBy('seq').execute();
}

describe('listing members', () => {
  it('lists the members of the own organisation only, with roles, 2FA and last sign-in', async () => {
    const org = await createOrganisation(t.deps.db);
    const other = await createOrganisation(t.deps.db);
    const admin = await member(org.id, ['org_admin'], { displayName: 'Ana Admin' });
    await createAccount(t.deps.db, { organisationId: org.id, roles: ['trainer'], displayName: 'Bob Trainer' });
    await createAccount(t.deps.db, { organisationId: other.id, roles: ['org_admin'], displayName: 'Elsewhere' });

    const res = await t.app.inject({ method: 'GET', url: '/api/members', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    const members = res.json().members;
    expect(members.map((m: { displayName: string }) => m.displayName)).toEqual(['Ana Admin', 'Bob Trainer']);
    expect(members[0]).toMatchObject({ id: admin.membershipId, email: admin.email, roles: ['org_admin'], twoFactorEnabled: true, version: 1 });
    expect(typeof members[0].lastSignInAt).toBe('string');
    expect(members[1]).toMatchObject({ roles: ['trainer'], twoFactorEnabled: false, lastSignInAt: null });
  });

  it('refuses every role but organisation admin (403) and signed-out callers (401)', async () => {
    const org = await createOrganisation(t.deps.db);
    const roles: Role[] = ['coordinator', 'case_manager', 'medical_professional', 'psychologist', 'social_worker', 'legal_advisor', 'trainer', 'donor_viewer', 'participant'];
    const cookie = (await member(org.id, roles)).cookie;
    expect((await t.app.inject({ method: 'GET', url: '/api/members', headers: { cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/invitations', headers: { cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/members' })).statusCode).toBe(401);
  });
});

describe('changing roles', () => {
  it('replaces the roles, bumps the version and audits the role names', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await member(org.id, ['org_admin']);
    const target = await member(org.id, ['trainer'], { withTotp: false });
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/members/${target.membershipId}/roles`,
      headers: { cookie: admin.cookie },
      payload: { roles: ['case_manager', 'trainer', 'case_manager'], version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: target.membershipId, roles: ['case_manager', 'trainer'], version: 2 });
    expect(await auditOf(target.membershipId)).toEqual([
      {
        action: 'membership.roles_changed',
        actorAccountId: admin.id,
        organisationId: org.id,
        details: { previousRoles: ['trainer'], roles: ['case_manager', 'trainer'] },
      },
    ]);
  });

  it('answers a stale version with 409 and the current member', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await member(org.id, ['org_admin']);
    const target = await member(org.id, ['trainer'], { withTotp: false });
    const url = `/api/members/${target.membershipId}/roles`;
    await t.app.inject({ method: 'PUT', url, headers: { cookie: admin.cookie }, payload: { roles: ['donor_viewer'], version: 1 } });
    const stale = await t.app.inject({ method: 'PUT', url, headers: { cookie: admin.cookie }, payload: { roles: ['participant'], version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', current: { id: target.membershipId, roles: ['donor_viewer'], version: 2 } });
  });

  it('refuses an empty role set and unknown roles with 400', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await member(org.id, ['org_admin']);
    const url = `/api/members/${admin.membershipId}/roles`;
    const empty = await t.app.inject({ method: 'PUT', url, headers: { cookie: admin.cookie }, payload: { roles: [], version: 1 } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toHaveProperty('roles');
    const unknown = await t.app.inject({ method: 'PUT', url, headers: { cookie: admin.cookie }, payload: { roles: ['superuser'], version: 1 } });
    expect(unknown.statusCode).toBe(400);
  });

  it('does not let the last organisation admin give up the role, but lets one of two', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await member(org.id, ['org_admin', 'coordinator']);
    const url = `/api/members/${admin.membershipId}/roles`;
    const last = await t.app.inject({ method: 'PUT', url, headers: { cookie: admin.cookie }, payload: { roles: ['coordinator'], version: 1 } });
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({ code: 'conflict', message: expect.stringContaining('at least one organisation admin'), fields: { roles: expect.any(String) } });
    expect(last.json().current).toBeUndefined();

    await member(org.id, ['org_admin']);
    const ok = await t.app.inject({ method: 'PUT', url, headers: { cookie: admin.cookie }, payload: { roles: ['coordinator'], version: 1 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().roles).toEqual(['coordinator']);
  });
});

describe('removing members', () => {
  it('removes a member and audits it; the member no longer appears', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await member(org.id, ['org_admin']);
    const target = await member(org.id, ['participant'], { withTotp: false });
    const res = await t.app.inject({ method: 'DELETE', url: `/api/members/${target.membershipId}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(204);
    const list = await t.app.inject({ method: 'GET', url: '/api/members', headers: { cookie: admin.cookie } });
    expect(list.json().members.map((m: { id: string }) => m.id)).toEqual([admin.membershipId]);
    expect(await auditOf(target.membershipId)).toEqual([
      { action: 'membership.removed', actorAccountId: admin.id, organisationId: org.id, details: { accountId: target.id, roles: ['participant'] } },
    ]);
    const account = await t.deps.db.selectFrom('account').select('id').where('id', '=', target.id).executeTakeFirst();
    expect(account).toEqual({ id: target.id });
  });

  it('does not remove the last organisation admin', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await member(org.id, ['org_admin']);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/members/${admin.membershipId}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('at least one organisation admin');
    expect(await auditOf(admin.membershipId)).toEqual([]);
  });
});

describe('isolation between organisations', () => {
  it("answers another organisation's member ids with 404 and changes nothing", async () => {
    const orgA = await createOrganisation(t.deps.db);
    const orgB = await createOrganisation(t.deps.db);
    const adminA = await member(orgA.id, ['org_admin']);
    const memberB = await member(orgB.id, ['trainer'], { withTotp: false });
    const headers = { cookie: adminA.cookie };
    const put = await t.app.inject({ method: 'PUT', url: `/api/members/${memberB.membershipId}/roles`, headers, payload: { roles: ['org_admin'], version: 1 } });
    expect(put.statusCode).toBe(404);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/members/${memberB.membershipId}`, headers });
    expect(del.statusCode).toBe(404);
    const row = await t.deps.db.selectFrom('membership').select(['roles', 'version']).where('id', '=', memberB.membershipId).executeTakeFirstOrThrow();
    expect(row).toEqual({ roles: ['trainer'], version: 1 });
    const list = await t.app.inject({ method: 'GET', url: '/api/members', headers });
    expect(list.json().members.map((m: { id: string }) => m.id)).toEqual([adminA.membershipId]);
  });
});
