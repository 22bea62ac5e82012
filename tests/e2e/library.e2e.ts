// Journey: a reader opens the library in Romanian, finds a text typed without diacritics, reads it, keeps reading
// offline (service worker), switches language without losing the place, and reports a problem; axe on every page kind.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoAccount, expectSignedInHome, signOut, submitPassword } from './journeys.ts';
import { exactly, expectNoAxeViolations, expectSavedForOffline, hasNamespace, launchBrowser, newJourney, text } from './support.ts';

const ro = (key: string) => text('ro', 'library', key);

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The chapter the search led to, e.g. /library/manual/definitions#romanian-law. */
let found: URL | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await newJourney(browser, { locale: 'ro-RO' }));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** The paths of everything the worker has saved. */
function savedPaths(): Promise<string[]> {
  return page.evaluate(async () => {
    const all: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) all.push(new URL(req.url).pathname);
    return all;
  });
}

/** The Romanian text of a chapter came from the API: its h1 and at least one section are on screen. */
async function expectChapterText(): Promise<string> {
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.waitFor();
  await page.locator('[data-section-heading]').first().waitFor();
  return (await h1.textContent()) ?? '';
}

/** True once the worker holds the given library API answer (it saves everything public after the first visit). */
async function isSavedOffline(path: string): Promise<boolean> {
  return page.evaluate(async (url) => (await caches.match(url)) !== undefined, path);
}

