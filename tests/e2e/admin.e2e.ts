// Journey (c): the demo organisation admin signs in (setting up two-step sign-in), invites a colleague from the
// members page, reads the invitation email in the outbox, finds the action in the audit trail; the colleague opens
// the emailed link in another browser and joins by creating an account.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ORGANISATIONS } from '#server/features/demo/demo-data.ts';
import { invitationEmail } from '#server/features/organisations/invitation-email.ts';
import { demoAccount, enrolTwoFactor, expectHeading, expectSignedInHome, openNav, pageLanguage, submitPassword } from './journeys.ts';
import { exactly, expectNoAxeViolations, launchBrowser, newJourney, text } from './support.ts';

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
    const subject = invitationEmail({ to: colleague, token: '', publicUrl: '', language: admin.language, organisationId: '' }).subject;
    const row = page.getByRole('row').filter({ hasText: colleague });
    await expectNoAxeViolations(page);
    await row.getByRole('link', { name: exactly(subject) }).click();

    await page.waitForURL(/\/admin\/outbox\/[0-9a-f-]{36}$/);
    await expectHeading(page, 'outbox', 'email.title');
    await page.getByRole('heading', { level: 2, name: exactly(text(lang, 'outbox', 'email.body')) }).waitFor();
    const link = page.getByRole('link', { name: /\/invitation#token=[A-Za-z0-9_-]{43}$/ });
    invitationLink = (await link.getAttribute('href')) ?? undefined;
    expect(invitationLink).toMatch(/\/invitation#token=[A-Za-z0-9_-]{43}$/);
    // The email is neutral: nothing names the organisation, the inviter or what the platform is about.
    const body = (await page.locator('.email-body').textContent()) ?? '';
    expect(body).not.toContain(admin.displayName);
    expect(body.toLowerCase()).not.toMatch(/traffick|trafic|menneskehandel/);
    await expectNoAxeViolations(page);
  });

  test('finds the invitation in the audit trail', async () => {
    await openNav(page, 'nav.audit');
    await page.waitForURL(/\/admin\/audit/);
    await expectHeading(page, 'audit', 'title');
    const lang = await pageLanguage(page);
    await expectNoAxeViolations(page);
    await page.getByLabel(text(lang, 'audit', 'filters.action.label'), { exact: true }).fill('invitation.created');
    await page.getByRole('button', { name: exactly(text(lang, 'audit', 'filters.apply')) }).click();
    const table = page.getByRole('table', { name: text(lang, 'audit', 'table.caption') });
    const entry = table.getByRole('row').filter({ hasText: 'invitation.created' }).filter({ hasText: admin.displayName });
    await entry.first().waitFor();
    await expectNoAxeViolations(page);
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
