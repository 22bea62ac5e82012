// Journey: the association's case manager opens a case with an identity, then starts a second one for a person with
// the same phone number and is warned of the possible duplicate (with a link to the first case) before anything is
// opened; edits the first case's overview ("declined to answer" kept apart from "no"); and builds the team: the
// psychologist of another organisation is refused until the person consents to that share, the coordinator of the
// same organisation joins with the grants ticked. On a server of its own, so its data and enrolments are its own.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoAccount, enrolTwoFactor, expectHeading, expectSignedInHome, openNav, pageLanguage, submitPassword } from './journeys.ts';
import type { RunningServer } from './server.ts';
import { exactly, expectNoAxeViolations, expectNoRawKeys, newJourney, startOwnServer, stopOwnServer, text, type Language } from './support.ts';

const caseManager = demoAccount('case_manager');
const psychologist = demoAccount('psychologist');
const coordinator = demoAccount('coordinator');
const PHONE = '+40 712 345 918';

let browser: Browser;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let lang: Language;
const t = (key: string) => text(lang, 'cases', key);

beforeAll(async () => {
  ({ server, browser } = await startOwnServer('pro-health-cases-'));
  ({ context, page } = await newJourney(browser, { locale: 'ro-RO' }));
  await page.goto(`${server.url}/sign-in`);
  await submitPassword(page, caseManager.email);
  await enrolTwoFactor(page);
  await expectSignedInHome(page, caseManager.displayName);
  lang = await pageLanguage(page);
});

afterAll(() => stopOwnServer(server, [browser], context ? [context] : []));

/** On /cases/new: the person's age band, and an identity with the given names and one phone number. */
async function fillNewCase(givenName: string): Promise<void> {
  await expectHeading(page, 'cases', 'new.title');
  await page.getByLabel(t('overview.ageBand'), { exact: true }).selectOption('21-23');
  await page.getByLabel(t('overview.gender'), { exact: true }).selectOption('Feminine');
  await page.getByLabel(t('overview.citizenship'), { exact: true }).fill('RO');
  await page.getByRole('checkbox', { name: t('new.withIdentity') }).check();
  await page.getByLabel(t('identity.givenName'), { exact: true }).fill(givenName);
  await page.getByLabel(t('identity.familyName'), { exact: true }).fill('Testescu');
  await page.getByRole('button', { name: exactly(t('identity.addContact')) }).click();
  await page.getByLabel(t('identity.contactValue'), { exact: true }).fill(PHONE);
}

