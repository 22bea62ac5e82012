// Journeys (b) and (d): the demo coordinator signs in with a Romanian browser, is made to set up two-step sign-in
// (key read from the page, code computed), saves the recovery codes and reaches home; then signs out and in again
// with an authenticator code, and once more with a recovery code. The account settings page is checked on the way.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoAccount, enrolTwoFactor, expectHeading, expectSignedInHome, giveSecondFactor, openNav, pageLanguage, signOut, submitPassword } from './journeys.ts';
import { expectNoAxeViolations, launchBrowser, newJourney, type Authenticator } from './support.ts';

const coordinator = demoAccount('coordinator');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let enrolled: { authenticator: Authenticator; recoveryCodes: string[] } | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await newJourney(browser, { locale: 'ro-RO' }));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('the demo coordinator, in Romanian', () => {
  test('signs in, sets up two-step sign-in, saves the recovery codes and reaches home', async () => {
    await page.goto('/sign-in');
    expect(await pageLanguage(page)).toBe('ro');
    await expectNoAxeViolations(page);
    await submitPassword(page, coordinator.email);
    enrolled = await enrolTwoFactor(page);
    await expectSignedInHome(page, coordinator.displayName);
    expect(await pageLanguage(page)).toBe('ro');
  });

  test('opens the account settings page', async () => {
    await openNav(page, 'nav.account');
    await page.waitForURL(/\/account$/);
    await expectHeading(page, 'account', 'title');
    await expectNoAxeViolations(page);
  });

  test('signs out, and signs in again with a code from the authenticator app', async () => {
    expect(enrolled, 'the enrolment journey ran first').toBeDefined();
    await signOut(page);
    await expectNoAxeViolations(page);
    await submitPassword(page, coordinator.email);
    await giveSecondFactor(page, { totp: enrolled!.authenticator });
    await expectSignedInHome(page, coordinator.displayName);
  });

  test('signs in with a saved recovery code instead of the app', async () => {
    expect(enrolled, 'the enrolment journey ran first').toBeDefined();
    await signOut(page);
    await submitPassword(page, coordinator.email);
    await giveSecondFactor(page, { recoveryCode: enrolled!.recoveryCodes[0]! });
    await expectSignedInHome(page, coordinator.displayName);
  });
});
