// Journey: the design language on a phone and a desktop — a one-row header whose Menu opens by keyboard, quick exit
// always in sight, chapter tables that stack into labelled rows instead of scrolling, whole words in wide tables, and
// a sign-in button that says it is working while the request runs.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoAccount, DEMO_PASSWORD } from './journeys.ts';
import { exactly, expectNoAxeViolations, launchBrowser, newJourney, text } from './support.ts';

const CHAPTER = '/library/manual/definitions';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const isFocused = (page: Page, selector: string) => page.evaluate((s) => document.activeElement === document.querySelector(s), selector);

describe('design language', () => {
  test('at 375 px the header is one row of at most 64 px, quick exit is visible, and the Menu opens and closes by keyboard', async () => {
    const { context, page } = await newJourney(browser, { width: 375 });
    await page.goto('/library');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const header = await page.locator('.site-header').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(64);
    expect(await page.getByRole('button', { name: text('en', 'common', 'quickExit.button') }).isVisible()).toBe(true);

    const nav = page.getByRole('navigation', { name: text('en', 'common', 'nav.label') });
    const library = nav.getByRole('link', { name: exactly(text('en', 'common', 'nav.library')) });
    expect(await library.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: exactly(text('en', 'common', 'nav.menu')) });
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await library.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await library.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await isFocused(page, '.menu-button')).toBe(true);
    expect(await library.isVisible()).toBe(false);
    await expectNoAxeViolations(page);
    await context.close();
  });

  test('at 1280 px the navigation shows without a Menu button', async () => {
    const { context, page } = await newJourney(browser);
    await page.goto('/library');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('.menu-button').isVisible()).toBe(false);
    const nav = page.getByRole('navigation', { name: text('en', 'common', 'nav.label') });
    expect(await nav.getByRole('link', { name: exactly(text('en', 'common', 'nav.library')) }).isVisible()).toBe(true);
    await context.close();
  });

  test('a chapter table at 375 px stacks into rows without sideways scrolling, each cell labelled with its column', async () => {
    const { context, page } = await newJourney(browser, { width: 375 });
    await page.goto(CHAPTER);
    const table = page.locator('.prose table').first();
    await table.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const { headers, labels, shown } = await table.evaluate((t: HTMLTableElement) => {
      const row = t.tBodies[0]!.rows[0]!;
      return {
        headers: [...t.tHead!.rows[0]!.cells].map((c) => c.textContent.trim()),
        labels: [...row.cells].map((c) => c.dataset.label),
        shown: getComputedStyle(row.cells[0]!, '::before').content,
      };
    });
    expect(headers.length).toBeGreaterThan(1);
    expect(labels).toEqual(headers);
    expect(shown).toBe(JSON.stringify(headers[0]));
    expect(await table.evaluate((t) => t.scrollWidth <= t.clientWidth + 1)).toBe(true);
    await expectNoAxeViolations(page);
    await context.close();
  });

  test('a chapter table at 1280 px keeps each header word whole', async () => {
    const { context, page } = await newJourney(browser);
    await page.goto(CHAPTER);
    const table = page.locator('.prose table').first();
    await table.waitFor();
    const broken = await table.evaluate((t: HTMLTableElement) =>
      [...t.tHead!.rows[0]!.cells].flatMap((cell) => {
        const words: string[] = [];
        const node = cell.firstChild;
        if (!node) return words;
        for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) words.push(match[0]);
        }
        return words;
      }),
    );
    expect(broken).toEqual([]);
    await context.close();
  });

  test('the sign-in button shows that it is working while the request runs', async () => {
    const { context, page } = await newJourney(browser);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/auth/sign-in', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/sign-in');
    await page.getByLabel(text('en', 'auth', 'signIn.email'), { exact: true }).fill(demoAccount('participant').email);
    await page.getByLabel(text('en', 'auth', 'signIn.password'), { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: exactly(text('en', 'auth', 'signIn.submit')) }).click();
    const busy = page.locator('button[type="submit"][aria-busy="true"]');
    await busy.waitFor();
    expect((await busy.textContent())?.trim()).toBe(text('en', 'auth', 'signIn.pending'));
    expect(await busy.isDisabled()).toBe(true);
    expect(await busy.locator('.spinner').count()).toBe(1);
    await page.getByRole('status').filter({ hasText: text('en', 'auth', 'signIn.pending') }).waitFor({ state: 'attached' });
    release();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await context.close();
  });
});
