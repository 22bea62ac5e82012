// The pages of issue 11 (events, registration, check-in, evaluation results, learning, certificates, the events
// report) in Romanian, English and Norwegian: no axe violations and no raw translation keys, each page with its
// content loaded (the demo's events, a registration of its own, a started quiz, a demo certificate). On a server of
// its own, so the accounts it signs in are its own.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_EVENT_IDS } from '#server/features/demo/demo-event-ids.ts';
import { demoAccount, pageLanguage } from './journeys.ts';
import { apiSession, browserAs, registrationLinkFromOutbox, type Api } from './events-support.ts';
import type { RunningServer } from './server.ts';
import { expectNoAxeViolations, expectNoRawKeys, startOwnServer, stopOwnServer, type Language } from './support.ts';

const LANGUAGES: Language[] = ['ro', 'en', 'nb'];
const COURSE = 'identification-first-response';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let organiser: Api;

beforeAll(async () => {
  ({ server, browser } = await startOwnServer('pro-health-events-pages-'));
  organiser = await apiSession(server.url, demoAccount('coordinator').email);
});

afterAll(() => stopOwnServer(server, [browser], contexts));

/** Opens a path, waits for the page's heading (its content loaded) and checks it in the language asked. */
async function expectCleanPage(page: Page, url: string, lang: Language): Promise<void> {
  await page.goto(server.url + '/');
  await page.goto(server.url + url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(await pageLanguage(page), url).toBe(lang);
  await expectNoRawKeys(page);
  await expectNoAxeViolations(page);
}

describe('the pages of events, learning and certificates are clean in three languages', () => {
  const pages: string[] = [];
  let organiserPage: Page;

  test('set-up: a registration link, a started quiz and a certificate code', async () => {
    const admin = await apiSession(server.url, demoAccount('platform_admin').email);
    await (await apiSession(server.url))('POST', `/api/events/${DEMO_EVENT_IDS.upcomingTraining}/registrations`, { fullName: 'Elena Marin', email: 'elena.marin@example.org', language: 'ro', answers: { profession: 'physician', institution_type: 'hospital', country: 'RO', county: 'RO-MS' } });
    const registration = await registrationLinkFromOutbox(admin, 'elena.marin@example.org', /registration#/);

    const course = await organiser('GET', `/api/learning/courses/${COURSE}?lang=ro`);
    const quizId: string | undefined = course?.modules?.find((m: { quiz?: { id: string } }) => m.quiz)?.quiz?.id;

    const participant = await apiSession(server.url, demoAccount('participant').email);
    const mine = await participant('GET', '/api/certificates/mine');
    const code: string = mine.certificates[0]?.code;
    expect(code, 'a demo certificate').toBeTruthy();

    const id = DEMO_EVENT_IDS.upcomingTraining;
    const past = DEMO_EVENT_IDS.training2015;
    pages.push(
      '/events', `/events/${id}`, registration, `/events/${id}/participants`, `/events/${id}/check-in`, `/events/${past}/results`, `/events/${id}/edit`,
      '/events/organise', '/events/new', `/events/${past}/certificates`, '/learn', `/learn/${COURSE}`, '/certificates', `/verify/${code}`, '/reports/events',
    );
    expect(quizId, 'the course has a quiz').toBeTruthy();
    const attempt = await organiser('POST', `/api/learning/quizzes/${quizId}/attempts?lang=ro`);
    pages.push(`/learn/${COURSE}/quiz/${quizId}?attempt=${attempt.id}`);
    organiserPage = (await browserAs(browser, server.url, organiser, 'ro-RO')).page;
    contexts.push(organiserPage.context());
  });

  for (const lang of LANGUAGES) {
    test(`every page in ${lang}`, async () => {
      await organiser('PUT', '/api/me/language', { language: lang });
      for (const url of pages) await expectCleanPage(organiserPage, url, lang);
    });
  }
});