describe.skipIf(!hasNamespace('library'))('reading the library, in Romanian', () => {
  test('the library lists both publications, with PDFs per language, and is axe clean', async () => {
    await page.goto('/library');
    await page.getByRole('heading', { level: 1, name: exactly(ro('title')) }).waitFor();
    expect(await page.title()).toBe(`${ro('title')} · Pro Health`);
    const cards = page.locator('.publication-list > li');
    await expect.poll(() => cards.count()).toBe(2);
    await page.getByRole('link', { name: `PDF în limba ${ro('languages.ro')}` }).first().waitFor();
    await expectNoAxeViolations(page);
  });

  test('typing "victima" (no diacritics) shows highlighted results as you type; one opens at its section', async () => {
    await page.getByRole('searchbox', { name: ro('search.label') }).pressSequentially('victima', { delay: 40 });
    const status = page.getByRole('status').filter({ hasText: /rezultat/ });
    await status.waitFor();
    const results = page.locator('ol.result-list > li');
    expect(await results.count()).toBeGreaterThan(0);
    expect(await results.first().locator('mark').first().textContent()).toMatch(/^victim/i);

    await page.goto('/library/search?q=victima');
    await page.getByRole('heading', { level: 1, name: exactly(ro('search.title')) }).waitFor();
    await page.locator('ol.result-list > li').first().waitFor();
    await expectNoAxeViolations(page);

    await page.locator('ol.result-list').getByRole('link').first().click();
    await page.waitForURL(/\/library\/[a-z0-9-]+\/[a-z0-9-]+#[a-z0-9-]+$/);
    found = new URL(page.url());
    await expectChapterText();
    const section = decodeURIComponent(found.hash.slice(1));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(section);
    expect(await page.title()).not.toMatch(/traffick|trafic/i);
    await expectNoAxeViolations(page);
  });

  test('the table of contents marks professionals-only chapters for a signed-out reader and is axe clean', async () => {
    await page.goto('/library/manual');
    await page.getByRole('heading', { level: 2, name: exactly(ro('toc.contents')) }).waitFor();
    await page.getByText(ro('toc.signInToRead')).first().waitFor();
    // The one chapter kept for professionals says why; the indicators chapter is open to everyone.
    await page.getByText(ro('toc.whyProfessionals').replace('{{reason}}', '').trim()).first().waitFor();
    expect(await page.locator('.toc-entry', { hasText: 'Recunoașterea indicatorilor' }).getByText(ro('toc.signInToRead')).count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  test('a signed-out search says how many more results are for professionals, with the way to sign in', async () => {
    await page.goto('/library/search?q=pericol');
    const hint = page.getByText(/^Încă \d+ (de )?rezultat/);
    await hint.waitFor();
    await page.getByRole('link', { name: exactly(ro('search.signInToSee')) }).waitFor();
    await expectNoAxeViolations(page);
  });

  test('offline, the chapter and another chapter still open, with the offline notice', async () => {
    expect(found, 'the search journey ran first').toBeDefined();
    const other = '/library/guide/support-planning';
    await page.goto(found!.pathname);
    await expectChapterText();
    await expect
      .poll(() => isSavedOffline(`/api/library/publications/guide/chapters/support-planning?lang=ro`), { timeout: 60_000 })
      .toBe(true);
    const [, , publication, chapter] = found!.pathname.split('/');
    await expectSavedForOffline(page, `/api/library/publications/${publication}/chapters/${chapter}?lang=ro`);
    // The reader's strings in all three languages are saved too (one library-<hash>.js per language).
    const readerStrings = async () => (await savedPaths()).filter((path) => /^\/assets\/library-[\w-]{8}\.js$/.test(path)).length;
    await expect.poll(readerStrings, { timeout: 30_000 }).toBe(3);

    await context.setOffline(true);
    await page.reload();
    const title = await expectChapterText();
    expect(title.length).toBeGreaterThan(0);
    await page.getByRole('status').filter({ hasText: ro('offline.status') }).waitFor();

    await page.goto(other);
    const romanian = await expectChapterText();
    await page.getByRole('status').filter({ hasText: ro('offline.status') }).waitFor();
    // Switching the language works offline too: strings and text in Norwegian come from the worker's store.
    await page.getByLabel(text('ro', 'common', 'language.label'), { exact: true }).selectOption('nb');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nb');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).not.toBe(romanian);
    await page.getByRole('status').filter({ hasText: text('nb', 'library', 'offline.status') }).waitFor();
    await page.getByLabel(text('nb', 'common', 'language.label'), { exact: true }).selectOption('ro');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(romanian);
    // Nothing but the library's reading API and the public Help now list (the identification aid's numbers) is ever
    // answered from the worker's store.
    const saved = (await savedPaths()).filter((path) => path.startsWith('/api/'));
    expect(saved.length).toBeGreaterThan(0);
    expect(saved.filter((path) => !path.startsWith('/api/library/publications') && path !== '/api/help/contacts')).toEqual([]);
    expect(saved.filter((path) => /safety-security/.test(path))).toEqual([]);
    await context.setOffline(false);
    await page.getByRole('status').filter({ hasText: ro('offline.status') }).waitFor({ state: 'detached' }).catch(() => undefined);
  });

  test('switching the language on a chapter keeps the section being read in view', async () => {
    await page.goto('/library/manual/clinical-care');
    const romanianTitle = await expectChapterText();
    // NOTE: Chromium's scroll anchoring would hide a lost place; Safari has none, so the app must keep it itself.
    await page.addStyleTag({ content: '* { overflow-anchor: none !important; }' });
    const target = page.locator('#follow-up');
    await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

    await page.getByLabel(text('ro', 'common', 'language.label'), { exact: true }).selectOption('nb');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nb');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).not.toBe(romanianTitle);
    await expect.poll(async () => Math.abs((await target.boundingBox())?.y ?? 9999)).toBeLessThan(50);
    expect(new URL(page.url()).pathname).toBe('/library/manual/clinical-care');

    await page.getByLabel(text('nb', 'common', 'language.label'), { exact: true }).selectOption('ro');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(romanianTitle);
    await expect.poll(async () => Math.abs((await target.boundingBox())?.y ?? 9999)).toBeLessThan(50);
  });

  test('a reader reports a problem with a section without personal data; the thanks is announced', async () => {
    await page.goto('/library/guide/support-planning#follow-up');
    await expectChapterText();
    const section = page.locator('section').filter({ has: page.locator('#follow-up') });
    await section.getByText(ro('report.toggle')).click();
    await section.getByText(ro('report.commentHint')).waitFor();
    await section.getByRole('button', { name: exactly(ro('report.submit')) }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(ro('report.kindRequired'));

    await section.getByRole('radio', { name: ro('report.kinds.unclear') }).check();
    await section.getByLabel(ro('report.comment')).fill('Paragraful al doilea este greu de urmărit.');
    await section.getByRole('button', { name: exactly(ro('report.submit')) }).click();
    await section.getByRole('status').filter({ hasText: ro('report.sent') }).waitFor();
    await expectNoAxeViolations(page);
  });

  test('a chapter can be printed, with its publication, address and date on paper, and links the PDF', async () => {
    const reader = (await newJourney(browser, { locale: 'ro-RO' })).page;
    await reader.goto('/library/manual/communication');
    await reader.locator('[data-section-heading]').first().waitFor();
    await reader.getByRole('button', { name: exactly(ro('chapter.print')) }).waitFor();
    const pdf = reader.getByRole('link', { name: exactly(ro('chapter.pdf')) });
    const href = await pdf.getAttribute('href');
    expect(href).toMatch(/\/api\/library\/publications\/manual\/pdf\?lang=ro$/);
    const download = await reader.request.get(href!);
    expect(download.headers()['content-type']).toContain('application/pdf');
    const source = reader.locator('.print-source');
    expect(await source.isVisible()).toBe(false);
    await reader.emulateMedia({ media: 'print' });
    expect(await source.isVisible()).toBe(true);
    expect(await source.textContent()).toContain('/library/manual/communication');
    expect(await reader.getByRole('button', { name: exactly(ro('chapter.print')) }).isVisible()).toBe(false);
    await reader.emulateMedia({ media: 'screen' });
    await expectNoAxeViolations(reader);
    await reader.context().close();
  });

  test('signed in, a professionals-only chapter opens but is never saved offline; signing out clears the saved library', async () => {
    const participant = demoAccount('participant');
    const signedIn = await newJourney(browser, { locale: 'ro-RO' });
    const reader = signedIn.page;
    await reader.goto('/library/manual/safety-security');
    await reader.getByText(ro('chapter.locked')).waitFor();
    await expect.poll(() => reader.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);
    await reader.goto('/sign-in');
    await submitPassword(reader, participant.email);
    await expectSignedInHome(reader, participant.displayName);

    await reader.goto('/library/manual/safety-security');
    await reader.locator('[data-section-heading]').first().waitFor();
    const cached = () =>
      reader.evaluate(async () => {
        const names = (await caches.keys()).filter((name) => name.startsWith('ph-library-'));
        const urls: string[] = [];
        for (const name of names) for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
        return urls;
      });
    expect((await cached()).length).toBeGreaterThan(0);
    expect((await cached()).filter((url) => url.includes('safety-security'))).toEqual([]);

    await signOut(reader);
    // NOTE: the page may fetch the contents again once signed out; that copy is the anonymous one (professionals-only
    // chapters locked, without their sections) and may be kept. Nothing saved while signed in may stay.
    const contents = '/api/library/publications/manual?lang=ro';
    await expect.poll(async () => (await cached()).filter((url) => !url.endsWith(contents))).toEqual([]);
    const kept = await reader.evaluate(async (url) => (await (await caches.match(url))?.json()) as { chapters: { audience: string; locked: boolean; sections: unknown[] }[] } | undefined, contents);
    for (const chapter of kept?.chapters.filter((c) => c.audience === 'professionals') ?? []) expect(chapter).toMatchObject({ locked: true, sections: [] });
    await signedIn.context.close();
  });

  test('on a fresh load of a chapter the first Tab reaches the skip link, which leads into the text', async () => {
    const fresh = await newJourney(browser, { locale: 'ro-RO' });
    await fresh.page.goto('/library/manual/forms-and-control');
    await fresh.page.locator('[data-section-heading]').first().waitFor();
    await fresh.page.keyboard.press('Tab');
    const focused = await fresh.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    expect(focused).toBe(text('ro', 'common', 'skipLink'));
    await fresh.page.keyboard.press('Enter');
    await expect.poll(() => fresh.page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await fresh.context.close();
  });

  test('at 360 px a chapter does not scroll sideways', async () => {
    const narrow = await newJourney(browser, { locale: 'ro-RO', width: 360 });
    await narrow.page.goto('/library/manual/forms-and-control');
    await narrow.page.locator('[data-section-heading]').first().waitFor();
    const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await narrow.context.close();
  });
});
