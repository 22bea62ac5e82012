import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/auth/roles.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { INSPECT_LIMIT } from './invitation-accept.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://ph.example.org' });
});
afterAll(async () => t.close());

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'a long and unusual passphrase 42';

async function adminOf(organisationId: string, roles: Role[] = ['org_admin']) {
  const account = await createAccount(t.deps.db, { organisationId, roles, withTotp: true });
  return { ...account, cookie: await signIn(t.app, account) };
}

async function invite(cookie: string, email: string, roles: Role[] = ['case_manager']) {
  return t.app.inject({ method: 'POST', url: '/api/invitations', headers: { cookie }, payload: { email, roles } });
}

/** The token of the newest email sent to `to`, read from the link in its body. */
async function tokenSentTo(to: string): Promise<string> {
  const email = await t.deps.db.selectFrom('outboxEmail').select('bodyText').where('toAddress', '=', to).orderBy('createdAt', 'desc').executeTakeFirstOrThrow();
  return /#token=([A-Za-z0-9_-]{43})/.exec(email.bodyText)![1]!;
}

const inspect = (token: string) => t.app.inject({ method: 'POST', url: '/api/invitations/inspect', payload: { token } });
const accept = (payload: Record<string, unknown>, cookie?: string) =>
  t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload, headers: cookie ? { cookie } : {} });

function auditOf(entityId: string) {
  return t.deps.db.selectFrom('auditEvent').select(['action', 'actorAccountId', 'organisationId', 'details']).where('entityId', '=', entityId).orderBy('seq').execute();
}

