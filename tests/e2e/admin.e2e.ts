// Journey (c): the demo organisation admin signs in (setting up two-step sign-in), invites a colleague from the
// members page, reads the invitation email in the outbox, finds the action in the audit trail; the colleague opens
// the emailed link in another browser and joins by creating an account.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ORGANISATIONS } from '#server/features/demo/demo-data.ts';
import { invitationEmail } from '#server/features/organisations/invitation-email.ts';
import { demoAccount, enrolTwoFactor, expectHeading, expectSignedInHome, openNav, pageLanguage, submitPassword } from './journeys.ts';
import { baseUrl, exactly, expectNoAxeViolations, launchBrowser, newJourney, text } from './support.ts';

const admin = demoAccount('org_admin');
const colleague = `colleague-${Date.now()}@example.org`;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let invitationLink: string | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await newJourney(browser, { locale: 'en-GB' }));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('the demo organisation admin', () => {
  test('signs in and sets up two-step sign-in', async () => {
    await page.goto('/sign-in');
    await submitPassword(page, admin.email);
    await enrolTwoFactor(page);
    await expectSignedInHome(page, admin.displayName);
  });

  test('invites a colleague from the members page', async () => {
    await openNav(page, 'nav.members');
    await page.waitForURL(/\/admin\/members$/);
    await expectHeading(page, 'organisations', 'members.title');
    const lang = await pageLanguage(page);
    const t = (key: string) => text(lang, 'organisations', key);
    await page.getByRole('cell', { name: admin.email }).or(page.getByRole('rowheader', { name: admin.email })).first().waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel(t('invite.email'), { exact: true }).fill(colleague);
    await page.getByRole('group', { name: t('invite.roles') }).getByLabel(t('roles.trainer'), { exact: true }).check();
    await page.getByRole('button', { name: exactly(t('invite.submit')) }).click();
    await page.getByText(t('invite.sent'), { exact: true }).waitFor();
    const invitations = page.getByRole('region', { name: t('invitations.heading') });
    await invitations.getByRole('rowheader', { name: colleague }).waitFor();
    await expectNoAxeViolations(page);
  });

  test('reads the invitation email in the outbox', async () => {
    await openNav(page, 'nav.outbox');
    await page.waitForURL(/\/admin\/outbox$/);
    await expectHeading(page, 'outbox', 'title');
    const lang = await pageLanguage(page);
    const organisation = DEMO_ORGANISATIONS[admin.organisation!].name;
    const email = invitationEmail({ to: colleague, token: '', publicUrl: '', language: admin.language, organisationId: '', organisationName: organisation, inviterName: admin.displayName, roles: ['trainer'] });
    const subject = email.subject;
    const row = page.getByRole('row').filter({ hasText: colleague });
    // Without a mail server the emails here are not sent: neither the title nor the menu may call them sent (issue 8).
    const unsent = [text(lang, 'outbox', 'status.queued'), text(lang, 'outbox', 'status.not_sent')];
    await expect.poll(async () => unsent.includes(((await row.getByRole('cell').last().textContent()) ?? '').trim())).toBe(true);
    const nav = page.getByRole('navigation', { name: text(lang, 'common', 'nav.label') });
    for (const label of [await page.getByRole('heading', { level: 1 }).textContent(), await nav.getByRole('link', { name: exactly(text(lang, 'common', 'nav.outbox')) }).textContent()]) {
      expect(label).not.toMatch(/\bsent\b|trimis|\bsendt/i);
    }
    await expectNoAxeViolations(page);
    await row.getByRole('link', { name: exactly(subject) }).click();

    await page.waitForURL(/\/admin\/outbox\/[0-9a-f-]{36}$/);
    await expectHeading(page, 'outbox', 'email.title');
    await page.getByRole('heading', { level: 2, name: exactly(text(lang, 'outbox', 'email.body')) }).waitFor();
    // NOTE: the body is in the inviter's language with English below, so the link appears twice.
    const link = page.getByRole('link', { name: /\/invitation#token=[A-Za-z0-9_-]{43}$/ }).first();
    invitationLink = (await link.getAttribute('href')) ?? undefined;
    expect(invitationLink).toMatch(/\/invitation#token=[A-Za-z0-9_-]{43}$/);
    // The email names the organisation, the inviter and the role (issue 8: an unnamed invitation reads as phishing),
    // and nothing about what the platform is about.
    const body = (await page.locator('.email-body').textContent()) ?? '';
    expect(body).toContain(email.text.split('\n')[2]);
    expect(body).toContain(admin.displayName);
    expect(body).toContain(organisation);
    expect(`${subject} ${body}`.toLowerCase()).not.toMatch(/traffick|trafic|menneskehandel/);
    expect(subject).not.toContain(organisation);
    await expectNoAxeViolations(page);
  });

  test('finds the invitation in the audit trail', async () => {
    await openNav(page, 'nav.audit');
    await page.waitForURL(/\/admin\/audit/);
    await expectHeading(page, 'audit', 'title');
    const lang = await pageLanguage(page);
    await expectNoAxeViolations(page);
    // The pickers: the action by its translated name, the person by name.
    const invited = text(lang, 'audit', 'actionNames.invitation__created');
    await page.getByLabel(text(lang, 'audit', 'filters.action.label'), { exact: true }).selectOption({ label: invited });
    await page.getByLabel(text(lang, 'audit', 'filters.person.label'), { exact: true }).selectOption({ label: admin.displayName });
    await page.getByRole('button', { name: exactly(text(lang, 'audit', 'filters.apply')) }).click();
    await page.waitForURL(/action=invitation\.created/);
    const table = page.getByRole('table', { name: text(lang, 'audit', 'table.caption') });
    const entry = table.getByRole('row').filter({ hasText: invited }).filter({ hasText: admin.displayName }).first();
    await entry.waitFor();
    // The raw code shows only once the entry's "Technical details" are opened.
    expect(await table.innerText()).not.toContain('invitation.created');
    await entry.getByText(text(lang, 'audit', 'table.technicalDetails'), { exact: true }).click();
    await entry.getByText('invitation.created', { exact: true }).waitFor();
    await expectNoAxeViolations(page);
  });

  test('creates an API token for its own system, sees it once, uses it on /fhir and revokes it', async () => {
    await openNav(page, 'nav.apiTokens');
    await page.waitForURL(/\/admin\/api-tokens$/);
    await expectHeading(page, 'api-tokens', 'title');
    const lang = await pageLanguage(page);
    const t = (key: string) => text(lang, 'api-tokens', key);
    await expectNoAxeViolations(page);
    await page.getByLabel(t('form.name'), { exact: true }).fill('Case system');
    await page.getByRole('group', { name: t('form.scopes') }).getByLabel(t('scopes.referrals_write'), { exact: true }).check();
    await page.getByRole('button', { name: exactly(t('form.create')) }).click();
    const secretBox = page.getByLabel(t('created.label'), { exact: true });
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^pht_[A-Za-z0-9_-]{43}$/);
    await expectNoAxeViolations(page);
    const search = await fetch(`${baseUrl()}/fhir/Task?_count=5`, { headers: { authorization: `Bearer ${secret}` } });
    expect(search.status).toBe(200);
    expect(search.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    await page.getByRole('button', { name: exactly(t('created.done')) }).click();
    // Shown once: gone from the page, and a reload does not bring it back.
    await page.reload();
    await expectHeading(page, 'api-tokens', 'title');
    expect(await page.content()).not.toContain(secret);
    const row = page.getByRole('row').filter({ hasText: 'Case system' });
    await row.getByRole('button', { name: `${t('list.revoke')}: Case system` }).click();
    await page.getByRole('button', { name: exactly(t('list.revokeNow')) }).click();
    await page.getByText(t('list.revoked').replace('{{name}}', 'Case system'), { exact: true }).waitFor();
    await expectNoAxeViolations(page);
    expect((await fetch(`${baseUrl()}/fhir/Task`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
  });

  test('the colleague opens the link in another browser and joins with a new account', async () => {
    expect(invitationLink, 'the outbox journey found the link').toBeDefined();
    const other = await newJourney(browser, { locale: 'en-GB' });
    try {
      const invitee = other.page;
      await invitee.goto(new URL(invitationLink!).pathname + new URL(invitationLink!).hash);
      await expectHeading(invitee, 'organisations', 'accept.title');
      // The token is taken out of the address bar at once.
      await expect.poll(() => new URL(invitee.url()).hash).toBe('');
      const t = (key: string) => text('en', 'organisations', key);
      await invitee.getByRole('heading', { level: 2, name: exactly(t('accept.newHeading')) }).waitFor();
      await expectNoAxeViolations(invitee);
      await invitee.getByLabel(t('accept.name'), { exact: true }).fill('Maria Colleague');
      await invitee.getByLabel(t('accept.password'), { exact: true }).fill('Blue-Harbour-Lantern-42');
      await invitee.getByRole('button', { name: exactly(t('accept.create')) }).click();
      const organisation = DEMO_ORGANISATIONS[admin.organisation!].name;
      await invitee.getByText(t('accept.created').replace('{{organisation}}', organisation), { exact: true }).waitFor();
      await expectNoAxeViolations(invitee);
    } finally {
      await other.context.close();
    }
  });
});
