// Journey of issue 10: a Norwegian clinician refers a person to the association (set up through the API); the
// association's Romanian case manager accepts the referral, opens a case from it, records the person's consent and
// the medical counselling given; shares the case with the Aurora institute's psychologist, who sees only the
// psychological part; the coordinator opens the case with emergency access and the owner sees it; the case is
// closed with a coordinator's approval; the case page and its parts are checked with axe in three languages.
// On a server of its own, so its data and enrolments are its own.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from '#server/features/demo/demo-data.ts';
import { apiSession } from './events-support.ts';
import { demoAccount, enrolTwoFactor, expectHeading, expectSignedInHome, pageLanguage, submitPassword } from './journeys.ts';
import type { RunningServer } from './server.ts';
import { exactly, expectNoAxeViolations, expectNoRawKeys, newJourney, startOwnServer, stopOwnServer, text, type Language } from './support.ts';

const clinician = DEMO_ACCOUNTS.find((a) => a.email.startsWith('clinician-nb@'))!;
const caseManager = demoAccount('case_manager');
const psychologist = demoAccount('psychologist');
const coordinator = demoAccount('coordinator');
const BREAK_GLASS_REASON = 'Night call from the shelter: the owner cannot be reached and a safety decision is needed now.';

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ server, browser } = await startOwnServer('pro-health-case-journey-'));
});

afterAll(() => stopOwnServer(server, [browser], contexts));

/** A person signed in through the sign-in page (password, then two-step enrolment), in a browser context of their own. */
async function signedIn(account: { email: string; displayName: string }, locale = 'ro-RO'): Promise<Page> {
  const { context, page } = await newJourney(browser, { locale });
  contexts.push(context);
  await page.goto(`${server.url}/sign-in`);
  await submitPassword(page, account.email);
  await enrolTwoFactor(page);
  await expectSignedInHome(page, account.displayName);
  return page;
}

/** What a screen must be: no raw translation keys, no axe violations. */
async function expectClean(page: Page): Promise<void> {
  await expectNoRawKeys(page);
  await expectNoAxeViolations(page);
}

/** Follows a part of the case page by its label ("namespace:key"). */
async function openPart(page: Page, label: string): Promise<void> {
  const lang = await pageLanguage(page);
  const [namespace, key] = label.split(':') as [string, string];
  await sectionNav(page, lang).getByRole('link', { name: exactly(text(lang, namespace, key)) }).click();
}

const sectionNav = (page: Page, lang: Language) => page.getByRole('navigation', { name: text(lang, 'cases', 'page.sections') });

