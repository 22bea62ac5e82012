// Journey: a Norwegian clinician signs in, records the person's consent and refers them to the demo association's
// service; the association's Romanian case manager accepts it and later completes it; the clinician sees "accepted"
// and then "completed: got help". Then an urgent referral nobody answered escalates on a server of its own (its
// clock driven through the data, see referral-overdue.ts): the association's coordinator finds it overdue. Axe clean.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from '#server/features/demo/demo-data.ts';
import { demoAccount, enrolTwoFactor, expectHeading, expectSignedInHome, submitPassword } from './journeys.ts';
import { prepareOverdueReferral } from './referral-overdue.ts';
import { freshDataDir, startServer } from './server.ts';
import { exactly, expectNoAxeViolations, expectNoRawKeys, launchBrowser, newJourney, text, type Language } from './support.ts';

const clinician = DEMO_ACCOUNTS.find((a) => a.email.startsWith('clinician-nb@'))!;
const caseManager = demoAccount('case_manager');
const association = DEMO_ORGANISATIONS.association.name;
const t = (lang: Language, key: string) => text(lang, 'referrals', key);

let browser: Browser;
const open: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of open) await context.close();
  await browser?.close();
});

async function signedIn(account: { email: string; displayName: string }, locale: string, base?: string): Promise<Page> {
  const { context, page } = await newJourney(browser, { locale });
  open.push(context);
  await page.goto(base ? `${base}/sign-in` : '/sign-in');
  await submitPassword(page, account.email);
  await enrolTwoFactor(page);
  await expectSignedInHome(page, account.displayName);
  return page;
}

async function expectStatus(page: Page, lang: Language, words: string): Promise<void> {
  await page.reload();
  await expectHeading(page, 'referrals', 'detail.title');
  await expect.poll(async () => (await page.locator('.referral-status-line strong').textContent())?.trim()).toBe(words);
}

describe('a referral from Norway to Romania', () => {
  let clinicianPage: Page;
  let managerPage: Page;
  let reference = '';
  let referralPath = '';

  test('the clinician records consent and sends a referral to the association’s service (Norwegian)', async () => {
    clinicianPage = await signedIn(clinician, 'nb-NO');
    const page = clinicianPage;
    await page.getByRole('navigation', { name: text('nb', 'common', 'nav.label') }).getByRole('link', { name: exactly(text('nb', 'common', 'nav.referrals')) }).click();
    await expectHeading(page, 'referrals', 'title');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: exactly(t('nb', 'newReferral')) }).click();
    await expectHeading(page, 'referrals', 'form.title');
    await page.getByLabel(t('nb', 'form.search'), { exact: true }).fill('Punți');
    await page.getByRole('button', { name: exactly(t('nb', 'form.searchButton')) }).click();
    const choice = page.getByRole('listitem').filter({ hasText: association }).first();
    await choice.getByRole('button').click();
    await page.getByLabel(t('nb', 'form.code'), { exact: true }).fill('NO-E2E-7');
    await page.getByRole('checkbox', { name: 'Medisinsk hjelp' }).check();
    await page.getByLabel(t('nb', 'form.safeContact'), { exact: true }).fill('Kun SMS etter kl. 18.');
    await page.getByRole('checkbox', { name: t('nb', 'form.withInterpreter') }).check();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: exactly(t('nb', 'form.recordConsent')) }).click();
    await page.getByRole('status').filter({ hasText: t('nb', 'form.consentRecorded') }).waitFor();
    await page.getByRole('button', { name: exactly(t('nb', 'form.send')) }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    referralPath = new URL(page.url()).pathname;
    await expectHeading(page, 'referrals', 'detail.title');
    reference = ((await page.locator('.referral-reference').textContent()) ?? '').replace(/^.*(R-[A-Z0-9]{4}-[A-Z0-9]{4}).*$/, '$1');
    expect(reference).toMatch(/^R-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectStatus(page, 'nb', t('nb', 'status.requested'));
    await expectNoRawKeys(page);
    await expectNoAxeViolations(page);
  });

  test('the case manager sees it waiting on the home page and accepts it (Romanian)', async () => {
    managerPage = await signedIn(caseManager, 'ro-RO');
    const page = managerPage;
    const work = page.getByRole('region', { name: text('ro', 'common', 'home.work.heading') });
    await work.getByRole('link', { name: /trimitere primită așteaptă|trimiteri primite așteaptă/ }).click();
    await expectHeading(page, 'referrals', 'title');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: exactly(t('ro', 'list.open').replace('{{reference}}', reference)) }).click();
    await expectHeading(page, 'referrals', 'detail.title');
    await page.getByText('Kun SMS etter kl. 18.').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: exactly(t('ro', 'action.accepted')) }).click();
    await page.getByRole('status').filter({ hasText: t('ro', 'dialog.done').replace('{{status}}', t('ro', 'status.accepted')) }).waitFor();
  });

  test('the clinician sees “accepted”', async () => {
    await expectStatus(clinicianPage, 'nb', t('nb', 'status.accepted'));
  });

  test('the case manager completes it with the outcome “got help”; the clinician sees “completed: got help”', async () => {
    const page = managerPage;
    await page.getByRole('button', { name: exactly(t('ro', 'action.completed')) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(t('ro', 'dialog.outcome'), { exact: true }).selectOption('got_help');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: exactly(t('ro', 'action.completed')) }).click();
    await page.getByRole('status').filter({ hasText: t('ro', 'dialog.done').replace('{{status}}', t('ro', 'status.completed')) }).waitFor();
    const done = t('nb', 'detail.outcomeLine').replace('{{status}}', t('nb', 'status.completed')).replace('{{outcome}}', t('nb', 'outcome.got_help'));
    await clinicianPage.goto(referralPath);
    await expectStatus(clinicianPage, 'nb', done);
    await expectNoAxeViolations(clinicianPage);
  });
});

describe('an urgent referral nobody answers', () => {
  test('escalates: the association’s coordinator finds it overdue and escalated', async () => {
    const dataDir = freshDataDir('pro-health-referrals-');
    const { reference } = await prepareOverdueReferral(dataDir);
    const server = await startServer({ cwd: inject('webRoot'), dataDir, readyTimeoutMs: 180_000 });
    try {
      const coordinator = demoAccount('coordinator');
      const page = await signedIn(coordinator, 'ro-RO', server.url);
      await page.goto(`${server.url}/referrals`);
      await expectHeading(page, 'referrals', 'title');
      const row = page.getByRole('row').filter({ hasText: reference });
      await row.getByText(t('ro', 'badge.overdue'), { exact: true }).waitFor();
      await expectNoAxeViolations(page);
      await row.getByRole('link').click();
      await expectHeading(page, 'referrals', 'detail.title');
      // NOTE: the worker escalates within a second of starting; reload until the history shows it.
      await expect
        .poll(async () => {
          await page.reload();
          await expectHeading(page, 'referrals', 'detail.title');
          return page.getByText(t('ro', 'detail.event.escalation')).count();
        }, { timeout: 20_000 })
        .toBe(1);
      await page.getByText(t('ro', 'badge.escalated'), { exact: true }).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await server.stop();
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  });
});
