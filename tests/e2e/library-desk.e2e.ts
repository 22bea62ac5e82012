// Journey: the editorial desk, in Romanian (the demo editor's and reviewer's language). The editor edits a section
// (toolbar, preview, the warning before leaving), saves and submits it and cannot publish it; the reviewer finds it
// waiting, compares it with the published revision and publishes it; an anonymous reader finds the new text by
// searching without diacritics, reads it, and reads it again offline. Then a
// stale save from a second browser (409 dialog), a return to draft with a note, a restore, and reader reports
// closed as revised and declined. Axe on every desk page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoAccount, expectSignedInHome, submitPassword } from './journeys.ts';
import { baseUrl, exactly, expectNoAxeViolations, expectSavedForOffline, hasNamespace, launchBrowser, newJourney, text } from './support.ts';

const d = (key: string, values: Record<string, string | number> = {}) =>
  Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, String(v)), text('ro', 'library-desk', key));
const editor = demoAccount('editor');
const reviewer = demoAccount('reviewer');
const CHAPTER = '/api/library/publications/guide/chapters/quality-checklist?lang=ro';
const NEW_TEXT = 'Verificați lista o dată pe trimestru, împreună cu echipa de gardă.\n\n';
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const ALT = { en: 'A body map', ro: 'O hartă a corpului', nb: 'Et kroppskart' };


let browser: Browser;
const opened: BrowserContext[] = [];
/** Section ids of the chapter used here (guide, quality checklist), by slug. */
let sections: Record<string, string> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  const res = await fetch(new URL(CHAPTER, baseUrl()));
  const chapter = (await res.json()) as { sections: { id: string; slug: string }[] };
  sections = Object.fromEntries(chapter.sections.map((s) => [s.slug, s.id]));
});
afterAll(async () => {
  for (const context of opened) await context.close().catch(() => undefined);
  await browser?.close();
});

async function signedIn(account: typeof editor): Promise<Page> {
  const { context, page } = await newJourney(browser, { locale: 'ro-RO' });
  opened.push(context);
  await page.goto('/sign-in');
  await submitPassword(page, account.email);
  await expectSignedInHome(page, account.displayName);
  return page;
}

const editorUrl = (slug: string) => `/desk/sections/${sections[slug]}/ro`;
const body = (page: Page) => page.getByLabel(d('editor.body'), { exact: true });
const status = (page: Page, message: string) => page.getByRole('status').filter({ hasText: message }).waitFor();

async function openEditor(page: Page, slug: string): Promise<void> {
  await page.goto(editorUrl(slug));
  await body(page).waitFor();
  expect(await page.title()).toBe(`${d('editor.documentTitle')} · Pro Health`);
}

/** Client-side checks, the server's sniffing (400), then a real PNG whose Markdown lands at the caret. */
async function uploadImage(page: Page): Promise<void> {
  await body(page).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
  await page.locator('summary').filter({ hasText: d('image.toggle') }).click();
  const form = page.locator('.image-upload form');
  const submit = form.getByRole('button', { name: exactly(d('image.submit')) });
  await submit.click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(d('image.errors.noFile'));
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(d('image.errors.alt.nb'));
  await expectNoAxeViolations(page);

  const file = form.getByLabel(d('image.file'), { exact: true });
  await file.setInputFiles({ name: 'harta.png', mimeType: 'image/png', buffer: Buffer.from('only text, named like a picture') });
  for (const lang of ['en', 'ro', 'nb'] as const) await form.getByLabel(d(`image.alt.${lang}`), { exact: true }).fill(ALT[lang]);
  await submit.click();
  await form.locator('.field-error').filter({ hasText: d('image.errors.notImage') }).waitFor();

  await file.setInputFiles({ name: 'harta.png', mimeType: 'image/png', buffer: PNG });
  await submit.click();
  await status(page, d('image.inserted'));
  expect(await body(page).inputValue()).toMatch(/\n\n!\[O hartă a corpului\]\(\/api\/library\/images\/[0-9a-f-]{36}\)$/);
}