describe('inviting', () => {
  it('creates an invitation, queues an email naming the organisation, inviter and roles with the link in the fragment, and audits without the address', async () => {
    const org = await createOrganisation(t.deps.db, { name: 'Centrul Confidențial' });
    const admin = await adminOf(org.id);
    const res = await invite(admin.cookie, 'new.colleague@example.test', ['case_manager', 'psychologist']);
    expect(res.statusCode).toBe(201);
    const invitation = res.json();
    expect(invitation).toMatchObject({ email: 'new.colleague@example.test', roles: ['case_manager', 'psychologist'], invitedByName: 'Test Person' });
    expect(new Date(invitation.expiresAt).getTime() - new Date(invitation.createdAt).getTime()).toBe(7 * DAY);

    const emails = await t.deps.db.selectFrom('outboxEmail').select(['subject', 'bodyText', 'organisationId']).where('toAddress', '=', 'new.colleague@example.test').execute();
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email!.subject).toBe('You have been invited to Pro Health');
    expect(email!.organisationId).toBe(org.id);
    const token = await tokenSentTo('new.colleague@example.test');
    expect(email!.bodyText).toContain(`https://ph.example.org/invitation#token=${token}`);
    expect(email!.subject).not.toContain(token);
    // Named in the body, so that the invitee can tell the email from phishing (issue 8); the subject stays neutral.
    expect(email!.bodyText).toContain('Test Person has invited you to join Centrul Confidențial on Pro Health.');
    expect(email!.bodyText).toContain('Roles: Case manager, Psychologist');
    for (const word of ['Centrul', 'Test Person', 'Case manager']) expect(email!.subject).not.toContain(word);
    for (const word of ['traffick', 'NGO', 'victim', 'case_manager', 'new.colleague']) {
      expect(`${email!.subject} ${email!.bodyText}`).not.toContain(word);
    }
    const row = await t.deps.db.selectFrom('invitation').select('tokenHash').where('id', '=', invitation.id).executeTakeFirstOrThrow();
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);

    const audit = await auditOf(invitation.id);
    expect(audit).toEqual([{ action: 'invitation.created', actorAccountId: admin.id, organisationId: org.id, details: { roles: ['case_manager', 'psychologist'] } }]);
    expect(JSON.stringify(audit)).not.toContain('new.colleague');
  });

  it("writes the email in the inviter's language with English below, and names the one who resends it", async () => {
    const org = await createOrganisation(t.deps.db, { name: 'Asociația Exemplu' });
    const account = await createAccount(t.deps.db, { organisationId: org.id, roles: ['org_admin'], withTotp: true, language: 'ro', displayName: 'Ioana Popescu' });
    const admin = { ...account, cookie: await signIn(t.app, account) };
    const invitation = (await invite(admin.cookie, 'ro.colleague@example.test', ['trainer'])).json();
    const sent = () => t.deps.db.selectFrom('outboxEmail').select(['subject', 'bodyText']).where('toAddress', '=', 'ro.colleague@example.test').orderBy('createdAt').execute();
    const [email] = await sent();
    if (!email) throw new Error('no email queued');
    expect(email.subject).toBe('Ați primit o invitație în Pro Health');
    expect(email.bodyText).toContain('Ioana Popescu v-a invitat să vă alăturați organizației Asociația Exemplu în Pro Health.\nRol: Formator');
    expect(email.bodyText).toContain('Ioana Popescu has invited you to join Asociația Exemplu on Pro Health.\nRole: Trainer');
    expect(email.bodyText.indexOf('Formator')).toBeLessThan(email.bodyText.indexOf('Trainer'));

    const other = await adminOf(org.id);
    await t.app.inject({ method: 'POST', url: `/api/invitations/${invitation.id}/resend`, headers: { cookie: other.cookie } });
    const resent = (await sent())[1]!;
    expect(resent.bodyText).toContain('Test Person has invited you to join Asociația Exemplu on Pro Health.\nRole: Trainer');
    expect(resent.bodyText).not.toContain('Ioana');
  });

  it('refuses an address that is already a member or already invited (409), and bad input (400)', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await adminOf(org.id);
    expect((await invite(admin.cookie, admin.email.toUpperCase())).statusCode).toBe(409);
    expect((await invite(admin.cookie, 'twice@example.test')).statusCode).toBe(201);
    const again = await invite(admin.cookie, 'Twice@example.test');
    expect(again.statusCode).toBe(409);
    expect(again.json().fields).toHaveProperty('email');
    const bad = await t.app.inject({ method: 'POST', url: '/api/invitations', headers: { cookie: admin.cookie }, payload: { email: 'nope', roles: [] } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['email', 'roles']);
  });

  it('lists open invitations of the own organisation only', async () => {
    const orgA = await createOrganisation(t.deps.db);
    const orgB = await createOrganisation(t.deps.db);
    const adminA = await adminOf(orgA.id);
    const adminB = await adminOf(orgB.id);
    await invite(adminA.cookie, 'listed@example.test');
    await invite(adminB.cookie, 'other-org@example.test');
    const res = await t.app.inject({ method: 'GET', url: '/api/invitations', headers: { cookie: adminA.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().invitations.map((i: { email: string }) => i.email)).toEqual(['listed@example.test']);
  });
});

