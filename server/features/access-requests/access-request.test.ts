import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '#server/lib/crypto.ts';
import { runDueJobs } from '#server/features/jobs/jobs.worker.ts';
import { PURGE_JOB, purgeExpired } from '#server/features/jobs/purge.service.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { accessRequestsWaiting } from './access-request-admin.service.ts';
import { ACCESS_REQUEST_JOB, ACCESS_REQUEST_JOB_DELAY_MS, accessRequestJob } from './access-request.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://ph.example.org' });
});
afterAll(async () => t.close());
beforeEach(() => t.setNow(new Date('2031-03-02T09:00:00Z')));

const DAY = 24 * 60 * 60 * 1000;
let address = 0;
/** A fresh client address per call site, so the per-address limit of one test does not spill into another. */
const nextAddress = () => `10.1.${Math.floor(++address / 250)}.${address % 250}`;

function form(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Ana Test',
    email: `req-${randomUUID().slice(0, 8)}@example.test`,
    profession: 'nurse',
    institution: 'Spitalul de test',
    country: 'RO',
    organisationId: null,
    language: 'ro',
    ...overrides,
  };
}

function submit(payload: Record<string, unknown>, remoteAddress = nextAddress()) {
  return t.app.inject({ method: 'POST', url: '/api/access-requests', payload, remoteAddress });
}

async function runRequestJobs() {
  const back = t.deps.now();
  t.setNow(new Date(back.getTime() + ACCESS_REQUEST_JOB_DELAY_MS));
  try {
    return await runDueJobs(t.deps, { [ACCESS_REQUEST_JOB]: accessRequestJob });
  } finally {
    t.setNow(back);
  }
}

async function listedOrganisation() {
  const org = await createOrganisation(t.deps.db);
  await t.deps.db.insertInto('accessRequestListing').values({ organisationId: org.id }).execute();
  const admin = await createAccount(t.deps.db, { organisationId: org.id, roles: ['org_admin'], withTotp: true, language: 'nb' });
  return { org, admin: { ...admin, cookie: await signIn(t.app, { ...admin, now: t.deps.now() }) } };
}

async function requestInto(organisationId: string | null, overrides: Record<string, unknown> = {}) {
  const payload = form({ organisationId, ...overrides });
  expect((await submit(payload)).statusCode).toBe(202);
  await runRequestJobs();
  const row = await t.deps.db.selectFrom('accessRequest').select('id').where('emailHash', '=', sha256(payload.email.toLowerCase())).executeTakeFirstOrThrow();
  return { payload, id: row.id };
}

const outboxTo = (to: string) => t.deps.db.selectFrom('outboxEmail').select(['subject', 'bodyText', 'organisationId']).where('toAddress', '=', to).execute();
const list = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/access-requests', headers: { cookie } });
const approve = (cookie: string, id: string, payload: Record<string, unknown> = { roles: ['medical_professional'] }) =>
  t.app.inject({ method: 'POST', url: `/api/access-requests/${id}/approve`, headers: { cookie }, payload });
const decline = (cookie: string, id: string) => t.app.inject({ method: 'POST', url: `/api/access-requests/${id}/decline`, headers: { cookie }, payload: {} });

