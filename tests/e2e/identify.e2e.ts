// Journey: the identification aid at /identify. A Norwegian clinician walks it with the keyboard alone (adult, not in
// danger) to the outcome; the danger path shows the emergency number at once; the child path shows child protection;
// axe clean on every step; no request carries what was ticked (only GETs of files, Help now and the directory search
// by category, country, county and age); works offline after the first visit; a signed-in user's referral receives
// only what was chosen to carry over, in navigation state, never in the URL.
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AidContent } from '#shared/identify/aid-content.ts';
import { demoAccount, submitPassword } from './journeys.ts';
import { exactly, expectNoAxeViolations, expectNoRawKeys, expectSavedForOffline, launchBrowser, newJourney, text, type Language } from './support.ts';

let browser: Browser;
const contexts: BrowserContext[] = [];
const SHOTS = path.join(tmpdir(), 'identify-e2e');
mkdirSync(SHOTS, { recursive: true });

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function journey(locale: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newJourney(browser, { locale, width });
  contexts.push(opened.context);
  return opened;
}

const aid = (lang: Language, key: string) => text(lang, 'identify', key);

/** One service, as the directory search answers (shared/directory/directory-search.schema.ts). */
const SERVICE = {
  id: '2d5e4c1a-9c1e-4a59-9d44-7a6f1b0c2e11',
  name: 'Samtaletilbud for voksne',
  organizationName: 'Demo helsetjeneste Oslo',
  summary: 'Samtaler og oppfølging.',
  summaryLanguage: 'nb',
  categories: ['social'],
  serviceAreas: ['NO-03'],
  languages: ['nb', 'en'],
  isFree: true,
  minimumAge: 18,
  maximumAge: null,
  status: 'active',
  acceptingReferrals: true,
  availablePlaces: null,
  onPlatform: true,
  confidential: false,
  city: 'Oslo',
  phone: '+47 22 00 00 00',
  assuredDate: '2026-11-01',
  verificationDue: false,
};

/** Answers the directory search locally (the directory's own route may not be there yet) and keeps what was asked. */
async function fakeDirectory(page: Page, services = [SERVICE]): Promise<URL[]> {
  const asked: URL[] = [];
  await page.route(/\/api\/directory\/services\?/, (route) => {
    asked.push(new URL(route.request().url()));
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ total: services.length, page: 1, pageSize: 20, services }) });
  });
  return asked;
}

/** The step's heading is shown and has focus (so a screen reader announces the new step). */
async function stepHeading(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: exactly(title) }).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(title);
}

