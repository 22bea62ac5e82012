// Journey: a nurse without an account finds "Request access" on the sign-in page and asks to join a demo organisation;
// that organisation's admin signs in, finds the request in their home inbox and on the account requests, approves
// with the suggested role, and the ordinary invitation email waits in the outbox.
// NOTE: the admin here is the Norwegian foundation's (the demo trainer, who also administers it, in Bokmål):
// admin.e2e.ts and coordinator.e2e.ts set up the other admins' two-step sign-in on the same server.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ORGANISATIONS } from '#server/features/demo/demo-data.ts';
import { invitationEmail } from '#server/features/organisations/invitation-email.ts';
import { demoAccount, enrolTwoFactor, expectHeading, expectSignedInHome, openNav, submitPassword } from './journeys.ts';
import { exactly, expectNoAxeViolations, expectNoRawKeys, launchBrowser, newJourney, text } from './support.ts';

const admin = demoAccount('trainer');
const organisation = DEMO_ORGANISATIONS.fyrlykta.name;
const requester = { name: `Ana Requester ${Date.now()}`, email: `ana-${Date.now()}@example.org` };
const t = (key: string) => text('en', 'access', key);
/** The admin reads the platform in their own language. */
const nb = (key: string) => text('nb', 'access', key);
let browser: Browser;
const contexts: BrowserContext[] = [];

async function journey(): Promise<Page> {
  const { context, page } = await newJourney(browser, { locale: 'en-GB' });
  contexts.push(context);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('requesting access', () => {
  test('a professional asks for an account from the sign-in page', async () => {
    const page = await journey();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: exactly(t('signInLink')) }).click();
    await page.waitForURL(/\/request-access$/);
    await expectHeading(page, 'access', 'page.title');
    await expectNoRawKeys(page);
    await expectNoAxeViolations(page);

    // An empty submit: the summary takes focus and names each missing field.
    await page.getByRole('button', { name: exactly(t('form.submit')) }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: `${t('form.name.label')}: ${t('form.name.error')}` }).waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);

    await page.getByLabel(t('form.name.label'), { exact: true }).fill(requester.name);
    await page.getByLabel(t('form.email.label'), { exact: true }).fill(requester.email);
    await page.getByLabel(t('form.profession.label'), { exact: true }).selectOption({ label: t('professions.nurse') });
    await page.getByLabel(t('form.institution.label'), { exact: true }).fill('Spitalul Municipal de Test');
    await page.getByLabel(t('form.organisationId.label'), { exact: true }).selectOption({ label: organisation });
    await page.getByRole('button', { name: exactly(t('form.submit')) }).click();
    await page.getByText(t('page.sent'), { exact: true }).waitFor();
    await expectNoAxeViolations(page);
  });

  test("the organisation's admin finds it on the home page, approves it, and the ordinary invitation goes out", async () => {
    const page = await journey();
    await page.goto('/sign-in');
    await submitPassword(page, admin.email);
    await enrolTwoFactor(page);
    await expectSignedInHome(page, admin.displayName);
    // NOTE: the request is stored by a background job 0–10 s after it was sent; the home inbox counts it then.
    const inbox = page.getByRole('link', { name: text('nb', 'common', 'home.inbox.access_requests_one').replace('{{count}}', '1') });
    await expect
      .poll(
        async () => {
          if (await inbox.isVisible()) return true;
          await page.reload();
          await page.getByRole('heading', { level: 1 }).waitFor();
          return inbox.isVisible();
        },
        { timeout: 40_000, interval: 2_000 },
      )
      .toBe(true);
    await inbox.click();
    await page.waitForURL(/\/admin\/access-requests$/);
    await expectHeading(page, 'access', 'admin.title');
    const card = page.getByRole('listitem', { name: requester.name });
    await card.waitFor();
    await expectNoAxeViolations(page);

    await card.getByRole('button', { name: exactly(nb('admin.approve')) }).click();
    const dialog = page.getByRole('dialog', { name: nb('admin.approveDialog').replace('{{name}}', requester.name) });
    await dialog.waitFor();
    const organisations = (key: string) => text('nb', 'organisations', key);
    expect(await dialog.getByLabel(organisations('roles.medical_professional'), { exact: true }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: exactly(nb('admin.approveConfirm')) }).click();
    await page.getByText(nb('admin.approved').replace('{{name}}', requester.name), { exact: true }).waitFor();
    expect(await card.count()).toBe(0);
    await expectNoAxeViolations(page);

    await openNav(page, 'nav.outbox');
    await page.waitForURL(/\/admin\/outbox$/);
    const subject = invitationEmail({ to: '', token: '', publicUrl: '', language: admin.language, organisationId: '', organisationName: '', inviterName: '', roles: [] }).subject;
    const row = page.getByRole('row').filter({ hasText: requester.email });
    await row.getByRole('link', { name: exactly(subject) }).waitFor();
  });
});
