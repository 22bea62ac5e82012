// Journeys (b) and (d): the demo coordinator signs in with a Romanian browser, is made to set up two-step sign-in
// (key read from the page, code computed), saves the recovery codes and reaches home; then signs out and in again
// with an authenticator code, and once more with a recovery code. The account settings page is checked on the way,
// and the library's usage report at the end.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoAccount, enrolTwoFactor, expectHeading, expectSignedInHome, giveSecondFactor, openNav, pageLanguage, signOut, submitPassword } from './journeys.ts';
import { NEUTRAL_SITE, baseUrl, exactly, expectNoAxeViolations, expectNoRawKeys, launchBrowser, newJourney, text, type Authenticator } from './support.ts';

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
    enrolled = await enrolTwoFactor(page, { codeTools: true });
    await expectSignedInHome(page, coordinator.displayName);
    expect(await pageLanguage(page)).toBe('ro');
  });

  test('opens the account settings page', async () => {
    await openNav(page, 'nav.account');
    await page.waitForURL(/\/account$/);
    await expectHeading(page, 'account', 'title');
    await expectNoRawKeys(page);
    await expectNoAxeViolations(page);
  });

  test('opening home, the library and the account page afresh shows every label, never a raw translation key', async () => {
    // NOTE: a fresh load: until a page outside the reader is opened, only the shell's namespaces are loaded.
    for (const [path, namespace, key] of [['/', 'common', 'home.title'], ['/library', 'library', 'title'], ['/account', 'account', 'title']] as const) {
      await page.goto(path);
      await expectHeading(page, namespace, key);
      await expectNoRawKeys(page);
      await page.getByRole('navigation', { name: text('ro', 'common', 'nav.label') }).getByRole('link', { name: exactly(text('ro', 'common', 'nav.reports')) }).waitFor();
    }
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

  test('sees how often the library was read in a period it chooses; a reversed period is refused; axe clean', async () => {
    const r = (key: string) => text('ro', 'reports', `libraryUsage.${key}`);
    // One anonymous read of a chapter, now: the reading API counts it.
    const read = await fetch(new URL('/api/library/publications/manual/chapters/definitions?lang=ro', baseUrl()));
    const chapterTitle = ((await read.json()) as { title: string }).title;

    await openNav(page, 'nav.reports');
    await page.waitForURL(/\/reports\/library-usage$/);
    await expectHeading(page, 'reports', 'libraryUsage.title');
    const byKind = page.getByRole('table', { name: r('byKind') });
    const views = byKind.getByRole('row', { name: new RegExp(r('kinds.view')) }).getByRole('cell');
    await expect.poll(async () => Number((await views.textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    // Chapter titles come from the tables of contents, which load alongside.
    await expect.poll(() => page.getByRole('table', { name: r('byChapter') }).textContent()).toContain(chapterTitle);
    expect(await page.getByRole('table', { name: r('byCountry') }).textContent()).toContain(r('anonymous'));
    await expectNoAxeViolations(page);

    const from = page.getByLabel(r('period.from'), { exact: true });
    const to = page.getByLabel(r('period.to'), { exact: true });
    const apply = page.getByRole('button', { name: exactly(r('period.apply')) });
    await from.fill('2020-06-01');
    await to.fill('2020-05-01');
    await apply.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(r('period.errors.order'));
    await expectNoAxeViolations(page);

    await from.fill('2020-01-01');
    await to.fill('2020-12-31');
    await apply.click();
    await page.getByText(r('empty'), { exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe('?from=2020-01-01&to=2020-12-31');
  });

  test('switches the language in the header; the choice sticks and is saved on the account', async () => {
    const lang = () => page.evaluate(() => document.documentElement.lang);
    await page.getByLabel(text('ro', 'common', 'language.label'), { exact: true }).selectOption('en');
    await expect.poll(lang).toBe('en');
    // NOTE: the shell applies the account's saved language; it must not switch the page back.
    await page.waitForTimeout(1000);
    expect(await lang()).toBe('en');
    await page.reload();
    await expectHeading(page, 'reports', 'libraryUsage.title');
    expect(await lang()).toBe('en');
    await page.getByLabel(text('en', 'common', 'language.label'), { exact: true }).selectOption('ro');
    await expect.poll(lang).toBe('ro');
  });

  test('keeps the quick exit while signed in: the button leaves and replaces the history entry', async () => {
    await page.goto('/account');
    await expectHeading(page, 'account', 'title');
    await page.goto('/library');
    await expectHeading(page, 'library', 'title');
    const lang = await pageLanguage(page);
    await page.getByRole('button', { name: text(lang, 'common', 'quickExit.button') }).click();
    await page.waitForURL(NEUTRAL_SITE);
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/account');
  });

  test('keeps the quick exit while signed in: Esc twice leaves and replaces the history entry', async () => {
    await page.goto('/account');
    await expectHeading(page, 'account', 'title');
    await page.goto('/');
    await expectHeading(page, 'common', 'home.title');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(NEUTRAL_SITE);
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/account');
    await page.goto('/account');
    await expectHeading(page, 'account', 'title');
  });
});
