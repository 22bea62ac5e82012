import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/auth/roles.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { queueEmail } from './email.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function signedIn(options: { organisationId?: string; roles?: Role[]; isPlatformAdmin?: boolean }): Promise<{ id: string; cookie: string }> {
  const account = await createAccount(t.deps.db, { ...options, withTotp: true });
  return { id: account.id, cookie: await signIn(t.app, account) };
}

async function email(organisationId: string | null, n: number): Promise<string> {
  return queueEmail(t.deps.db, { to: `person${n}@example.test`, subject: `Subject ${n}`, text: `Open https://ph.example/invite#token=t${n} to join.`, organisationId });
}

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe('outbox', () => {
  it("shows organisation admins their own organisation's emails only, newest first", async () => {
    const a = await createOrganisation(t.deps.db);
    const b = await createOrganisation(t.deps.db);
    const adminA = await signedIn({ organisationId: a.id, roles: ['org_admin'] });
    const first = await email(a.id, 1);
    const second = await email(a.id, 2);
    const ofB = await email(b.id, 3);
    await email(null, 4);

    const res = await get('/api/outbox', adminA.cookie);
    expect(res.statusCode).toBe(200);
    const { items, nextBefore } = res.json();
    expect(items.map((i: { id: string }) => i.id)).toEqual([second, first]);
    expect(items[0]).toMatchObject({ organisationId: a.id, toAddress: 'person2@example.test', subject: 'Subject 2', status: 'queued', attempts: 0, sentAt: null });
    expect(items[0]).not.toHaveProperty('bodyText');
    expect(nextBefore).toBeNull();

    expect((await get(`/api/outbox/${ofB}`, adminA.cookie)).statusCode).toBe(404);
    expect((await get(`/api/outbox?organisationId=${b.id}`, adminA.cookie)).statusCode).toBe(403);
  });

  it('refuses other roles (403) and signed-out callers (401)', async () => {
    const org = await createOrganisation(t.deps.db);
    const coordinator = await signedIn({ organisationId: org.id, roles: ['coordinator', 'case_manager'] });
    expect((await get('/api/outbox', coordinator.cookie)).statusCode).toBe(403);
    expect((await get(`/api/outbox/${await email(org.id, 5)}`, coordinator.cookie)).statusCode).toBe(403);
    expect((await get('/api/outbox')).statusCode).toBe(401);
  });

  it('shows platform admins every email, one organisation on request, in pages', async () => {
    const org = await createOrganisation(t.deps.db);
    const ids = [];
    for (let n = 10; n < 15; n++) ids.push(await email(org.id, n));
    const platform = await signedIn({ isPlatformAdmin: true });

    const all = (await get('/api/outbox?limit=100', platform.cookie)).json();
    expect(all.items.length).toBeGreaterThanOrEqual(9);
    expect(all.items.some((i: { organisationId: string | null }) => i.organisationId === null)).toBe(true);

    const seen: string[] = [];
    let url = `/api/outbox?organisationId=${org.id}&limit=2`;
    for (let page = 0; page < 3; page++) {
      const res = await get(url, platform.cookie);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      seen.push(...body.items.map((i: { id: string }) => i.id));
      expect(body.nextBefore === null).toBe(page === 2);
      url = `/api/outbox?organisationId=${org.id}&limit=2&before=${encodeURIComponent(body.nextBefore)}`;
    }
    // NOTE: newest first, ties (PGlite's clock can give two inserts the same time) broken by id, as the pages are cut.
    const newestFirst = await t.deps.db.selectFrom('outboxEmail').select('id').where('organisationId', '=', org.id).orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
    expect(newestFirst.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(seen).toEqual(newestFirst.map((r) => r.id));
    expect((await get('/api/outbox?limit=101', platform.cookie)).statusCode).toBe(400);
    expect((await get('/api/outbox?before=nonsense', platform.cookie)).statusCode).toBe(400);
  });

  it('opens one email with its body and links, and audits the opening', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await signedIn({ organisationId: org.id, roles: ['org_admin'] });
    const id = await email(org.id, 20);
    const res = await get(`/api/outbox/${id}`, admin.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, toAddress: 'person20@example.test', bodyText: 'Open https://ph.example/invite#token=t20 to join.', lastError: null });
    const audit = await t.deps.db.selectFrom('auditEvent').select(['action', 'actorAccountId', 'organisationId', 'details']).where('entityId', '=', id).execute();
    expect(audit).toEqual([{ action: 'email.viewed', actorAccountId: admin.id, organisationId: org.id, details: {} }]);
  });

  it('withholds the body when a mail server delivers emails: links are for the recipient only', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await signedIn({ organisationId: org.id, roles: ['org_admin'] });
    const id = await email(org.id, 21);
    t.setDelivers(true);
    try {
      expect((await get(`/api/outbox/${id}`, admin.cookie)).json()).toMatchObject({ id, subject: 'Subject 21', bodyText: null });
    } finally {
      t.setDelivers(false);
    }
  });
});
