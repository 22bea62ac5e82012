import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Role } from '#shared/auth/roles.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { recordAudit, systemCtx } from './audit.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function signedIn(options: { organisationId?: string; roles?: Role[]; isPlatformAdmin?: boolean; displayName?: string }) {
  const account = await createAccount(t.deps.db, { ...options, withTotp: true });
  return { id: account.id, cookie: await signIn(t.app, account) };
}

/** Records an entry at a given time, in an entity type of the test's own so other entries never interfere. */
async function entry(e: { organisationId: string | null; action: string; entityType: string; entityId?: string; actorAccountId?: string | null; at?: Date; details?: Record<string, unknown> }) {
  await t.deps.db.transaction().execute((trx) =>
    recordAudit({ ...systemCtx(trx, t.deps.config, t.app.log, e.at ?? new Date()), ip: '203.0.113.9' }, trx, {
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      organisationId: e.organisationId,
      actorAccountId: e.actorAccountId ?? null,
      details: e.details ?? {},
    }),
  );
}

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const actions = (body: { items: { action: string }[] }) => body.items.map((i) => i.action);

describe('audit list', () => {
  it("shows organisation admins their own organisation's entries only, with who, what and where", async () => {
    const a = await createOrganisation(t.deps.db, { name: 'Org A' });
    const b = await createOrganisation(t.deps.db);
    const admin = await signedIn({ organisationId: a.id, roles: ['org_admin'], displayName: 'Ana Admin' });
    const type = `thing_${randomUUID().slice(0, 6)}`;
    await entry({ organisationId: a.id, action: 'thing.created', entityType: type, entityId: 'e1', actorAccountId: admin.id, details: { field: 'name' } });
    await entry({ organisationId: b.id, action: 'thing.created', entityType: type, entityId: 'e2' });
    await entry({ organisationId: null, action: 'thing.created', entityType: type, entityId: 'e3' });

    const res = await get(`/api/audit?entityType=${type}`, admin.cookie);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      actorAccountId: admin.id,
      actorName: 'Ana Admin',
      organisationId: a.id,
      organisationName: 'Org A',
      action: 'thing.created',
      entityType: type,
      entityId: 'e1',
      ip: '203.0.113.9',
      details: { field: 'name' },
    });
    expect(typeof body.items[0].seq).toBe('number');
    expect(body.nextBefore).toBeNull();
    const everything = (await get('/api/audit?limit=100', admin.cookie)).json();
    expect(everything.items.every((i: { organisationId: string }) => i.organisationId === a.id)).toBe(true);
    expect((await get(`/api/audit?organisationId=${b.id}`, admin.cookie)).statusCode).toBe(403);
  });

  it('refuses other roles (403) and signed-out callers (401)', async () => {
    const org = await createOrganisation(t.deps.db);
    const roles: Role[] = ['coordinator', 'case_manager', 'medical_professional', 'trainer', 'donor_viewer'];
    const someone = await signedIn({ organisationId: org.id, roles });
    for (const url of ['/api/audit', '/api/audit/export.csv', '/api/audit/verify']) {
      expect((await get(url, someone.cookie)).statusCode).toBe(403);
      expect((await get(url)).statusCode).toBe(401);
    }
  });

  it('filters by action (exact or prefix), entity, actor and date range', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await signedIn({ organisationId: org.id, roles: ['org_admin'] });
    const other = await createAccount(t.deps.db, { organisationId: org.id, roles: ['trainer'] });
    const type = `doc_${randomUUID().slice(0, 6)}`;
    const day = (d: number) => new Date(Date.UTC(2030, 0, d, 12));
    await entry({ organisationId: org.id, action: 'doc.created', entityType: type, entityId: 'd1', actorAccountId: admin.id, at: day(1) });
    await entry({ organisationId: org.id, action: 'doc.updated', entityType: type, entityId: 'd1', actorAccountId: other.id, at: day(2) });
    await entry({ organisationId: org.id, action: 'doc_x.created', entityType: type, entityId: 'd2', actorAccountId: other.id, at: day(3) });
    await entry({ organisationId: org.id, action: 'doc', entityType: type, entityId: 'd3', at: day(4) });
    const list = async (q: string) => actions((await get(`/api/audit?entityType=${type}&${q}`, admin.cookie)).json());

    expect(await list('')).toEqual(['doc', 'doc_x.created', 'doc.updated', 'doc.created']);
    expect(await list('action=doc')).toEqual(['doc', 'doc.updated', 'doc.created']);
    expect(await list('action=doc.updated')).toEqual(['doc.updated']);
    expect(await list('entityId=d1')).toEqual(['doc.updated', 'doc.created']);
    expect(await list(`actorAccountId=${other.id}`)).toEqual(['doc_x.created', 'doc.updated']);
    expect(await list('from=2030-01-02&to=2030-01-03')).toEqual(['doc_x.created', 'doc.updated']);
    expect(await list(`from=${encodeURIComponent('2030-01-02T12:00:00.001Z')}`)).toEqual(['doc', 'doc_x.created']);
    expect(await list(`to=${encodeURIComponent('2030-01-02T12:00:00Z')}`)).toEqual(['doc.updated', 'doc.created']);
    const bad = await get(`/api/audit?action=${encodeURIComponent('doc%')}&from=yesterday&actorAccountId=x&limit=0`, admin.cookie);
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['action', 'actorAccountId', 'from', 'limit']);
  });

  it('pages by seq, newest first, with a before cursor', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await signedIn({ organisationId: org.id, roles: ['org_admin'] });
    const type = `page_${randomUUID().slice(0, 6)}`;
    for (let i = 1; i <= 5; i++) await entry({ organisationId: org.id, action: `page.n${i}`, entityType: type });
    const first = (await get(`/api/audit?entityType=${type}&limit=2`, admin.cookie)).json();
    expect(actions(first)).toEqual(['page.n5', 'page.n4']);
    expect(first.nextBefore).toBe(first.items[1].seq);
    const second = (await get(`/api/audit?entityType=${type}&limit=2&before=${first.nextBefore}`, admin.cookie)).json();
    expect(actions(second)).toEqual(['page.n3', 'page.n2']);
    const third = (await get(`/api/audit?entityType=${type}&limit=2&before=${second.nextBefore}`, admin.cookie)).json();
    expect(third).toMatchObject({ nextBefore: null });
    expect(actions(third)).toEqual(['page.n1']);
    expect((await get('/api/audit?limit=101', admin.cookie)).statusCode).toBe(400);
  });

  it('lets platform admins read every organisation, or one, and verify the chain', async () => {
    const a = await createOrganisation(t.deps.db);
    const b = await createOrganisation(t.deps.db);
    const platform = await signedIn({ isPlatformAdmin: true });
    const type = `multi_${randomUUID().slice(0, 6)}`;
    await entry({ organisationId: a.id, action: 'multi.a', entityType: type });
    await entry({ organisationId: b.id, action: 'multi.b', entityType: type });
    expect(actions((await get(`/api/audit?entityType=${type}`, platform.cookie)).json())).toEqual(['multi.b', 'multi.a']);
    expect(actions((await get(`/api/audit?entityType=${type}&organisationId=${a.id}`, platform.cookie)).json())).toEqual(['multi.a']);

    const verify = await get('/api/audit/verify', platform.cookie);
    expect(verify.statusCode).toBe(200);
    const head = await t.deps.db.selectFrom('auditHead').select('lastSeq').executeTakeFirstOrThrow();
    expect(verify.json()).toEqual({ ok: true, checked: Number(head.lastSeq) });
    const orgAdmin = await signedIn({ organisationId: a.id, roles: ['org_admin'] });
    expect((await get('/api/audit/verify', orgAdmin.cookie)).statusCode).toBe(403);
  });
});

