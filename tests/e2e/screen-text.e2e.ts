// The main pages as a reader sees them, in every language at a desktop and a phone width: every label is a word of
// that language (never a raw translation key), no word is broken across lines, nothing scrolls sideways.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { expectNoRawKeys, expectTextFits, launchBrowser, newJourney, type Language } from './support.ts';

const PAGES = [
  '/',
  '/library',
  '/library/manual',
  // NOTE: chapters with tables (definitions: "Element" broke into "Ele/men/t" at 1280 px, issue 8).
  '/library/manual/definitions',
  '/library/manual/recognising-indicators',
  '/library/guide/case-records',
  '/library/search?q=copil',
  '/sign-in',
];
const LOCALES: Record<Language, string> = { en: 'en-GB', ro: 'ro-RO', nb: 'nb-NO' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([1280, 375])('the main pages at %i px', (width) => {
  test.each(Object.keys(LOCALES) as Language[])('in %s: labels are words, no word broken, nothing sideways', async (lang) => {
    const { context, page } = await newJourney(browser, { locale: LOCALES[lang], width });
    for (const path of PAGES) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await expectNoRawKeys(page);
      await expectTextFits(page);
    }
    await context.close();
  });
});
