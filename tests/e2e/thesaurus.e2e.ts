// Journey: the demo editor (Romanian) opens Search synonyms from the desk, is stopped from adding a term that another
// group already holds (error summary), adds a group, sees it as tags, then deletes it after confirming; axe clean.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoAccount, expectSignedInHome, submitPassword } from './journeys.ts';
import { exactly, expectNoAxeViolations, hasNamespace, launchBrowser, newJourney, text } from './support.ts';

const th = (key: string) => text('ro', 'thesaurus', key);
const editor = demoAccount('editor');
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe.skipIf(!hasNamespace('thesaurus'))('search synonyms in the desk', () => {
  test('an editor adds a group of synonyms and deletes it again', async () => {
    const journey = await newJourney(browser, { locale: 'ro-RO' });
    context = journey.context;
    const page = journey.page;
    await page.goto('/sign-in');
    await submitPassword(page, editor.email);
    await expectSignedInHome(page, editor.displayName);
    await page.goto('/desk');
    await page.getByRole('link', { name: exactly(th('link')) }).click();
    await page.getByRole('heading', { level: 1, name: exactly(th('title')) }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'copilului' }).first().waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: exactly(th('new')) }).click();
    const terms = page.getByRole('textbox', { name: exactly(th('form.terms')) });
    await terms.fill('zebrafoo\nindicatori');
    await page.getByRole('button', { name: exactly(th('form.save')) }).click();
    await page.getByRole('alert').filter({ hasText: th('form.errorSummary') }).waitFor();
    expect(await terms.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);

    await terms.fill('zebrafoo\nquokka');
    await page.getByRole('button', { name: exactly(th('form.save')) }).click();
    await page.getByRole('status').filter({ hasText: th('created') }).waitFor();
    const group = page.getByRole('listitem').filter({ has: page.getByRole('list', { name: th('termsOf').replace('{{name}}', 'zebrafoo, quokka') }) });
    await group.getByText('quokka', { exact: true }).waitFor();

    await group.getByRole('button', { name: `${th('delete')} (zebrafoo, quokka)` }).click();
    await group.getByRole('button', { name: `${th('delete')} (zebrafoo, quokka)` }).click();
    await page.getByRole('status').filter({ hasText: th('deleted') }).waitFor();
    expect(await page.getByText('zebrafoo', { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
