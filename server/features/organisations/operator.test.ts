// The services behind the create-organisation and create-user commands (the commands only add argv and stdin).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '#server/features/auth/password.ts';
import { createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { createOrganisationByOperator, createUserByOperator, operatorCtx } from './operator.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const PASSWORD = 'operator chosen passphrase 7';
const ctx = () => operatorCtx({ db: t.deps.db, config: t.deps.config, now: t.deps.now });

function auditOf(entityId: string) {
  return t.deps.db.selectFrom('auditEvent').select(['action', 'actorAccountId', 'organisationId', 'details']).where('entityId', '=', entityId).orderBy('seq').execute();
}

describe('create-organisation', () => {
  it('creates the organisation, audited with no actor and via cli', async () => {
    const org = await createOrganisationByOperator(ctx(), { name: 'Operator Org', type: 'LegalService', country: 'RO', city: 'Brașov' });
    expect(org).toMatchObject({ name: 'Operator Org', type: 'LegalService', country: 'RO', city: 'Brașov', email: null, version: 1 });
    expect(await auditOf(org.id)).toEqual([
      { action: 'organisation.created', actorAccountId: null, organisationId: org.id, details: { type: 'LegalService', country: 'RO', via: 'cli' } },
    ]);
  });
});

describe('create-user', () => {
  it('creates an account with a membership in the organisation named exactly, both audited via cli', async () => {
    const org = await createOrganisation(t.deps.db, { name: 'Exact Name Org' });
    const created = await createUserByOperator(
      ctx(),
      { email: 'cli.user@example.test', displayName: 'Cli User', organisation: 'Exact Name Org', roles: ['org_admin', 'coordinator'], language: 'ro' },
      PASSWORD,
    );
    const account = await t.deps.db
      .selectFrom('account')
      .select(['email', 'displayName', 'language', 'isPlatformAdmin', 'passwordHash', 'totpSecret'])
      .where('id', '=', created.accountId)
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({ email: 'cli.user@example.test', displayName: 'Cli User', language: 'ro', isPlatformAdmin: false, totpSecret: null });
    expect(await verifyPassword(account.passwordHash!, PASSWORD)).toBe(true);
    const membership = await t.deps.db.selectFrom('membership').select(['organisationId', 'roles']).where('id', '=', created.membershipId!).executeTakeFirstOrThrow();
    expect(membership).toEqual({ organisationId: org.id, roles: ['org_admin', 'coordinator'] });
    expect(await auditOf(created.accountId)).toEqual([
      { action: 'account.created', actorAccountId: null, organisationId: org.id, details: { via: 'cli', isPlatformAdmin: false } },
    ]);
    expect(await auditOf(created.membershipId!)).toEqual([
      { action: 'membership.created', actorAccountId: null, organisationId: org.id, details: { via: 'cli', accountId: created.accountId, roles: ['org_admin', 'coordinator'] } },
    ]);
  });

  it('finds the organisation by id and creates a platform admin without one', async () => {
    const org = await createOrganisation(t.deps.db);
    const byId = await createUserByOperator(ctx(), { email: 'by-id@example.test', displayName: 'By Id', organisation: org.id, roles: ['trainer'] }, PASSWORD);
    expect(byId.membershipId).not.toBeNull();
    const admin = await createUserByOperator(ctx(), { email: 'root@example.test', displayName: 'Root', roles: [], isPlatformAdmin: true }, PASSWORD);
    expect(admin.membershipId).toBeNull();
    const row = await t.deps.db.selectFrom('account').select('isPlatformAdmin').where('id', '=', admin.accountId).executeTakeFirstOrThrow();
    expect(row.isPlatformAdmin).toBe(true);
  });

  it('refuses a password the policy rejects, and creates nothing', async () => {
    const org = await createOrganisation(t.deps.db);
    const input = { email: 'weak-cli@example.test', displayName: 'Weak', organisation: org.id, roles: ['trainer'] };
    await expect(createUserByOperator(ctx(), input, 'short')).rejects.toMatchObject({ code: 'invalid', fields: { password: expect.any(String) } });
    await expect(createUserByOperator(ctx(), input, 'password123456')).rejects.toMatchObject({ code: 'invalid', fields: { password: expect.any(String) } });
    const account = await t.deps.db.selectFrom('account').select('id').where('email', '=', 'weak-cli@example.test').executeTakeFirst();
    expect(account).toBeUndefined();
  });

  it('refuses unknown roles, a missing or ambiguous organisation, and a taken email', async () => {
    const org = await createOrganisation(t.deps.db, { name: 'Twin' });
    await createOrganisation(t.deps.db, { name: 'Twin' });
    const base = { email: 'refused@example.test', displayName: 'Refused' };
    await expect(createUserByOperator(ctx(), { ...base, organisation: org.id, roles: ['wizard'] }, PASSWORD)).rejects.toMatchObject({ code: 'invalid' });
    await expect(createUserByOperator(ctx(), { ...base, roles: ['trainer'] }, PASSWORD)).rejects.toMatchObject({ code: 'invalid', fields: { organisation: expect.any(String) } });
    await expect(createUserByOperator(ctx(), { ...base, organisation: 'Twin', roles: ['trainer'] }, PASSWORD)).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('use the id'),
    });
    await expect(createUserByOperator(ctx(), { ...base, organisation: 'Nobody', roles: ['trainer'] }, PASSWORD)).rejects.toMatchObject({ code: 'not_found' });
    await createUserByOperator(ctx(), { ...base, organisation: org.id, roles: ['trainer'] }, PASSWORD);
    await expect(createUserByOperator(ctx(), { ...base, email: 'REFUSED@example.test', organisation: org.id, roles: ['trainer'] }, PASSWORD)).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