describe('asking for an account', () => {
  it('refuses bad input with field errors', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not an email' }, 'email'],
      [{ name: '' }, 'name'],
      [{ profession: 'astronaut' }, 'profession'],
      [{ profession: 'other' }, 'professionOther'],
      [{ country: 'Romania' }, 'country'],
      [{ organisationId: 'x' }, 'organisationId'],
      [{ language: 'de' }, 'language'],
      [{ institution: 'a\u202eb' }, 'institution'],
    ];
    for (const [overrides, field] of cases) {
      const res = await submit(form(overrides));
      expect(res.statusCode, field).toBe(400);
      expect(Object.keys(res.json().fields ?? {}), field).toContain(field);
    }
  });

  it('refuses an organisation that is not listed on the form', async () => {
    const hidden = await createOrganisation(t.deps.db);
    const res = await submit(form({ organisationId: hidden.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toHaveProperty('organisationId');
  });

  it('lists only organisations that chose to be listed, id and name only', async () => {
    const { org } = await listedOrganisation();
    const hidden = await createOrganisation(t.deps.db);
    const res = await t.app.inject({ method: 'GET', url: '/api/access-requests/organisations' });
    expect(res.statusCode).toBe(200);
    const organisations = res.json().organisations as { id: string }[];
    expect(organisations).toContainEqual({ id: org.id, name: org.name });
    expect(organisations.map((o) => o.id)).not.toContain(hidden.id);
  });

  it('stores the request sealed, tells the organisation admins neutrally, and audits ids only', async () => {
    const { org, admin } = await listedOrganisation();
    const { payload, id } = await requestInto(org.id);
    const row = await t.deps.db.selectFrom('accessRequest').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(payload.email);
    expect(JSON.stringify(row)).not.toContain('Ana Test');
    expect(row).toMatchObject({ status: 'pending', organisationId: org.id, profession: 'nurse', country: 'RO' });
    const [notice, ...more] = await outboxTo(admin.email);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ subject: 'Pro Health: en forespørsel venter', organisationId: org.id });
    expect(notice!.bodyText).toContain('https://ph.example.org/admin/access-requests');
    expect(notice!.bodyText).not.toContain(payload.email);
    expect(notice!.bodyText).not.toContain('Ana');
    const audit = await t.deps.db.selectFrom('auditEvent').select(['action', 'details', 'actorAccountId']).where('entityId', '=', id).execute();
    expect(audit).toEqual([{ action: 'access_request.received', details: {}, actorAccountId: null }]);
  });

  it('tells the platform admins of an "I don\'t know" request', async () => {
    const platform = await createAccount(t.deps.db, { isPlatformAdmin: true, withTotp: true });
    await requestInto(null);
    expect(await outboxTo(platform.email)).toHaveLength(1);
  });

  it('answers an address with an account exactly like a new one, stores nothing for it and emails it a way in', async () => {
    const existing = await createAccount(t.deps.db);
    const known = await submit(form({ email: existing.email.toUpperCase() }));
    const fresh = await submit(form());
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(fresh.body);
    const jobs = await t.deps.db.selectFrom('job').select('payload').where('kind', '=', ACCESS_REQUEST_JOB).where('status', '=', 'pending').execute();
    expect(JSON.stringify(jobs)).not.toContain(existing.email);
    const before = (await t.deps.db.selectFrom('accessRequest').select('id').execute()).length;
    await runRequestJobs();
    expect((await t.deps.db.selectFrom('accessRequest').select('id').execute()).length).toBe(before + 1);
    const [mail] = await outboxTo(existing.email);
    expect(mail?.subject).toBe('Pro Health: cererea dumneavoastră');
    expect(mail?.bodyText).toContain('https://ph.example.org/forgot-password');
  });

  it('does not duplicate a pending request for the same email and organisation', async () => {
    const { org } = await listedOrganisation();
    const payload = form({ organisationId: org.id });
    expect((await submit(payload)).statusCode).toBe(202);
    expect((await submit({ ...payload, email: payload.email.toUpperCase() })).statusCode).toBe(202);
    await runRequestJobs();
    const rows = await t.deps.db.selectFrom('accessRequest').select('id').where('organisationId', '=', org.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('counts requests per address before any work: of 8 parallel ones, 5 pass', async () => {
    const remote = nextAddress();
    const answers = await Promise.all(Array.from({ length: 8 }, () => submit(form(), remote)));
    expect(answers.filter((r) => r.statusCode === 202)).toHaveLength(5);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(3);
  });

  it('counts requests per email across addresses: 3 a day', async () => {
    const payload = form();
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit(payload)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([202, 202, 202, 429, 429]);
  });
});

describe('deciding a request', () => {
  it('approves: the ordinary invitation goes out in the admin\'s name, and the request leaves the list', async () => {
    const { org, admin } = await listedOrganisation();
    const { payload, id } = await requestInto(org.id);
    const listed = await list(admin.cookie);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().listed).toBe(true);
    expect(listed.json().requests).toEqual([expect.objectContaining({ id, name: 'Ana Test', email: payload.email, organisationName: org.name })]);
    const res = await approve(admin.cookie, id);
    expect(res.statusCode).toBe(200);
    const [mail] = await outboxTo(payload.email);
    expect(mail?.bodyText).toMatch(/\/invitation#token=[A-Za-z0-9_-]{43}/);
    expect(mail?.bodyText).toContain(org.name);
    const invitation = await t.deps.db.selectFrom('invitation').select(['id', 'roles']).where('email', '=', payload.email).executeTakeFirstOrThrow();
    expect(invitation).toEqual({ id: res.json().invitationId, roles: ['medical_professional'] });
    expect((await list(admin.cookie)).json().requests).toEqual([]);
    const audit = await t.deps.db.selectFrom('auditEvent').select(['action', 'details']).where('entityId', '=', id).orderBy('seq').execute();
    expect(audit.at(-1)).toEqual({ action: 'access_request.approved', details: { invitationId: invitation.id, roles: ['medical_professional'] } });
  });

  it('declines with a neutral email in the requester\'s language', async () => {
    const { org, admin } = await listedOrganisation();
    const { payload, id } = await requestInto(org.id, { language: 'en' });
    expect((await decline(admin.cookie, id)).statusCode).toBe(200);
    const [mail, ...more] = await outboxTo(payload.email);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ subject: 'Pro Health: your request' });
    expect(mail!.bodyText).toContain('could not approve');
    expect(mail!.bodyText).not.toContain(org.name);
    expect((await decline(admin.cookie, id)).statusCode).toBe(409);
  });

  it('lets exactly one of two parallel decisions win', async () => {
    const { org, admin } = await listedOrganisation();
    const { payload, id } = await requestInto(org.id);
    const answers = await Promise.all([approve(admin.cookie, id), decline(admin.cookie, id), approve(admin.cookie, id)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await outboxTo(payload.email)).toHaveLength(1);
  });

  it('hides another organisation\'s request (404) and refuses non-admins (403)', async () => {
    const { org } = await listedOrganisation();
    const other = await listedOrganisation();
    const { id } = await requestInto(org.id);
    expect((await approve(other.admin.cookie, id)).statusCode).toBe(404);
    expect((await decline(other.admin.cookie, id)).statusCode).toBe(404);
    expect((await list(other.admin.cookie)).json().requests).toEqual([]);
    const member = await createAccount(t.deps.db, { organisationId: org.id, roles: ['trainer'] });
    const cookie = await signIn(t.app, member);
    expect((await list(cookie)).statusCode).toBe(403);
    expect((await decline(cookie, id)).statusCode).toBe(403);
  });

  it('lets a platform admin place an "I don\'t know" request, and only them', async () => {
    const { org, admin } = await listedOrganisation();
    const { payload, id } = await requestInto(null);
    expect((await list(admin.cookie)).json().requests.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await approve(admin.cookie, id)).statusCode).toBe(404);
    const platform = await createAccount(t.deps.db, { isPlatformAdmin: true, withTotp: true });
    const cookie = await signIn(t.app, { ...platform, now: t.deps.now() });
    const missing = await approve(cookie, id, { roles: ['psychologist'] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toHaveProperty('organisationId');
    expect((await approve(cookie, id, { roles: ['psychologist'], organisationId: org.id })).statusCode).toBe(200);
    const invitation = await t.deps.db.selectFrom('invitation').select(['organisationId']).where('email', '=', payload.email).executeTakeFirstOrThrow();
    expect(invitation.organisationId).toBe(org.id);
  });

  it('counts what waits for each actor (the home inbox)', async () => {
    const { org, admin } = await listedOrganisation();
    await requestInto(org.id);
    await requestInto(org.id);
    const actor = { accountId: admin.id, sessionId: 's', email: admin.email, displayName: 'A', language: null, isPlatformAdmin: false, organisationId: org.id, roles: ['org_admin' as const], fullySignedIn: true, twoFactorEnabled: true, twoFactorRequired: true };
    expect(await accessRequestsWaiting(t.deps.db, actor)).toBe(2);
    expect(await accessRequestsWaiting(t.deps.db, { ...actor, roles: ['trainer'] })).toBe(0);
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/inbox', headers: { cookie: admin.cookie } })).json<{ items: unknown[] }>();
    expect(inbox.items).toContainEqual({ kind: 'access_requests', count: 2, href: '/admin/access-requests' });
  });

  it('lets an organisation admin list or unlist the organisation on the form', async () => {
    const { org, admin } = await listedOrganisation();
    const res = await t.app.inject({ method: 'PUT', url: '/api/access-requests/listing', headers: { cookie: admin.cookie }, payload: { listed: false } });
    expect(res.json()).toEqual({ listed: false });
    const organisations = (await t.app.inject({ method: 'GET', url: '/api/access-requests/organisations' })).json().organisations as { id: string }[];
    expect(organisations.map((o) => o.id)).not.toContain(org.id);
  });
});

describe('purge', () => {
  it('deletes pending requests after 30 days and decided ones 30 days after the decision', async () => {
    const { org, admin } = await listedOrganisation();
    const start = t.deps.now();
    const old = await requestInto(org.id);
    const decided = await requestInto(org.id);
    t.setNow(new Date(start.getTime() + 10 * DAY));
    expect((await decline(await signIn(t.app, { ...admin, now: t.deps.now() }), decided.id)).statusCode).toBe(200);
    const kept = await requestInto(org.id);
    const ids = async () => (await t.deps.db.selectFrom('accessRequest').select('id').where('organisationId', '=', org.id).execute()).map((r) => r.id).sort();
    t.setNow(new Date(start.getTime() + 31 * DAY));
    await t.deps.db.insertInto('job').values({ kind: PURGE_JOB, runAt: t.deps.now() }).execute();
    await runDueJobs(t.deps, { [PURGE_JOB]: purgeExpired });
    expect(await ids()).toEqual([decided.id, kept.id].sort());
    expect(old.id).not.toBe(kept.id);
    t.setNow(new Date(start.getTime() + 41 * DAY));
    await t.deps.db.insertInto('job').values({ kind: PURGE_JOB, runAt: t.deps.now() }).execute();
    await runDueJobs(t.deps, { [PURGE_JOB]: purgeExpired });
    expect(await ids()).toEqual([]);
  });
});
