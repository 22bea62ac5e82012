// Journey (a): the public home page in en, ro and nb — language switch, quick exit, skip link, 360 px, axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NEUTRAL_SITE, exactly, expectNoAxeViolations, expectNoRawKeys, launchBrowser, newJourney, text, type Language } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function expectLanguage(page: Page, lang: Language): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
  await page.getByRole('heading', { level: 1, name: exactly(text(lang, 'common', 'home.title')) }).waitFor();
  await page.getByRole('link', { name: exactly(text(lang, 'common', 'skipLink')) }).waitFor({ state: 'attached' });
}

async function chooseLanguage(page: Page, current: Language, next: Language): Promise<void> {
  const values: Record<Language, string> = { en: 'en', ro: 'ro', nb: 'nb' };
  const select = page.getByLabel(text(current, 'common', 'language.label'), { exact: true });
  // NOTE: on a narrow screen the language switch is inside the header's Menu.
  if (!(await select.isVisible())) await page.getByRole('button', { name: exactly(text(current, 'common', 'nav.menu')) }).click();
  await select.selectOption(values[next]);
}

describe('home page', () => {
  test('starts in the browser language, switches en → ro → nb, remembers the choice after a reload; axe clean in each', async () => {
    const { context, page } = await newJourney(browser, { locale: 'en-GB' });
    await page.goto('/');
    await expectLanguage(page, 'en');
    await expectNoAxeViolations(page);

    await chooseLanguage(page, 'en', 'ro');
    await expectLanguage(page, 'ro');
    expect(await page.title()).toContain(text('ro', 'common', 'home.title'));
    await expectNoAxeViolations(page);

    await page.reload();
    await expectLanguage(page, 'ro');

    await chooseLanguage(page, 'ro', 'nb');
    await expectLanguage(page, 'nb');
    await expectNoAxeViolations(page);
    await page.reload();
    await expectLanguage(page, 'nb');
    await context.close();
  });

  test('a Norwegian browser gets Bokmål, a Romanian one Romanian', async () => {
    for (const [locale, lang] of [['nb-NO', 'nb'], ['no', 'nb'], ['ro-RO', 'ro']] as const) {
      const { context, page } = await newJourney(browser, { locale });
      await page.goto('/');
      await expectLanguage(page, lang);
      await context.close();
    }
  });

  test('the quick-exit button leaves for the neutral site and replaces the history entry', async () => {
    const { context, page } = await newJourney(browser);
    await page.goto('/');
    await page.goto('/?second-entry');
    await page.getByRole('button', { name: text('en', 'common', 'quickExit.button') }).click();
    await page.waitForURL(NEUTRAL_SITE);
    expect(await page.title()).toBe('Wikipedia');
    // The app page that was showing is gone from the history: going back skips it.
    await page.goBack();
    expect(new URL(page.url()).search).toBe('');
    await context.close();
  });

  test('Esc twice leaves for the neutral site and replaces the history entry', async () => {
    const { context, page } = await newJourney(browser);
    await page.goto('/');
    await page.goto('/?second-entry');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(NEUTRAL_SITE);
    await page.goBack();
    expect(new URL(page.url()).search).toBe('');
    await context.close();
  });

  test('one Esc alone does not leave', async () => {
    const { context, page } = await newJourney(browser);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: text('en', 'common', 'nav.signIn') }).first().waitFor();
    expect(page.url()).toBe(`${new URL(page.url()).origin}/`);
    await context.close();
  });

  test('the skip link is first in the tab order, becomes visible on focus, and moves focus to main', async () => {
    const { context, page } = await newJourney(browser);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Start keyboard navigation from the top of the document, as after reaching the page from the address bar.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: text('en', 'common', 'skipLink') });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box !== null && box.y >= 0 && box.height > 0).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await context.close();
  });

  test('on a fresh page load the first Tab reaches the skip link (focus is not moved past the header)', async () => {
    const { context, page } = await newJourney(browser);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    expect(focused).toBe(text('en', 'common', 'skipLink'));
    await context.close();
  });

  test('at 360 px wide nothing scrolls sideways, in every language', async () => {
    const { context, page } = await newJourney(browser, { width: 360 });
    await page.goto('/');
    let current: Language = 'en';
    for (const lang of ['en', 'ro', 'nb'] as const) {
      if (lang !== current) await chooseLanguage(page, current, lang);
      current = lang;
      await expectLanguage(page, lang);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow in ${lang}`).toBeLessThanOrEqual(0);
    }
    await expectNoAxeViolations(page);
    await context.close();
  });

  test('home, the library and sign-in show every label in each language, never a raw translation key', async () => {
    for (const locale of ['en-GB', 'ro-RO', 'nb-NO']) {
      const { context, page } = await newJourney(browser, { locale });
      for (const [path, namespace, key] of [['/', 'common', 'home.title'], ['/library', 'library', 'title'], ['/sign-in', 'auth', 'signIn.title']] as const) {
        await page.goto(path);
        const lang = locale.slice(0, 2) as Language;
        await page.getByRole('heading', { level: 1, name: exactly(text(lang, namespace, key)) }).waitFor();
        await expectNoRawKeys(page);
      }
      await context.close();
    }
  });

  test('the sign-in page at 360 px wide, in Romanian: no sideways scrolling, axe clean', async () => {
    const { context, page } = await newJourney(browser, { width: 360, locale: 'ro-RO' });
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: exactly(text('ro', 'auth', 'signIn.title')) }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