describe('audit CSV export', () => {
  it('exports the filtered entries as CSV and records the export', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await signedIn({ organisationId: org.id, roles: ['org_admin'], displayName: 'Eva, "Exporter"' });
    const type = `csv_${randomUUID().slice(0, 6)}`;
    await entry({ organisationId: org.id, action: 'csv.first', entityType: type, entityId: '=cmd|calc', actorAccountId: admin.id, at: new Date('2030-02-01T10:00:00Z'), details: { a: 1 } });
    await entry({ organisationId: org.id, action: 'csv.second', entityType: type, entityId: 'x2' });

    const res = await get(`/api/audit/export.csv?entityType=${type}&action=csv.first`, admin.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{4}-\d\d-\d\d\.csv"$/);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('seq,time,actor_account_id,actor_name,organisation_id,organisation_name,action,entity_type,entity_id,ip,details');
    expect(lines[1]).toMatch(new RegExp(`^\\d+,2030-02-01T10:00:00.000Z,${admin.id},"Eva, ""Exporter""",${org.id},Org [^,]+,csv.first,${type},'=cmd\\|calc,203.0.113.9,"{""a"":1}"$`));
    expect(lines.slice(2)).toEqual(['']);

    const audit = await t.deps.db
      .selectFrom('auditEvent')
      .select(['actorAccountId', 'organisationId', 'entityType', 'details'])
      .where('action', '=', 'audit.exported')
      .where('actorAccountId', '=', admin.id)
      .execute();
    expect(audit).toEqual([
      { actorAccountId: admin.id, organisationId: org.id, entityType: 'audit_event', details: { rows: 1, truncated: false, filters: { entityType: type, action: 'csv.first' } } },
    ]);
  });
});