describe('the core of a case file', () => {
  let firstCode = '';
  let firstPath = '';

  test('the case manager opens a case with an identity; the vault shows it and says every view is recorded', async () => {
    await openNav(page, 'nav.cases');
    await expectHeading(page, 'cases', 'list.title');
    // NOTE: the demo case manager already works on a few demo cases: the list shows them.
    await page.getByRole('table').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: exactly(t('list.newCase')) }).click();
    await fillNewCase('Ana');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: exactly(t('new.checkAndOpen')) }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    firstPath = new URL(page.url()).pathname;
    const title = page.getByRole('heading', { level: 1, name: /[A-Z]+-\d{4}-\d{4}/ });
    await title.waitFor();
    firstCode = ((await title.textContent()) ?? '').replace(/^.*?([A-Z]+-\d{4}-\d{4}).*$/, '$1');
    expect(firstCode).toMatch(/^[A-Z]+-\d{4}-\d{4}$/);
    expect(page.url()).not.toContain('Ana');
    await page.getByRole('heading', { level: 2, name: exactly(t('safeContact.title')) }).waitFor();
    await expectNoRawKeys(page);
    await expectNoAxeViolations(page);

    await page.getByRole('navigation', { name: t('page.sections') }).getByRole('link', { name: exactly(t('section.identity')) }).click();
    await page.getByText(t('identity.auditNote'), { exact: true }).waitFor();
    await page.getByText(`${text(lang, 'cases', 'contactKind.phone')}: ${PHONE}`, { exact: true }).waitFor();
    await page.getByText('Testescu', { exact: true }).waitFor();
    await expectNoAxeViolations(page);
  });

  test('a second person with the same phone number: the duplicate is shown before any case is opened', async () => {
    await page.goto(`${server.url}/cases`);
    await expectHeading(page, 'cases', 'list.title');
    await page.getByRole('table').waitFor();
    const rowsBefore = await page.getByRole('row').count();
    await page.getByRole('link', { name: exactly(t('list.newCase')) }).click();
    await fillNewCase('Maria');
    await page.getByRole('button', { name: exactly(t('new.checkAndOpen')) }).click();
    const warning = page.getByRole('alert').filter({ hasText: t('duplicates.title') });
    await warning.waitFor();
    await warning.getByRole('link', { name: exactly(firstCode) }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cases/new');
    await page.getByRole('button', { name: exactly(t('new.openAnyway')) }).waitFor();
    await expectNoAxeViolations(page);
    // Nothing was opened: the list holds as many cases as before.
    await page.goto(`${server.url}/cases`);
    await expectHeading(page, 'cases', 'list.title');
    await page.getByRole('table').waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(rowsBefore);
  });

  test('the overview is edited: "declined to answer" is kept as such, not as "no"', async () => {
    await page.goto(`${server.url}${firstPath}`);
    await page.getByRole('button', { name: exactly(t('overview.edit')) }).click();
    await expectHeading(page, 'cases', 'overview.editTitle', 2);
    const exploitation = page.getByRole('group', { name: t('context.typeOfExploitation'), exact: true });
    await exploitation.getByRole('radio', { name: t('answer.declined'), exact: true }).check();
    const control = page.getByRole('group', { name: t('context.methodsOfControl'), exact: true });
    await control.getByRole('radio', { name: t('answer.given'), exact: true }).check();
    await control.getByRole('checkbox', { name: text(lang, 'cases', 'code.methodsOfControl.DebtBondage'), exact: true }).check();
    await page.getByLabel(t('safeContact.codeWord'), { exact: true }).fill('lavandă');
    await expectNoAxeViolations(page);
    // Someone else saves the case meanwhile: the save is refused, their values are shown, and the input stays.
    const caseId = firstPath.split('/').at(-1)!;
    const status = await page.evaluate(async (id) => {
      const current = (await (await fetch(`/api/cases/${id}`)).json()) as { version: number };
      const res = await fetch(`/api/cases/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: current.version, gender: 'NonSpecifiedUnknown' }) });
      return res.status;
    }, caseId);
    expect(status).toBe(200);
    await page.getByRole('button', { name: exactly(t('overview.save')) }).click();
    await page.getByRole('alert').filter({ hasText: t('overview.conflict') }).waitFor();
    await page.getByText(t('overview.conflictTitle'), { exact: true }).waitFor();
    await expect(page.getByLabel(t('safeContact.codeWord'), { exact: true }).inputValue()).resolves.toBe('lavandă');
    await expect(exploitation.getByRole('radio', { name: t('answer.declined'), exact: true }).isChecked()).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: exactly(t('overview.saveAnyway')) }).click();
    await page.getByRole('status').filter({ hasText: t('overview.saved') }).waitFor();
    const facts = page.locator('dl.facts').filter({ hasText: t('context.typeOfExploitation') });
    await expect.poll(async () => (await facts.locator('dt', { hasText: exactly(t('context.typeOfExploitation')) }).locator('+ dd').textContent())?.trim()).toBe(t('answer.declined'));
    await expect.poll(async () => (await facts.locator('dt', { hasText: exactly(t('context.methodsOfControl')) }).locator('+ dd').textContent())?.trim()).toBe(text(lang, 'cases', 'code.methodsOfControl.DebtBondage'));
    await page.locator('.safe-contact-panel').getByText('lavandă', { exact: true }).waitFor();
    await expectNoAxeViolations(page);
  });

  test('the team: another organisation’s psychologist needs the person’s consent; the coordinator joins, gets more access, leaves', async () => {
    await page.getByRole('navigation', { name: t('page.sections') }).getByRole('link', { name: exactly(t('section.team')) }).click();
    await expectHeading(page, 'cases', 'team.title', 2);
    await page.getByLabel(t('team.email'), { exact: true }).fill(psychologist.email);
    await page.getByLabel(t('team.role'), { exact: true }).selectOption('psychologist');
    await expect(page.getByRole('checkbox', { name: exactly(t('category.psychological')) }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: exactly(t('category.identity')) }).isChecked()).resolves.toBe(false);
    await page.getByRole('button', { name: exactly(t('team.add')) }).click();
    await page.getByRole('alert').filter({ hasText: t('team.needsConsent') }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel(t('team.email'), { exact: true }).fill(coordinator.email);
    await page.getByLabel(t('team.role'), { exact: true }).selectOption('coordinator');
    await page.getByRole('checkbox', { name: exactly(t('category.social')) }).check();
    await page.getByRole('button', { name: exactly(t('team.add')) }).click();
    await page.getByRole('status').filter({ hasText: t('team.added').replace('{{name}}', coordinator.email) }).waitFor();
    const member = page.getByRole('listitem').filter({ hasText: coordinator.displayName });
    await member.getByText(`${t('team.sees')} ${t('category.general')}, ${t('category.social')}`, { exact: true }).waitFor();
    await expectNoRawKeys(page);
    await expectNoAxeViolations(page);

    // Their access changes in a dialog; then they leave the team after a confirmation.
    await member.getByRole('button', { name: exactly(`${t('team.changeGrants')} ${coordinator.displayName}`) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: exactly(t('category.legal')) }).check();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: exactly(t('team.saveGrants')) }).click();
    await member.getByText(`${t('team.sees')} ${t('category.general')}, ${t('category.legal')}, ${t('category.social')}`, { exact: true }).waitFor();
    await member.getByRole('button', { name: exactly(`${t('team.remove')} ${coordinator.displayName}`) }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(t('team.removeText').replace('{{name}}', coordinator.displayName), { exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: exactly(t('team.remove')) }).click();
    await page.getByRole('status').filter({ hasText: t('team.removed').replace('{{name}}', coordinator.displayName) }).waitFor();
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: coordinator.displayName }).count()).toBe(0);
  });
});