describe('accepting with a new account', () => {
  it('inspect shows organisation and roles only; accept creates the account and membership, audited; the link is then used up', async () => {
    const org = await createOrganisation(t.deps.db, { name: 'Fundația Primire' });
    const admin = await adminOf(org.id);
    const invitation = (await invite(admin.cookie, 'joiner@example.test', ['social_worker'])).json();
    const token = await tokenSentTo('joiner@example.test');

    const preview = await inspect(token);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ organisationName: 'Fundația Primire', roles: ['social_worker'] });

    const res = await accept({ token, displayName: 'Jo Iner', password: PASSWORD, language: 'ro' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ organisationId: org.id, organisationName: 'Fundația Primire', outcome: 'created' });

    const account = await t.deps.db.selectFrom('account').select(['id', 'displayName', 'language', 'passwordHash']).where('email', '=', 'joiner@example.test').executeTakeFirstOrThrow();
    expect(account).toMatchObject({ displayName: 'Jo Iner', language: 'ro' });
    expect(account.passwordHash).toMatch(/^\$argon2id\$/);
    const membership = await t.deps.db.selectFrom('membership').select(['id', 'roles']).where('accountId', '=', account.id).executeTakeFirstOrThrow();
    expect(membership.roles).toEqual(['social_worker']);

    expect(await auditOf(invitation.id)).toEqual([
      expect.objectContaining({ action: 'invitation.created' }),
      { action: 'invitation.accepted', actorAccountId: account.id, organisationId: org.id, details: { roles: ['social_worker'], membershipId: membership.id, outcome: 'created' } },
    ]);
    expect(await auditOf(account.id)).toEqual([
      { action: 'account.created', actorAccountId: account.id, organisationId: org.id, details: { via: 'invitation', invitationId: invitation.id } },
    ]);

    await signIn(t.app, { email: 'joiner@example.test', password: PASSWORD });
    expect((await inspect(token)).statusCode).toBe(404);
    expect((await accept({ token, displayName: 'Again', password: PASSWORD })).statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/api/invitations', headers: { cookie: admin.cookie } });
    expect(list.json().invitations).toEqual([]);
  });

  it('refuses a weak password or a missing name with field errors, and leaves the invitation open', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await adminOf(org.id);
    await invite(admin.cookie, 'weak@example.test');
    const token = await tokenSentTo('weak@example.test');
    const weak = await accept({ token, displayName: 'Weak', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields).toHaveProperty('password');
    const noName = await accept({ token, password: PASSWORD });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().fields).toHaveProperty('displayName');
    expect((await inspect(token)).statusCode).toBe(200);
  });

  it('answers revoked and unknown tokens with 404', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await adminOf(org.id);
    const revokedInvitation = (await invite(admin.cookie, 'revoked@example.test')).json();
    const revoked = await tokenSentTo('revoked@example.test');
    const revoke = await t.app.inject({ method: 'POST', url: `/api/invitations/${revokedInvitation.id}/revoke`, headers: { cookie: admin.cookie } });
    expect(revoke.statusCode).toBe(204);
    expect((await auditOf(revokedInvitation.id)).map((a) => a.action)).toEqual(['invitation.created', 'invitation.revoked']);

    expect((await inspect(revoked)).statusCode).toBe(404);
    expect((await accept({ token: revoked, displayName: 'R', password: PASSWORD })).statusCode).toBe(404);
    expect((await inspect('A'.repeat(43))).statusCode).toBe(404);
    expect((await inspect('not-a-token')).statusCode).toBe(400);

  });

  it('refuses a new account for an address that already has one (409): sign in and join instead', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await adminOf(org.id);
    const existing = await createAccount(t.deps.db, { email: 'has-account@example.test' });
    await invite(admin.cookie, existing.email);
    const res = await accept({ token: await tokenSentTo(existing.email), displayName: 'Dup', password: PASSWORD });
    expect(res.statusCode).toBe(409);
  });
});

describe('accepting with a signed-in account', () => {
  it('adds the membership to the signed-in account with the invited address', async () => {
    const orgA = await createOrganisation(t.deps.db);
    const orgB = await createOrganisation(t.deps.db, { name: 'Second home' });
    const adminB = await adminOf(orgB.id);
    const person = await createAccount(t.deps.db, { organisationId: orgA.id, roles: ['trainer'], email: 'Two.Orgs@example.test' });
    const cookie = await signIn(t.app, person);
    const invitation = (await invite(adminB.cookie, 'two.orgs@example.test', ['trainer', 'donor_viewer'])).json();
    const res = await accept({ token: await tokenSentTo('two.orgs@example.test') }, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ organisationId: orgB.id, organisationName: 'Second home', outcome: 'joined' });
    const memberships = await t.deps.db.selectFrom('membership').select(['organisationId', 'roles']).where('accountId', '=', person.id).execute();
    expect(memberships).toHaveLength(2);
    expect(memberships).toEqual(expect.arrayContaining([
      { organisationId: orgA.id, roles: ['trainer'] },
      { organisationId: orgB.id, roles: ['trainer', 'donor_viewer'] },
    ]));
    expect((await auditOf(invitation.id)).at(-1)).toMatchObject({ action: 'invitation.accepted', actorAccountId: person.id, organisationId: orgB.id });
  });

  it('refuses a signed-in account with another address (403)', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await adminOf(org.id);
    const someoneElse = await createAccount(t.deps.db, {});
    const cookie = await signIn(t.app, someoneElse);
    await invite(admin.cookie, 'intended@example.test');
    const token = await tokenSentTo('intended@example.test');
    expect((await accept({ token }, cookie)).statusCode).toBe(403);
    expect((await inspect(token)).statusCode).toBe(200);
  });
});