/** In the assistance part: records one service of a type in a state (as the case owner, Romanian). */
async function recordAssistance(page: Page, type: string, state: string): Promise<void> {
  const a = (key: string) => text('ro', 'case-assistance', key);
  await openPart(page, 'case-assistance:section.assistance');
  await page.getByRole('button', { name: exactly(a('assistance.add')) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(a('assistance.type'), { exact: true }).selectOption(type);
  await dialog.getByLabel(a('assistance.state'), { exact: true }).selectOption(state);
  await dialog.getByLabel(a('assistance.providerRole'), { exact: true }).selectOption(type === 'psychological' ? 'psychologist' : 'doctor');
  await dialog.getByLabel(a('assistance.deliveryMode'), { exact: true }).selectOption('in_person');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: exactly(a('common.save')) }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('heading', { level: 3, name: exactly(a(`assistance.types.${type}`)) }).waitFor();
}

/** In the consent part: opens the form and ticks the scopes wanted (only those). */
async function startConsent(page: Page, scopes: string[]): Promise<void> {
  const c = (key: string) => text('ro', 'case-consent', key);
  await openPart(page, 'case-consent:section');
  await page.getByRole('button', { name: exactly(c('form.open')) }).click();
  for (const scope of ['services', 'share', 'statistics', 'research']) {
    await page.getByRole('checkbox', { name: exactly(c(`scope.${scope}`)) }).setChecked(scopes.includes(scope));
  }
}

async function saveConsent(page: Page): Promise<void> {
  const c = (key: string) => text('ro', 'case-consent', key);
  await page.getByRole('button', { name: exactly(c('form.save')) }).click();
  await page.getByRole('status').filter({ hasText: c('form.saved') }).waitFor();
}

describe('a case from an accepted referral, shared on a need-to-know basis, opened in an emergency and closed with approval', () => {
  let manager: Page;
  let coordinatorPage: Page;
  let referralId = '';
  let caseCode = '';
  let casePath = '';
  const t = (key: string) => text('ro', 'cases', key);

  test('set-up: the Norwegian clinician refers a person; the case manager accepts the referral', async () => {
    const clinicianApi = await apiSession(server.url, clinician.email);
    const found = await clinicianApi('GET', `/api/directory/services?accepting=true&q=${encodeURIComponent('Punți')}`);
    const service = (found.services as { id: string; organizationName: string; onPlatform: boolean }[]).find((s) => s.organizationName === DEMO_ORGANISATIONS.association.name && s.onPlatform)!;
    const expiresOn = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
    const consent = await clinicianApi('POST', '/api/consents', { subjectCode: 'NO-CASE-E2E', receiverServiceId: service.id, purposes: ['assistance', 'medical-care'], decision: 'given', coversIdentity: false, language: 'nb', withInterpreter: false, expiresOn });
    const referral = await clinicianApi('POST', '/api/referrals', { serviceId: service.id, send: true, package: { subjectCode: 'NO-CASE-E2E', ageBand: '25-34', urgency: 'routine', consentId: consent.id } });
    referralId = referral.id;

    manager = await signedIn(caseManager);
    await manager.goto(server.url + `/referrals/${referralId}`);
    await expectHeading(manager, 'referrals', 'detail.title');
    await manager.getByRole('button', { name: exactly(text('ro', 'referrals', 'action.accepted')) }).click();
    await manager.getByRole('status').filter({ hasText: text('ro', 'referrals', 'dialog.done').replace('{{status}}', text('ro', 'referrals', 'status.accepted')) }).waitFor();
  });

  test('the case manager opens a case from the referral; the overview links back to it', async () => {
    await manager.getByRole('link', { name: exactly(text('ro', 'referrals', 'detail.openCase')) }).click();
    await expectHeading(manager, 'cases', 'new.title');
    await manager.getByText(t('new.fromReferralHelp')).waitFor();
    await manager.getByLabel(t('overview.ageBand'), { exact: true }).selectOption('21-23');
    await expectClean(manager);
    await manager.getByRole('button', { name: exactly(t('new.open')) }).click();
    await manager.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    casePath = new URL(manager.url()).pathname;
    const title = manager.getByRole('heading', { level: 1, name: /[A-Z]+-\d{4}-\d{4}/ });
    caseCode = ((await title.textContent()) ?? '').replace(/^.*?([A-Z]+-\d{4}-\d{4}).*$/, '$1');
    expect(caseCode).toMatch(/^[A-Z]+-\d{4}-\d{4}$/);
    const back = manager.locator('dt', { hasText: exactly(t('overview.fromReferral')) }).locator('+ dd').getByRole('link');
    expect(await back.getAttribute('href')).toBe(`/referrals/${referralId}`);
    await expectClean(manager);
  });

  test('records the consent to receive services (seven guidance items) and the medical counselling delivered', async () => {
    const c = (key: string) => text('ro', 'case-consent', key);
    await startConsent(manager, ['services']);
    for (const item of ['interview', 'purpose', 'data_use', 'research_use', 'access_right', 'retention', 'withdrawal']) {
      await manager.getByRole('group', { name: c(`guidance.${item}`), exact: true }).getByRole('radio', { name: c('guidance.yes'), exact: true }).check();
    }
    await expectNoAxeViolations(manager);
    await saveConsent(manager);
    await manager.getByText(c('scope.services'), { exact: true }).first().waitFor();
    await expectClean(manager);

    await recordAssistance(manager, 'medical_counselling', 'delivered');
    const listed = manager.getByRole('listitem').filter({ hasText: text('ro', 'case-assistance', 'assistance.states.delivered') });
    await expect.poll(() => listed.count()).toBe(1);
    await expectClean(manager);
  });

  test('shares the case with Aurora, adds its psychologist with the psychological grant, records psychological support', async () => {
    await startConsent(manager, ['share']);
    await manager.getByLabel(text('ro', 'referrals', 'form.search'), { exact: true }).fill('Aurora');
    await manager.getByRole('button', { name: exactly(text('ro', 'referrals', 'form.searchButton')) }).click();
    // The search narrows the list to Aurora's services, and the consent form stays open (no page reload).
    await expect.poll(async () => (await manager.locator('.service-choices > li').allTextContents()).every((c) => c.includes(DEMO_ORGANISATIONS.aurora.name))).toBe(true);
    await manager.getByRole('listitem').filter({ hasText: DEMO_ORGANISATIONS.aurora.name }).first().getByRole('button').click();
    await manager.getByText(text('ro', 'case-consent', 'form.receiverChosen').replace('{{name}}', DEMO_ORGANISATIONS.aurora.name)).waitFor();
    await expectNoAxeViolations(manager);
    await saveConsent(manager);

    await openPart(manager, 'cases:section.team');
    await manager.getByLabel(t('team.email'), { exact: true }).fill(psychologist.email);
    await manager.getByLabel(t('team.role'), { exact: true }).selectOption('psychologist');
    expect(await manager.getByRole('checkbox', { name: exactly(t('category.psychological')) }).isChecked()).toBe(true);
    expect(await manager.getByRole('checkbox', { name: exactly(t('category.health')) }).isChecked()).toBe(false);
    await manager.getByRole('button', { name: exactly(t('team.add')) }).click();
    await manager.getByRole('status').filter({ hasText: t('team.added').replace('{{name}}', psychologist.email) }).waitFor();
    await expectClean(manager);

    await recordAssistance(manager, 'psychological', 'delivered');
  });

  test('the psychologist finds the case and sees only the psychological part; identity is not found', async () => {
    const page = await signedIn(psychologist);
    const lang = await pageLanguage(page);
    await page.goto(server.url + '/cases');
    await expectHeading(page, 'cases', 'list.title');
    await page.getByRole('link', { name: exactly(caseCode) }).click();
    await page.waitForURL((url) => url.pathname.startsWith(casePath));
    await expectClean(page);
    await openPart(page, 'case-assistance:section.assistance');
    const a = (key: string) => text(lang, 'case-assistance', key);
    await page.getByRole('heading', { level: 3, name: exactly(a('assistance.types.psychological')) }).waitFor();
    expect(await page.getByRole('heading', { name: exactly(a('assistance.types.medical_counselling')) }).count()).toBe(0);
    expect(await sectionNav(page, lang).getByRole('link', { name: exactly(text(lang, 'cases', 'section.identity')) }).count()).toBe(0);
    await expectClean(page);
    await page.goto(server.url + `${casePath}/identity`);
    await page.getByText(text(lang, 'cases', 'page.notFound'), { exact: true }).first().waitFor();
    await expectNoAxeViolations(page);
  });

  test('break-glass: the coordinator opens the case with a written reason; the owner sees who, until when and why', async () => {
    const w = (key: string) => text('ro', 'case-workflow', key);
    coordinatorPage = await signedIn(coordinator);
    const page = coordinatorPage;
    await page.goto(server.url + '/cases/register');
    await expectHeading(page, 'case-workflow', 'register.title');
    await page.getByLabel(w('register.filter'), { exact: true }).fill(caseCode);
    await page.getByRole('button', { name: exactly(w('register.search')) }).click();
    await page.getByRole('button', { name: exactly(w('register.openEmergencyCase').replace('{{code}}', caseCode)) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(w('breakGlass.reasonLabel'), { exact: true }).fill(BREAK_GLASS_REASON);
    await expectClean(page);
    await dialog.getByRole('button', { name: exactly(w('breakGlass.confirm')) }).click();
    await page.waitForURL((url) => url.pathname === casePath);
    await page.getByText(w('breakGlass.mineTitle'), { exact: true }).waitFor();
    await expectClean(page);

    await manager.goto(server.url + casePath);
    await manager.getByText(w('breakGlass.bannerTitle'), { exact: true }).waitFor();
    // Who opened it, when, and until when: the whole line of the template, with the two dates as any text.
    const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const template = escape(w('breakGlass.lineOpen')).replace(escape('{{name}}'), escape(coordinator.displayName));
    await manager.getByText(new RegExp(`^${template.replace(escape('{{opened}}'), '.+').replace(escape('{{until}}'), '.+')}$`)).first().waitFor();
    await manager.getByText(`${w('breakGlass.reason')} ${BREAK_GLASS_REASON}`, { exact: true }).first().waitFor();
    await expectClean(manager);
  });

  test('closure with approval: the coordinator asks for approvals, the owner asks to close, the coordinator approves', async () => {
    const w = (key: string) => text('ro', 'case-workflow', key);
    await coordinatorPage.goto(server.url + '/cases/settings');
    await expectHeading(coordinatorPage, 'case-workflow', 'settings.title');
    await coordinatorPage.getByLabel(w('settings.closureNeedsApproval'), { exact: true }).check();
    await coordinatorPage.getByRole('button', { name: exactly(text('ro', 'common', 'form.save')) }).click();
    await coordinatorPage.getByText(w('settings.saved'), { exact: true }).waitFor();
    await expectClean(coordinatorPage);

    await manager.goto(server.url + casePath);
    await openPart(manager, 'case-workflow:section');
    await manager.getByRole('button', { name: exactly(w('action.close')) }).click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByText(w('dialog.approvalNeeded'), { exact: true }).waitFor();
    await dialog.getByLabel(w('dialog.reason'), { exact: true }).selectOption('goals_reached');
    await expectNoAxeViolations(manager);
    await dialog.getByRole('button', { name: exactly(w('action.close')) }).click();
    await manager.getByText(w('status.waitingBanner'), { exact: true }).waitFor();
    await expectClean(manager);

    await coordinatorPage.goto(server.url + '/cases/approvals');
    await expectHeading(coordinatorPage, 'case-workflow', 'approvalsPage.title');
    await expectClean(coordinatorPage);
    await coordinatorPage.getByRole('button', { name: exactly(w('approvalsPage.approveCase').replace('{{code}}', caseCode)) }).click();
    await coordinatorPage.getByText(w('approvalsPage.approved').replace('{{code}}', caseCode), { exact: true }).waitFor();

    await manager.goto(server.url + casePath);
    await expect.poll(async () => (await manager.locator('p', { hasText: t('page.status') }).locator('strong').first().textContent())?.trim()).toBe(t('status.Closed'));
    await expectClean(manager);
  });

  test('the case page and its parts are clean in Romanian, English and Norwegian', async () => {
    for (const lang of ['ro', 'en', 'nb'] as const) {
      const current = await pageLanguage(manager);
      if (current !== lang) {
        await manager.getByLabel(text(current, 'common', 'language.label'), { exact: true }).selectOption(lang);
        await expect.poll(() => pageLanguage(manager)).toBe(lang);
      }
      for (const part of ['cases:section.overview', 'case-assistance:section.assistance', 'case-consent:section', 'cases:section.team', 'cases:section.identity', 'case-workflow:section']) {
        await openPart(manager, part);
        await expectClean(manager);
      }
    }
  });
});
