// API tokens kept by org admins: created once-shown, stored only as SHA-256 (the secret is nowhere in the database),
// scoped to the admin's organisation, expiry bounded, revocation immediate, every change audited.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256 } from '#server/lib/crypto.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { insertApiToken, insertReferral, referralWorld, type ReferralWorld } from '../fhir/fhir.fixtures.ts';

let t: TestApp;
let world: ReferralWorld;
let admin: string;
let otherAdmin: string;
let coordinator: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  world = await referralWorld(t.deps.db);
  const adminAccount = await createAccount(t.deps.db, { organisationId: world.receiverId, roles: ['org_admin'], withTotp: true });
  admin = await signIn(t.app, adminAccount);
  const other = await createOrganisation(t.deps.db);
  otherAdmin = await signIn(t.app, await createAccount(t.deps.db, { organisationId: other.id, roles: ['org_admin'], withTotp: true }));
  coordinator = await signIn(t.app, await createAccount(t.deps.db, { organisationId: world.receiverId, roles: ['coordinator'], withTotp: true }));
});
afterAll(() => t?.close());

const create = (cookie: string, body: unknown) => t.app.inject({ method: 'POST', url: '/api/api-tokens', headers: { cookie }, payload: body as object });
const list = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/api-tokens', headers: { cookie } });
const revoke = (cookie: string, id: string) => t.app.inject({ method: 'POST', url: `/api/api-tokens/${id}/revoke`, headers: { cookie } });

/** Every text column of every table, searched for a value: where a secret could have leaked to. */
async function databaseContains(value: string): Promise<string[]> {
  const { rows } = await sql<{ tableName: string; columnName: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying')`.execute(t.deps.db);
  const hits: string[] = [];
  for (const r of rows) {
    const found = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(r.tableName)} where ${sql.ref(r.columnName)}::text like ${`%${value}%`}`.execute(t.deps.db);
    if (found.rows[0]!.n > 0) hits.push(`${r.tableName}.${r.columnName}`);
  }
  return hits;
}

describe('API tokens', () => {
  test('created once-shown: the secret is in the answer only, the database holds its SHA-256 and nothing else', async () => {
    const res = await create(admin, { name: 'Case system', scopes: ['referrals:read', 'referrals:write'], expiresOn: day(90) });
    expect(res.statusCode, res.body).toBe(201);
    const { token, secret } = res.json();
    expect(secret).toMatch(/^pht_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'Case system', state: 'active', lastUsedAt: null, revokedAt: null });
    expect(await databaseContains(secret.slice(4))).toEqual([]);
    const row = await t.deps.db.selectFrom('apiToken').select('tokenHash').where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(sha256(secret));
    const listed = (await list(admin)).json();
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed.tokens.map((x: { id: string }) => x.id)).toContain(token.id);
    const audit = await t.deps.db.selectFrom('auditEvent').select(['action', 'details']).where('entityId', '=', token.id).executeTakeFirstOrThrow();
    expect(audit.action).toBe('api_token.created');
    expect(JSON.stringify(audit.details)).not.toContain(secret);
  });

  test('the token works on /fhir, its use shows as last use, and revocation stops it at once', async () => {
    const { id: referralId } = await insertReferral(t.deps.db, world);
    const { token, secret } = (await create(admin, { name: 'Poller', scopes: ['referrals:read'], expiresOn: day(30) })).json();
    const read = () => t.app.inject({ method: 'GET', url: `/fhir/Task/${referralId}`, headers: { authorization: `Bearer ${secret}` } });
    expect((await read()).statusCode).toBe(200);
    const after = (await list(admin)).json().tokens.find((x: { id: string }) => x.id === token.id);
    expect(after.lastUsedAt).not.toBeNull();
    const revoked = await revoke(admin, token.id);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ state: 'revoked' });
    expect((await read()).statusCode).toBe(401);
    expect((await revoke(admin, token.id)).statusCode).toBe(200);
    const audits = await t.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', token.id).where('action', '=', 'api_token.revoked').execute();
    expect(audits).toHaveLength(1);
  });

  test('expiry: at most a year ahead, not in the past; listed as expired once past', async () => {
    for (const expiresOn of [day(-1), day(367)]) {
      const res = await create(admin, { name: 'Bad', scopes: ['referrals:read'], expiresOn });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields).toHaveProperty('expiresOn');
    }
    const expired = await insertApiToken(t.deps.db, world.receiverId, { expiresAt: new Date(Date.now() - 1000) });
    const listed = (await list(admin)).json().tokens.find((x: { id: string }) => x.id === expired.id);
    expect(listed.state).toBe('expired');
  });

  test.each([
    [{ name: 'x', scopes: ['referrals:read'] }],
    [{ name: 'Ok name', scopes: [] }],
    [{ name: 'Ok name', scopes: ['admin'] }],
    [{ name: 'Ok name', scopes: ['referrals:read', 'referrals:read'] }],
    [{ name: 'Ok name', scopes: ['referrals:read'], expiresOn: '2026-02-30' }],
  ])('bad input %j → 400', async (body) => {
    expect((await create(admin, { expiresOn: day(10), ...body })).statusCode).toBe(400);
  });

  test('another organisation’s admin neither sees nor revokes the token; other roles are refused', async () => {
    const { token } = (await create(admin, { name: 'Mine', scopes: ['referrals:read'], expiresOn: day(10) })).json();
    expect((await list(otherAdmin)).json().tokens.map((x: { id: string }) => x.id)).not.toContain(token.id);
    expect((await revoke(otherAdmin, token.id)).statusCode).toBe(404);
    expect((await list(coordinator)).statusCode).toBe(403);
    expect((await create(coordinator, { name: 'Nope', scopes: ['referrals:read'], expiresOn: day(10) })).statusCode).toBe(403);
  });
});
