// Steps shared by the sign-in journeys, written as a person does them: through labels and button names, in the
// language the page is in, with an axe check on every page reached.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from '#server/features/demo/demo-data.ts';
import { Authenticator, exactly, expectNoAxeViolations, expectNoRawKeys, text, type Language } from './support.ts';

export { DEMO_PASSWORD };

/** The demo account that demonstrates `shows` (a role, or 'platform_admin'). */
export function demoAccount(shows: DemoAccount['shows']): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.shows === shows);
  if (!account) throw new Error(`No demo account shows ${shows}`);
  return account;
}

/** The language the page is in now (<html lang>). */
export async function pageLanguage(page: Page): Promise<Language> {
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== 'en' && lang !== 'ro' && lang !== 'nb') throw new Error(`Unexpected page language "${lang}"`);
  return lang;
}

export async function expectHeading(page: Page, namespace: string, key: string, level = 1): Promise<void> {
  const lang = await pageLanguage(page);
  await page.getByRole('heading', { level, name: exactly(text(lang, namespace, key)) }).waitFor();
}

/** On /sign-in: types the email and password and submits. */
export async function submitPassword(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const lang = await pageLanguage(page);
  await expectHeading(page, 'auth', 'signIn.title');
  await page.getByLabel(text(lang, 'auth', 'signIn.email'), { exact: true }).fill(email);
  await page.getByLabel(text(lang, 'auth', 'signIn.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: exactly(text(lang, 'auth', 'signIn.submit')) }).click();
}

/**
 * On /sign-in/enrol: reads the key shown for manual entry, confirms with a code from it, checks and saves the
 * recovery codes, and continues. Returns the authenticator and the recovery codes.
 */
export async function enrolTwoFactor(page: Page, options: { codeTools?: boolean } = {}): Promise<{ authenticator: Authenticator; recoveryCodes: string[] }> {
  await page.waitForURL(/\/sign-in\/enrol$/);
  const lang = await pageLanguage(page);
  await expectHeading(page, 'auth', 'enrol.title');
  const secretBox = page.getByLabel(text(lang, 'auth', 'enrol.secretLabel'), { exact: true });
  await secretBox.waitFor();
  await page.getByRole('img', { name: text(lang, 'auth', 'enrol.qrAlt') }).waitFor();
  await expectNoAxeViolations(page);
  const authenticator = new Authenticator((await secretBox.textContent()) ?? '');
  expect(authenticator.secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel(text(lang, 'auth', 'enrol.codeLabel'), { exact: true }).fill(await authenticator.code());
  await page.getByRole('button', { name: exactly(text(lang, 'auth', 'enrol.confirm')) }).click();

  await expectHeading(page, 'auth', 'recovery.heading', 2);
  const list = page.getByRole('list', { name: text(lang, 'auth', 'recovery.listLabel') });
  const recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
  expect(recoveryCodes.length).toBeGreaterThanOrEqual(8);
  expect(new Set(recoveryCodes).size).toBe(recoveryCodes.length);
  await expectCleanCodeList(page, lang);
  if (options.codeTools) await useRecoveryCodeTools(page, lang, recoveryCodes);
  await expectNoAxeViolations(page);
  await page.getByLabel(text(lang, 'auth', 'recovery.saved'), { exact: true }).check();
  await page.getByRole('button', { name: exactly(text(lang, 'auth', 'recovery.continue')) }).click();
  return { authenticator, recoveryCodes };
}

/** The codes read as codes: one code per item, monospace, inside its box, with no list number beside it (issue 8). */
async function expectCleanCodeList(page: Page, lang: Language): Promise<void> {
  const items = page.getByRole('list', { name: text(lang, 'auth', 'recovery.listLabel') }).getByRole('listitem');
  const styles = await items.evaluateAll((elements) =>
    elements.map((li) => {
      const style = getComputedStyle(li);
      const marker = getComputedStyle(li, '::marker').content;
      const numbered = style.display === 'list-item' && style.listStyleType !== 'none' && marker !== 'none';
      return { text: (li as HTMLElement).innerText.trim(), numbered, font: style.fontFamily, spills: li.scrollWidth > li.clientWidth };
    }),
  );
  for (const item of styles) {
    expect(item.text).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(item.numbered, `a list number beside ${item.text}`).toBe(false);
    expect(item.font).toMatch(/mono|consolas/i);
    expect(item.spills, `${item.text} spills out of its box`).toBe(false);
  }
}

/** Copy (clipboard), Download (a neutral .txt with only the codes and one line) and Print (only the codes on paper). */
async function useRecoveryCodeTools(page: Page, lang: Language, codes: string[]): Promise<void> {
  const t = (key: string) => text(lang, 'auth', `recovery.${key}`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.getByRole('button', { name: exactly(t('copy')) }).click();
  await page.getByRole('status').filter({ hasText: t('copied') }).waitFor();
  expect((await page.evaluate(() => navigator.clipboard.readText())).trim().split('\n')).toEqual(codes);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: exactly(t('download')) }).click()]);
  expect(download.suggestedFilename()).toBe('recovery-codes.txt');
  const file = readFileSync(await download.path(), 'utf8');
  expect(file).toBe(`${t('fileLine')}\n\n${codes.join('\n')}\n`);

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByRole('button', { name: exactly(t('print')) }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  try {
    const list = page.getByRole('list', { name: t('listLabel') });
    expect(await list.isVisible()).toBe(true);
    for (const hidden of [page.locator('header'), page.getByLabel(t('saved'), { exact: true }), page.getByRole('button', { name: exactly(t('copy')) })]) {
      expect(await hidden.isVisible()).toBe(false);
    }
  } finally {
    await page.emulateMedia({ media: null });
  }
}

/** On /sign-in after the password: the two-step check with an authenticator code (or a recovery code). */
export async function giveSecondFactor(page: Page, code: { totp: Authenticator } | { recoveryCode: string }): Promise<void> {
  const lang = await pageLanguage(page);
  await expectHeading(page, 'auth', 'totp.heading', 2);
  await expectNoAxeViolations(page);
  if ('totp' in code) {
    await page.getByLabel(text(lang, 'auth', 'totp.codeLabel'), { exact: true }).fill(await code.totp.code());
  } else {
    await page.getByRole('button', { name: exactly(text(lang, 'auth', 'totp.useRecovery')) }).click();
    await page.getByLabel(text(lang, 'auth', 'totp.recoveryLabel'), { exact: true }).fill(code.recoveryCode);
  }
  await page.getByRole('button', { name: exactly(text(lang, 'auth', 'totp.submit')) }).click();
}

/** Home, signed in as `displayName`, checked with axe. */
export async function expectSignedInHome(page: Page, displayName: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/');
  await expectHeading(page, 'common', 'home.title');
  const lang = await pageLanguage(page);
  await page.getByText(text(lang, 'common', 'home.signedInAs').replace('{{name}}', displayName), { exact: true }).waitFor();
  await expectNoRawKeys(page);
  await expectNoAxeViolations(page);
}

export async function signOut(page: Page): Promise<void> {
  const lang = await pageLanguage(page);
  await page.getByRole('button', { name: exactly(text(lang, 'common', 'nav.signOut')) }).click();
  await page.waitForURL(/\/sign-in$/);
  await expectHeading(page, 'auth', 'signIn.title');
}

/** Follows a link of the main navigation by its name. */
/** Follows a main-menu link; `key` is a common-namespace key or "<namespace>:<key>". */
export async function openNav(page: Page, key: string): Promise<void> {
  const lang = await pageLanguage(page);
  const [namespace, name] = key.includes(':') ? (key.split(':') as [string, string]) : ['common', key];
  const nav = page.getByRole('navigation', { name: text(lang, 'common', 'nav.label') });
  await nav.getByRole('link', { name: exactly(text(lang, namespace, name)) }).click();
}