describe.skipIf(!hasNamespace('library-desk'))('the editorial desk, in Romanian', () => {
  let editorPage: Page;
  let reviewerPage: Page;
  let secondEditor: Page;

  test('the editor finds the desk in the menu and a section through its publication; desk pages are axe clean', async () => {
    editorPage = await signedIn(editor);
    const page = editorPage;
    await page.getByRole('navigation', { name: text('ro', 'common', 'nav.label') }).getByRole('link', { name: exactly(d('nav')) }).click();
    await page.getByRole('heading', { level: 1, name: exactly(d('dashboard.title')) }).waitFor();
    await page.getByRole('heading', { level: 2, name: exactly(d('dashboard.drafts')) }).waitFor();
    await expectNoAxeViolations(page);

    await page.locator('a[href="/desk/publications/guide"]').click();
    await page.getByRole('heading', { level: 2, name: /Capitolul 8/ }).waitFor();
    await expectNoAxeViolations(page);
    await page.locator(`a[href="${editorUrl('using')}"]`).click();
    await body(page).waitFor();
    await page.getByText(d('state.published'), { exact: true }).first().waitFor();
    await expectNoAxeViolations(page);
  });

  test('edits with the toolbar, previews the server rendering, is warned before leaving, saves and submits', async () => {
    const page = editorPage;
    await body(page).fill(NEW_TEXT);
    await body(page).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 'Verificați lista'.length));
    await page.getByRole('toolbar', { name: d('toolbar.label') }).getByRole('button', { name: exactly(d('toolbar.bold')) }).click();
    expect(await body(page).inputValue()).toBe(`**Verificați lista**${NEW_TEXT.slice('Verificați lista'.length)}`);

    await uploadImage(page);

    await page.getByRole('tab', { name: exactly(d('editor.preview')) }).click();
    await page.locator('.preview .prose strong').filter({ hasText: 'Verificați lista' }).waitFor();
    await page.locator('.preview .prose img').and(page.getByAltText(ALT.ro)).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('tab', { name: exactly(d('editor.write')) }).click();

    await page.getByRole('navigation', { name: text('ro', 'common', 'nav.label') }).getByRole('link', { name: exactly(text('ro', 'library', 'title')) }).click();
    const leave = page.getByRole('alertdialog', { name: d('leave.title') });
    await leave.waitFor();
    await expectNoAxeViolations(page);
    await leave.getByRole('button', { name: exactly(d('leave.stay')) }).click();
    await leave.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe(editorUrl('using'));
    expect(await body(page).inputValue()).toContain('**Verificați lista**');

    await page.getByRole('button', { name: exactly(d('editor.save')) }).click();
    await status(page, d('editor.saved', { number: 2 }));
    await page.getByRole('button', { name: exactly(d('workflow.submit')) }).click();
    await status(page, d('workflow.submitted'));
    await page.getByText(d('state.in_review'), { exact: true }).first().waitFor();
    // NOTE: in review the text is the reviewer's to read: locked here, with the way to take it back named.
    await page.getByText(d('editor.inReviewLocked')).waitFor();
    expect(await body(page).getAttribute('readonly')).not.toBeNull();
    await page.getByRole('button', { name: exactly(d('workflow.withdraw')) }).waitFor();
  });

  test('the editor cannot publish: no publish button, and the server refuses (403)', async () => {
    const page = editorPage;
    expect(await page.getByRole('button', { name: exactly(d('workflow.publish')) }).count()).toBe(0);
    const edit = await (await page.request.get(`/api/library/sections/${sections.using}/texts/ro`)).json();
    const res = await page.request.post(`/api/library/sections/${sections.using}/texts/ro/publish`, { data: { version: edit.version } });
    expect(res.status()).toBe(403);
  });

  test('the reviewer finds it waiting, compares it with the published revision and publishes it', async () => {
    reviewerPage = await signedIn(reviewer);
    const page = reviewerPage;
    await page.goto('/desk');
    const waiting = page.getByRole('region', { name: d('dashboard.waiting') });
    // NOTE: the reviewer lands on what changed since the published version, without choosing revisions.
    await waiting.getByRole('link', { name: new RegExp(`^${d('dashboard.changes')}: `) }).click();
    await page.getByRole('heading', { level: 1, name: exactly(d('revisions.title')) }).waitFor();
    await page.getByText(d('diff.between', { from: 1, to: 2 })).waitFor();
    await page.locator('.diff ins').filter({ hasText: 'trimestru' }).first().waitFor();
    expect(await page.locator('.diff del').count()).toBeGreaterThan(0);
    expect(await page.locator('.diff ins .visually-hidden').first().textContent()).toContain(d('diff.addedStart'));
    await expectNoAxeViolations(page);

    // NOTE: the reviewer publishes right under the changes, after one confirmation.
    await page.getByRole('button', { name: exactly(d('workflow.publish')) }).click();
    const question = page.getByText(d('workflow.confirmPublish', { number: 2 }));
    await expect.poll(() => question.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: exactly(d('workflow.confirmYes')) }).click();
    await status(page, d('workflow.published'));
    await expectNoAxeViolations(page);
  });

  test('an anonymous reader finds the new text typed without diacritics, reads it, and still reads it offline', async () => {
    const { context, page } = await newJourney(browser, { locale: 'ro-RO' });
    opened.push(context);
    await page.goto('/library');
    await page.getByRole('searchbox', { name: text('ro', 'library', 'search.label') }).pressSequentially('trimestru echipa garda', { delay: 30 });
    const first = page.locator('ol.result-list > li').first();
    await first.waitFor();
    expect(await first.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['gardă']));
    await first.getByRole('link').first().click();
    await page.waitForURL(/\/library\/guide\/quality-checklist#using$/);

    const readNewText = async () => {
      const section = page.locator('section').filter({ has: page.locator('#using') });
      await section.locator('strong').filter({ hasText: 'Verificați lista' }).waitFor();
      expect(await section.textContent()).toContain('împreună cu echipa de gardă');
      await section.getByAltText(ALT.ro).waitFor();
    };
    await readNewText();

    // The worker saves the published library after the first visit; the saved chapter holds the new text.
    await expectSavedForOffline(page, CHAPTER);
    await context.setOffline(true);
    await page.reload();
    await readNewText();
    await page.getByRole('status').filter({ hasText: text('ro', 'library', 'offline.status') }).waitFor();
    await context.setOffline(false);
  });

  test('a stale save from a second browser shows the newer revision; the editor chooses what to keep', async () => {
    const first = editorPage;
    const second = await signedIn(editor);
    secondEditor = second;
    await openEditor(first, 'institutional');
    await openEditor(second, 'institutional');

    await body(first).fill('Versiunea salvată prima.');
    await first.getByRole('button', { name: exactly(d('editor.save')) }).click();
    await status(first, d('editor.saved', { number: 2 }));

    await body(second).fill('Versiunea scrisă în paralel.');
    await second.getByRole('button', { name: exactly(d('editor.save')) }).click();
    const dialog = second.getByRole('alertdialog', { name: d('conflict.title') });
    await dialog.waitFor();
    await dialog.getByText('Versiunea salvată prima.').waitFor();
    expect(await body(second).inputValue()).toBe('Versiunea scrisă în paralel.');
    await expectNoAxeViolations(second);
    await dialog.getByRole('button', { name: exactly(d('conflict.load')) }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await body(second).inputValue()).toBe('Versiunea salvată prima.');

    // Once more, keeping the text typed here: the next save goes on top of the other one.
    await body(first).fill('A doua versiune din primul browser.');
    await first.getByRole('button', { name: exactly(d('editor.save')) }).click();
    await status(first, d('editor.saved', { number: 3 }));
    await body(second).fill('Textul meu, păstrat.');
    await second.getByRole('button', { name: exactly(d('editor.save')) }).click();
    await dialog.getByRole('button', { name: exactly(d('conflict.keep')) }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await body(second).inputValue()).toBe('Textul meu, păstrat.');
    await second.getByRole('button', { name: exactly(d('editor.save')) }).click();
    await status(second, d('editor.saved', { number: 4 }));
  });

  test('the reviewer returns a text to draft with a required note, which the editor then sees', async () => {
    expect(secondEditor && reviewerPage, 'the conflict and publishing journeys ran first').toBeTruthy();
    const page = secondEditor;
    await page.getByRole('button', { name: exactly(d('workflow.submit')) }).click();
    await status(page, d('workflow.submitted'));

    await openEditor(reviewerPage, 'institutional');
    await reviewerPage.locator('summary').filter({ hasText: d('workflow.return') }).click();
    const form = reviewerPage.locator('.return-form form');
    await form.getByRole('button', { name: exactly(d('workflow.returnSubmit')) }).click();
    await expect.poll(() => reviewerPage.evaluate(() => document.activeElement?.textContent ?? '')).toContain(d('workflow.noteRequired'));
    await expectNoAxeViolations(reviewerPage);
    await form.getByLabel(d('workflow.note'), { exact: true }).fill('Adăugați sursele la final.');
    await form.getByRole('button', { name: exactly(d('workflow.returnSubmit')) }).click();
    await status(reviewerPage, d('workflow.returned'));

    await page.reload();
    await page.getByText('Adăugați sursele la final.').waitFor();
    await page.getByText(d('state.draft'), { exact: true }).first().waitFor();

    await page.getByRole('link', { name: exactly(d('editor.revisionsLink')) }).click();
    await page.getByRole('button', { name: exactly(d('revisions.restoreNamed', { number: 1 })) }).click();
    await status(page, d('revisions.restored', { from: 1, number: 5 }));
    await expectNoAxeViolations(page);
  });

  test('reader reports are closed as declined (a reason is required) and as revised', async () => {
    const page = editorPage;
    for (const kind of ['unclear', 'outdated']) {
      const res = await page.request.post('/api/library/reports', { data: { sectionId: sections['case-level'], language: 'ro', kind, comment: `Semnalare de test: ${kind}.` } });
      expect(res.status()).toBe(201);
    }
    await page.goto('/desk/reports');
    await page.getByRole('heading', { level: 1, name: exactly(d('reports.title')) }).waitFor();
    const card = (kind: string) => page.locator('article').filter({ hasText: `Semnalare de test: ${kind}.` });
    await card('unclear').waitFor();
    await expectNoAxeViolations(page);

    await card('unclear').locator('summary').filter({ hasText: d('reports.close') }).click();
    await card('unclear').getByRole('radio', { name: d('reports.resolutions.declined') }).check();
    await card('unclear').getByRole('button', { name: exactly(d('reports.closeSubmit')) }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(d('reports.errors.reason'));
    await expectNoAxeViolations(page);
    await card('unclear').getByLabel(d('reports.reason'), { exact: true }).fill('Textul a fost verificat și este clar.');
    await card('unclear').getByRole('button', { name: exactly(d('reports.closeSubmit')) }).click();
    await status(page, d('reports.closedMessage'));
    await card('unclear').waitFor({ state: 'detached' });

    await card('outdated').locator('summary').filter({ hasText: d('reports.close') }).click();
    await card('outdated').getByRole('radio', { name: d('reports.resolutions.revised') }).check();
    await card('outdated').getByLabel(d('reports.revision'), { exact: true }).waitFor();
    await card('outdated').getByRole('button', { name: exactly(d('reports.closeSubmit')) }).click();
    await card('outdated').waitFor({ state: 'detached' });

    await page.getByRole('link', { name: exactly(d('reports.show.closed')) }).click();
    await card('outdated').getByText(d('reports.resolutions.revised'), { exact: true }).waitFor();
    await expectNoAxeViolations(page);
  });

  test('at 360 px the editor does not scroll sideways', async () => {
    const page = editorPage;
    await page.setViewportSize({ width: 360, height: 800 });
    await openEditor(page, 'using');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