describe('resending and revoking', () => {
  it('resend issues a new link and stops the old one', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await adminOf(org.id);
    const invitation = (await invite(admin.cookie, 'resend@example.test')).json();
    const first = await tokenSentTo('resend@example.test');
    const res = await t.app.inject({ method: 'POST', url: `/api/invitations/${invitation.id}/resend`, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    const second = await tokenSentTo('resend@example.test');
    expect(second).not.toBe(first);
    expect((await inspect(first)).statusCode).toBe(404);
    expect((await inspect(second)).statusCode).toBe(200);
    expect((await auditOf(invitation.id)).map((a) => a.action)).toEqual(['invitation.created', 'invitation.resent']);
  });

  it("answers another organisation's invitation ids with 404", async () => {
    const orgA = await createOrganisation(t.deps.db);
    const orgB = await createOrganisation(t.deps.db);
    const adminA = await adminOf(orgA.id);
    const adminB = await adminOf(orgB.id);
    const invitation = (await invite(adminB.cookie, 'b-only@example.test')).json();
    for (const action of ['revoke', 'resend']) {
      const res = await t.app.inject({ method: 'POST', url: `/api/invitations/${invitation.id}/${action}`, headers: { cookie: adminA.cookie } });
      expect(res.statusCode).toBe(404);
    }
    expect((await inspect(await tokenSentTo('b-only@example.test'))).statusCode).toBe(200);
  });

  it('refuses non-admin roles (403)', async () => {
    const org = await createOrganisation(t.deps.db);
    const coordinator = await adminOf(org.id, ['coordinator', 'case_manager']);
    expect((await invite(coordinator.cookie, 'x@example.test')).statusCode).toBe(403);
  });
});

// NOTE: last in the file, because it moves the test clock.
describe('expiry and rate limits', () => {
  it('answers a token older than seven days with 404', async () => {
    const org = await createOrganisation(t.deps.db);
    const admin = await adminOf(org.id);
    await invite(admin.cookie, 'late@example.test');
    const late = await tokenSentTo('late@example.test');
    t.setNow(new Date(Date.now() + 7 * DAY - 60_000));
    expect((await inspect(late)).statusCode).toBe(200);
    t.setNow(new Date(Date.now() + 7 * DAY + 60_000));
    expect((await inspect(late)).statusCode).toBe(404);
    expect((await accept({ token: late, displayName: 'Late', password: PASSWORD })).statusCode).toBe(404);
  });

  it('limits inspections and acceptances per address (429 after the limit, counted together)', async () => {
    t.setNow(new Date(Date.now() + 30 * DAY));
    const token = 'B'.repeat(43);
    for (let i = 0; i < INSPECT_LIMIT - 1; i++) expect((await inspect(token)).statusCode).toBe(404);
    expect((await accept({ token, displayName: 'X', password: PASSWORD })).statusCode).toBe(404);
    const over = await inspect(token);
    expect(over.statusCode).toBe(429);
    expect(over.headers['retry-after']).toBe('60');
  });
});