/** Presses Tab until `target` has focus (at most 40 times): proof that the keyboard reaches it. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe('identification aid', () => {
  test('a Norwegian clinician walks it with the keyboard to the outcome (adult, not in danger); axe clean on every step; nothing ticked is sent', async () => {
    const { page } = await journey('nb-NO');
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    const asked = await fakeDirectory(page);
    const nb = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../content/identification-aid/nb.json'), 'utf8')) as AidContent;
    const title = (id: string) => nb.steps.find((s) => s.id === id)!.title;

    await page.goto('/identify');
    await page.getByRole('heading', { level: 1, name: exactly(aid('nb', 'title')) }).waitFor();
    await page.getByText(nb.notATest).waitFor();
    expect(await page.getByLabel(aid('nb', 'country.label')).inputValue()).toBe('NO');
    await expectNoRawKeys(page);
    await expectNoAxeViolations(page);
    await shoot(page, 'nb-1-start');

    const next = (name: string) => page.getByRole('button', { name: exactly(name) });
    await tabTo(page, next(aid('nb', 'nav.begin')));
    await page.keyboard.press('Enter');

    // Privacy: alone, safe to ask, no interpreter needed (Space picks the first answer of a group).
    await stepHeading(page, title('privacy'));
    expect(await page.getByText(aid('nb', 'progress').replace('{{step}}', '2').replace('{{total}}', '8')).count()).toBe(1);
    for (const question of ['Er pasienten alene med deg?', 'Er det trygt å spørre nå?']) {
      await tabTo(page, page.getByRole('group', { name: question }).getByRole('radio').first());
      await page.keyboard.press('Space');
    }
    await tabTo(page, page.getByRole('group', { name: 'Trenger dere tolk?' }).getByRole('radio').first());
    await page.keyboard.press('Space');
    await expectNoAxeViolations(page);
    await shoot(page, 'nb-2-privacy');
    await tabTo(page, next(aid('nb', 'nav.next')));
    await page.keyboard.press('Enter');

    // What you observe: tick one behavioural sign.
    await stepHeading(page, title('indicators'));
    const fearful = page.getByRole('checkbox', { name: /^Redd, engstelig/ });
    await tabTo(page, fearful);
    await page.keyboard.press('Space');
    expect(await fearful.isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await shoot(page, 'nb-3-indicators');
    await tabTo(page, next(aid('nb', 'nav.next')));
    await page.keyboard.press('Enter');

    await stepHeading(page, title('talking'));
    await page.getByRole('heading', { level: 3, name: 'Formuleringer du bør unngå' }).waitFor();
    await expectNoAxeViolations(page);
    await shoot(page, 'nb-4-talking');
    await tabTo(page, next(aid('nb', 'nav.next')));
    await page.keyboard.press('Enter');

    // Danger: nothing ticked, so no alert.
    await stepHeading(page, title('danger'));
    expect(await page.getByRole('alert').filter({ hasText: aid('nb', 'danger.title') }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await shoot(page, 'nb-5-danger');
    await tabTo(page, next(aid('nb', 'nav.next')));
    await page.keyboard.press('Enter');

    // Age: arrow keys move through the answers to "18 or over".
    await stepHeading(page, title('child'));
    await tabTo(page, page.getByRole('radio', { name: 'Ja, under 18' }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'Nei, 18 år eller eldre' }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await shoot(page, 'nb-6-age');
    await tabTo(page, next(aid('nb', 'nav.next')));
    await page.keyboard.press('Enter');

    // The patient's choice: not now.
    await stepHeading(page, title('choice'));
    await page.getByRole('heading', { level: 3, name: 'Ett unntak i Norge' }).waitFor();
    await tabTo(page, page.getByRole('radio', { name: /^Hen vil bli satt i kontakt/ }));
    await page.keyboard.press('ArrowDown');
    await expectNoAxeViolations(page);
    await shoot(page, 'nb-7-choice');
    await tabTo(page, next(aid('nb', 'nav.toOutcome')));
    await page.keyboard.press('Enter');

    // The outcome: what to do for an adult who does not want a referral now, what to write, cards, numbers, services.
    await stepHeading(page, title('outcome'));
    for (const heading of ['Pasienten vil ikke henvises nå', 'Dette skriver du i journalen', 'Dette skriver du ikke', aid('nb', 'cards.title'), aid('nb', 'helpNow.title'), aid('nb', 'services.title')]) {
      await page.getByRole('heading', { name: exactly(heading) }).waitFor();
    }
    expect(await page.getByRole('heading', { name: 'Pasienten ønsker hjelp' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Når det gjelder et barn' }).count()).toBe(0);
    await page.getByRole('link', { name: `${text('nb', 'common', 'helpNow.call')} 113` }).waitFor();
    await page.getByText(SERVICE.name).waitFor();
    expect(await page.getByRole('list', { name: aid('nb', 'cards.patientIn') }).getByRole('link', { name: 'Norsk bokmål' }).getAttribute('href')).toBe('/api/identify/patient-card.pdf?lang=nb');
    await page.getByRole('link', { name: exactly(aid('nb', 'referral.signIn')) }).waitFor();
    await expectNoAxeViolations(page);
    await shoot(page, 'nb-8-outcome');

    // Back walks the path backwards with the answers kept.
    await page.getByRole('button', { name: exactly(aid('nb', 'nav.back')) }).click();
    await stepHeading(page, title('choice'));
    expect(await page.getByRole('radio', { name: /^Ikke nå/ }).isChecked()).toBe(true);

    // Nothing left the browser but GETs of files, the account check, Help now and the directory search by need.
    const ticked = ['fearful', 'not-now', 'adult', 'privacy', 'alone'];
    for (const r of requests) {
      const url = new URL(r.url());
      if (url.origin !== new URL(page.url()).origin) continue;
      expect(r.method(), url.pathname).toBe('GET');
      expect(r.postData()).toBeNull();
      for (const word of ticked) expect(url.search, url.href).not.toContain(word);
      if (url.pathname.startsWith('/api/')) expect(['/api/me', '/api/help/contacts', '/api/directory/services']).toContain(url.pathname);
      else expect(url.pathname).toMatch(/^\/(identify|assets\/[\w.-]+|sw\.js|favicon\.svg)$/);
    }
    expect(asked.length).toBeGreaterThan(0);
    for (const url of asked) {
      expect([...url.searchParams.keys()].sort()).toEqual(['age', 'category', 'country', 'lang']);
      expect(url.searchParams.get('country')).toBe('NO');
      expect(url.searchParams.get('age')).toBe('18');
    }
  });

  test('the danger path shows the emergency number at once, and again first on the outcome; axe clean', async () => {
    const { page } = await journey('en-GB');
    await fakeDirectory(page, []);
    await page.goto('/identify');
    const next = page.getByRole('button', { name: /^(Begin|Next|See what to do)$/ });
    for (let i = 0; i < 4; i++) await next.click();
    await page.getByRole('heading', { level: 2, name: 'Danger check' }).waitFor();
    await page.getByRole('checkbox', { name: /^The patient says they will be seriously hurt/ }).check();
    const alert = page.getByRole('alert').filter({ hasText: aid('en', 'danger.title') });
    await alert.waitFor();
    expect(await alert.getByRole('link', { name: /112/ }).first().getAttribute('href')).toBe('tel:112');
    await page.getByRole('heading', { level: 3, name: 'Act now' }).waitFor();
    await expectNoAxeViolations(page);
    await shoot(page, 'en-danger');
    for (let i = 0; i < 3; i++) await next.click();
    await page.getByRole('heading', { level: 2, name: 'What to do now' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'First: the danger' }).waitFor();
    await page.getByRole('alert').filter({ hasText: aid('en', 'danger.title') }).waitFor();
    await expectNoAxeViolations(page);
  });

  test('the child path goes to child protection without asking for consent, skips the adult choice; the directory being down is said plainly', async () => {
    const { page } = await journey('ro-RO', 375);
    await page.route(/\/api\/directory\/services\?/, (route) => route.abort());
    await page.goto('/identify');
    expect(await page.getByLabel(aid('ro', 'country.label')).inputValue()).toBe('RO');
    const next = page.getByRole('button', { name: /^(Începeți|Continuați|Vedeți ce aveți de făcut)$/ });
    for (let i = 0; i < 5; i++) await next.click();
    await page.getByRole('heading', { level: 2, name: 'Vârsta' }).waitFor();
    await page.getByRole('radio', { name: 'Nu știu sigur: ar putea avea sub 18 ani' }).check();
    await page.getByRole('heading', { level: 3, name: 'Calea protecției copilului' }).waitFor();
    await page.getByText(/^Sesizați direcția de protecție a copilului \(DGASPC\)/).waitFor();
    expect(await page.getByText(/barnevernet/).count()).toBe(0);
    await page.getByText('Pasul 6 din 7').waitFor();
    await expectNoAxeViolations(page);
    await shoot(page, 'ro-375-child');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await next.click();
    await page.getByRole('heading', { level: 2, name: 'Ce faceți acum' }).waitFor();
    await page.getByText('Pasul 7 din 7').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Pentru un copil' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Protecția copilului' }).isChecked()).toBe(true);
    await page.getByText(aid('ro', 'services.unavailable')).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await shoot(page, 'ro-375-outcome');
  });

  test('works offline after the first visit', async () => {
    const { context, page } = await journey('nb-NO');
    await page.goto('/identify');
    await page.getByRole('heading', { level: 1, name: exactly(aid('nb', 'title')) }).waitFor();
    await expectSavedForOffline(page, '/api/help/contacts?lang=nb');
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByRole('heading', { level: 1, name: exactly(aid('nb', 'title')) }).waitFor();
      await page.getByRole('button', { name: exactly(aid('nb', 'nav.begin')) }).click();
      await page.getByRole('heading', { level: 2, name: 'Først: vær alene med pasienten' }).waitFor();
    } finally {
      await context.setOffline(false);
    }
  });

  test('signed in, "Start a referral" hands over only what was chosen, in navigation state, not the URL', async () => {
    // NOTE: the demo participant signs in with a password alone; the account's language is Romanian.
    const { page } = await journey('ro-RO');
    await fakeDirectory(page);
    await page.goto('/sign-in');
    await submitPassword(page, demoAccount('participant').email);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/identify');
    const next = page.getByRole('button', { name: /^(Începeți|Continuați|Vedeți ce aveți de făcut)$/ });
    for (let i = 0; i < 5; i++) await next.click();
    await page.getByRole('radio', { name: 'Nu, are 18 ani sau mai mult' }).check();
    await next.click();
    await page.getByRole('radio', { name: 'Vrea să fie pus în legătură cu un serviciu' }).check();
    await next.click();
    await page.getByRole('heading', { level: 3, name: 'Pacientul vrea ajutor' }).waitFor();
    expect(await page.getByRole('link', { name: exactly(aid('ro', 'referral.signIn')) }).count()).toBe(0);
    await page.getByLabel(aid('ro', 'referral.ageBand')).selectOption('25-34');
    await page.getByRole('radio', { name: 'Urgentă' }).check();
    await page.getByLabel(aid('ro', 'referral.service'), { exact: true }).selectOption(SERVICE.id);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: exactly(aid('ro', 'referral.start')) }).click();
    await page.waitForURL((url) => url.pathname === '/referrals/new');
    expect(new URL(page.url()).search).toBe('');
    const state = await page.evaluate(() => (window.history.state as { usr?: unknown } | null)?.usr);
    expect(state).toEqual({ prefill: { ageBand: '25-34', urgency: 'urgent', serviceId: SERVICE.id } });
  });
});
