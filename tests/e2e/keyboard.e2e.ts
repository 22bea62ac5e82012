// Journey (e): signing in with the keyboard alone — Tab, typing, Space and Enter, no mouse — including the forced
// set-up of two-step sign-in; every control reached shows a visible focus indicator.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoAccount, expectHeading, expectSignedInHome, pageLanguage, DEMO_PASSWORD } from './journeys.ts';
import { Authenticator, exactly, expectNoAxeViolations, launchBrowser, newJourney, text } from './support.ts';

// NOTE: a case-data role, so the journey also covers the enrolment that two-factor roles must complete.
const person = demoAccount('psychologist');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Presses Tab until `target` has focus (at most `max` times), then checks that the focus is visible. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      const indicator = await target.evaluate((el) => {
        const style = getComputedStyle(el);
        return { outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px', shadow: style.boxShadow !== 'none' };
      });
      expect(indicator.outline || indicator.shadow, 'visible focus indicator').toBe(true);
      return;
    }
  }
  throw new Error(`Tab did not reach ${target.toString()} within ${max} presses`);
}

describe('keyboard only', () => {
  test('from home to signed in, through two-step set-up, without the mouse', async () => {
    const { context, page } = await newJourney(browser, { locale: 'en-GB' });
    try {
      await page.goto('/');
      await expectHeading(page, 'common', 'home.title');
      let lang = await pageLanguage(page);
      await tabTo(page, page.getByRole('link', { name: exactly(text(lang, 'common', 'nav.signIn')) }).first());
      await page.keyboard.press('Enter');

      await page.waitForURL(/\/sign-in$/);
      await expectHeading(page, 'auth', 'signIn.title');
      await tabTo(page, page.getByLabel(text(lang, 'auth', 'signIn.email'), { exact: true }));
      await page.keyboard.type(person.email);
      await tabTo(page, page.getByLabel(text(lang, 'auth', 'signIn.password'), { exact: true }));
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');

      await page.waitForURL(/\/sign-in\/enrol$/);
      await expectHeading(page, 'auth', 'enrol.title');
      lang = await pageLanguage(page);
      const secret = page.getByLabel(text(lang, 'auth', 'enrol.secretLabel'), { exact: true });
      await secret.waitFor();
      const authenticator = new Authenticator((await secret.textContent()) ?? '');
      await tabTo(page, page.getByLabel(text(lang, 'auth', 'enrol.codeLabel'), { exact: true }));
      await page.keyboard.type(await authenticator.code());
      await page.keyboard.press('Enter');

      await expectHeading(page, 'auth', 'recovery.heading', 2);
      await tabTo(page, page.getByLabel(text(lang, 'auth', 'recovery.saved'), { exact: true }));
      await page.keyboard.press('Space');
      await tabTo(page, page.getByRole('button', { name: exactly(text(lang, 'auth', 'recovery.continue')) }));
      await page.keyboard.press('Enter');

      await expectSignedInHome(page, person.displayName);
    } finally {
      await context.close();
    }
  });

  test('a wrong password is announced and the error summary takes focus', async () => {
    const { context, page } = await newJourney(browser, { locale: 'en-GB' });
    try {
      await page.goto('/sign-in');
      await expectHeading(page, 'auth', 'signIn.title');
      const lang = await pageLanguage(page);
      await tabTo(page, page.getByLabel(text(lang, 'auth', 'signIn.email'), { exact: true }));
      await page.keyboard.type(demoAccount('trainer').email);
      await tabTo(page, page.getByLabel(text(lang, 'auth', 'signIn.password'), { exact: true }));
      await page.keyboard.type('not-the-password-at-all');
      await page.keyboard.press('Enter');
      const summary = page.getByRole('alert').filter({ hasText: text(lang, 'auth', 'signIn.wrongCredentials') });
      await summary.waitFor();
      await expect.poll(() => summary.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
