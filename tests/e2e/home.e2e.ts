// Journey (a): the public home page in en, ro and nb — language switch, quick exit, skip link, 360 px, axe; the front
// door's routes (the identification aid and Help now in four key presses, then the indicators) and a signed-in
// reviewer's waiting work.
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, demoAccount, expectSignedInHome, submitPassword } from './journeys.ts';
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

/** The key presses since the page loaded, as a keyboard user gives them. */
async function press(page: Page, ...keys: string[]): Promise<number> {
  for (const key of keys) await page.keyboard.press(key);
  return keys.length;
}

const focusedHref = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);

describe('the front door, signed out', () => {
  test('a Romanian doctor reaches the identification aid, the indicators chapter and Help now in a few key presses; axe clean', async () => {
    const { context, page } = await newJourney(browser, { locale: 'ro-RO' });
    const t = (key: string) => text('ro', 'common', key);
    await page.goto('/');
    await page.getByRole('heading', { level: 2, name: exactly(t('home.start.heading')) }).waitFor();
    await expectNoRawKeys(page);
    await expectNoAxeViolations(page);

    // Skip link, into main, the first card: the identification aid.
    let presses = await press(page, 'Tab', 'Enter', 'Tab');
    expect(await focusedHref(page)).toBe('/identify');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t('home.start.aid.title'));
    presses += await press(page, 'Enter');
    await page.waitForURL((url) => url.pathname === '/identify');
    expect(presses).toBeLessThan(5);

    // The next card: the indicators chapter.
    await page.goto('/');
    await page.getByRole('heading', { level: 2, name: exactly(t('home.start.heading')) }).waitFor();
    presses = await press(page, 'Tab', 'Enter', 'Tab', 'Tab');
    expect(await focusedHref(page)).toBe('/library/manual/recognising-indicators');
    presses += await press(page, 'Enter');
    await page.waitForURL((url) => url.pathname === '/library/manual/recognising-indicators');
    expect(presses).toBeLessThanOrEqual(5);

    // Help now: the header's link, three presses from the top; and the urgent card in the list.
    await page.goto('/');
    await page.getByRole('heading', { level: 2, name: exactly(t('home.start.heading')) }).waitFor();
    presses = await press(page, 'Tab', 'Tab', 'Tab');
    expect(await focusedHref(page)).toBe('/help');
    expect(presses).toBeLessThan(5);
    const cards = page.getByRole('region', { name: t('home.start.heading') }).getByRole('link');
    expect(await cards.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/identify', '/library/manual/recognising-indicators', '/help', '/library/manual/referral-romania']);

    // With a pointer each is one click from the home page.
    await page.getByRole('link', { name: exactly(t('home.start.indicators.title')) }).click();
    await page.waitForURL((url) => url.pathname === '/library/manual/recognising-indicators');
    await context.close();
  });

  test('the referral card follows the reader: Romania for ro and en, across borders for nb', async () => {
    for (const [locale, lang, href] of [
      ['ro-RO', 'ro', '/library/manual/referral-romania'],
      ['en-GB', 'en', '/library/manual/referral-romania'],
      ['nb-NO', 'nb', '/library/guide/referral-transnational'],
    ] as const) {
      const { context, page } = await newJourney(browser, { locale });
      await page.goto('/');
      const card = page.getByRole('link', { name: exactly(text(lang, 'common', 'home.start.referral.title')) });
      expect(await card.getAttribute('href')).toBe(href);
      await expectNoRawKeys(page);
      await context.close();
    }
  });

  test('the search box opens the library search; the publications, sign-in and request-access links are there', async () => {
    const { context, page } = await newJourney(browser, { locale: 'ro-RO' });
    const t = (key: string) => text('ro', 'common', key);
    await page.goto('/');
    const main = page.getByRole('main');
    for (const href of ['/library/manual', '/library/guide', '/library', '/sign-in', '/request-access']) {
      await main.locator(`a[href="${href}"]`).waitFor();
    }
    await page.getByRole('searchbox', { name: t('home.search.label') }).fill('consimțământ');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/library/search' && url.searchParams.get('q') === 'consimțământ');
    await context.close();
  });
});

/** An API session of a demo account that signs in with its password alone (no two-factor role). */
async function apiSession(account: { email: string }): Promise<APIRequestContext> {
  const { context } = await newJourney(browser);
  const res = await context.request.post('/api/auth/sign-in', { data: { email: account.email, password: DEMO_PASSWORD } });
  expect((await res.json()).signInStep).toBe('done');
  return context.request;
}

describe('the home page, signed in', () => {
  const reviewer = demoAccount('reviewer');
  let editor: APIRequestContext;
  let inReview: { url: string; version: number } | null = null;

  beforeAll(async () => {
    // NOTE: the demo library is all published; the demo editor puts one Romanian text into review for this journey.
    editor = await apiSession(demoAccount('editor'));
    const tree = await (await editor.get('/api/library/editor/publications/manual')).json();
    const section = tree.chapters.find((c: { slug: string }) => c.slug === 'case-scenarios').sections[0];
    const url = `/api/library/sections/${section.id}/texts/ro`;
    const current = await (await editor.get(url)).json();
    const saved = await (await editor.put(url, { data: { title: current.current.title, bodyMd: `${current.current.bodyMd}\n\nO propoziție nouă.`, version: current.version } })).json();
    const submitted = await (await editor.post(`${url}/submit`, { data: { version: saved.version } })).json();
    inReview = { url, version: submitted.version };
  });
  afterAll(async () => {
    // Withdrawn again, so no other journey finds an extra text waiting.
    if (inReview) expect((await editor.post(`${inReview.url}/withdraw`, { data: { version: inReview.version } })).ok()).toBe(true);
  });

  test('a reviewer sees the text waiting for their review and follows it to the desk; axe clean', async () => {
    const { context, page } = await newJourney(browser, { locale: 'ro-RO' });
    await page.goto('/sign-in');
    await submitPassword(page, reviewer.email);
    await expectSignedInHome(page, reviewer.displayName);
    const { items } = await (await page.request.get('/api/inbox')).json();
    const { count } = items.find((i: { kind: string }) => i.kind === 'texts_to_review');
    const form = new Intl.PluralRules('ro').select(count);
    const line = text('ro', 'common', `home.inbox.texts_to_review_${form}`).replace('{{count}}', String(count));
    const work = page.getByRole('region', { name: text('ro', 'common', 'home.work.heading') });
    await work.getByRole('link', { name: exactly(line) }).click();
    await page.waitForURL((url) => url.pathname === '/desk');
    await page.getByRole('heading', { level: 1, name: exactly(text('ro', 'library-desk', 'dashboard.title')) }).waitFor();
    await context.close();
  });

  test('someone with nothing waiting is told so and offered the library', async () => {
    const { context, page } = await newJourney(browser, { locale: 'ro-RO' });
    const participant = demoAccount('participant');
    await page.goto('/sign-in');
    await submitPassword(page, participant.email);
    await expectSignedInHome(page, participant.displayName);
    const work = page.getByRole('region', { name: text('ro', 'common', 'home.work.heading') });
    await work.getByText(text('ro', 'common', 'home.work.empty')).waitFor();
    expect(await work.getByRole('link', { name: exactly(text('ro', 'common', 'home.work.library')) }).getAttribute('href')).toBe('/library');
    await context.close();
  });
});
