// Journey of issue 11 (check-in without network): the organiser opens the check-in page, the network drops, she checks
// in three people from the list saved on the phone and the page says it is offline with three scans waiting; meanwhile
// one of the three cancelled from her own link. When the network is back the scans are sent: two are confirmed, the
// cancelled one is shown as a conflict, and the participant list shows the two checked in. On a server of its own.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoAccount } from './journeys.ts';
import { apiSession, browserAs, registrationLinkFromOutbox, type Api } from './events-support.ts';
import type { RunningServer } from './server.ts';
import { exactly, expectNoAxeViolations, expectNoRawKeys, startOwnServer, stopOwnServer, text } from './support.ts';

const organiser = demoAccount('coordinator');
const PEOPLE = [
  { fullName: 'Ana Lungu', email: 'ana.lungu@example.org' },
  { fullName: 'Bogdan Rusu', email: 'bogdan.rusu@example.org' },
  { fullName: 'Carmen Stoica', email: 'carmen.stoica@example.org' },
];
const CANCELS = PEOPLE[2]!;

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let organiserApi: Api;
let eventId = '';

beforeAll(async () => {
  ({ server, browser } = await startOwnServer('pro-health-check-in-offline-'));
  organiserApi = await apiSession(server.url, organiser.email);
});

afterAll(() => stopOwnServer(server, [browser], contexts));

const c = (key: string) => text('ro', 'event-check-in', key);
/** A Romanian plural string (one, few, other), with {{count}} filled in. */
const plural = (key: string, count: number) => {
  const form = new Intl.PluralRules('ro').select(count);
  let value: string;
  try {
    value = c(`${key}_${form}`);
  } catch {
    value = c(`${key}_other`);
  }
  return value.replace('{{count}}', String(count));
};

async function expectClean(page: Page): Promise<void> {
  await expectNoRawKeys(page);
  await expectNoAxeViolations(page);
}

describe('check-in keeps working offline and shows what the server decided otherwise', () => {
  let context: BrowserContext;
  let page: Page;

  test('set-up: a published training with three confirmed registrations', async () => {
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    const event = await organiserApi('POST', '/api/events', {
      type: 'training', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(), timeZone: 'Europe/Bucharest',
      attendanceMode: 'in_person', venueName: 'Sala 2', venueAddress: 'Str. Spitalului 3', venueCity: 'Iași', country: 'RO', onlineUrl: null,
      capacity: 10, registrationOpensAt: null, registrationClosesAt: null, requiresApproval: false, waitlistEnabled: true, offerHours: 48, maxGroupSize: 1,
      questions: [], certificateEnabled: false, followUpMonths: null, sourceLanguage: 'ro', title: 'Formare: semne de alarmă la urgențe',
    });
    eventId = event.id;
    await organiserApi('POST', `/api/events/${eventId}/publish`, { version: event.version });
    const anyone = await apiSession(server.url);
    for (const person of PEOPLE) {
      const outcome = await anyone('POST', `/api/events/${eventId}/registrations`, { ...person, language: 'ro' });
      expect(outcome.attendees).toEqual([{ status: 'confirmed' }]);
    }
  });

  test('the organiser opens the check-in page; the network drops; three check-ins wait on the phone', async () => {
    ({ context, page } = await browserAs(browser, server.url, organiserApi, 'ro-RO'));
    contexts.push(context);
    await page.goto(`${server.url}/events/${eventId}/check-in`);
    await page.getByText(c('counts').replace('{{checkedIn}}', '0').replace('{{expected}}', '3'), { exact: true }).waitFor();
    await expectClean(page);

    await context.setOffline(true);
    // Meanwhile, from her own link (not from this phone), one of the three cancels.
    const link = await registrationLinkFromOutbox(await apiSession(server.url, demoAccount('platform_admin').email), CANCELS.email, /confirmat/);
    await (await apiSession(server.url))('POST', '/api/registration/cancel', { token: link.split('#')[1] });

    for (const person of PEOPLE) {
      await page.getByRole('button', { name: exactly(c('roster.checkInFor').replace('{{name}}', person.fullName)) }).click();
      await page.locator('.check-in-result-name', { hasText: person.fullName }).waitFor();
      await page.locator('.check-in-result-title', { hasText: c('result.ok') }).waitFor();
    }
    await page.getByText(plural('offline.title', 3), { exact: true }).waitFor();
    await page.getByText(c('counts').replace('{{checkedIn}}', '3').replace('{{expected}}', '3'), { exact: true }).waitFor();
    await expectNoRawKeys(page);
  });

  test('back online: the scans are sent, the cancelled one is shown as a conflict', async () => {
    await context.setOffline(false);
    await page.getByText(plural('conflicts.heading', 1), { exact: true }).waitFor({ timeout: 30_000 });
    const conflict = page.getByRole('listitem').filter({ hasText: CANCELS.fullName });
    await conflict.getByText(c('conflicts.cancelled'), { exact: false }).waitFor();
    expect(await page.getByText(plural('offline.title', 3), { exact: true }).count()).toBe(0);
    await page.getByText(c('counts').replace('{{checkedIn}}', '2').replace('{{expected}}', '2'), { exact: true }).waitFor();
    await expectClean(page);

    const roster = await organiserApi('GET', `/api/events/${eventId}/check-in/roster`);
    const checkedIn = (roster.registrations as { fullName: string; checkedInAt: string | null }[]).filter((r) => r.checkedInAt).map((r) => r.fullName);
    expect(checkedIn.sort()).toEqual([PEOPLE[0]!.fullName, PEOPLE[1]!.fullName]);
  });

  test('the participant list shows the two checked in and the cancelled registration', async () => {
    const r = (key: string) => text('ro', 'event-registration', key);
    await page.goto(`${server.url}/events/${eventId}/participants`);
    for (const person of PEOPLE.slice(0, 2)) {
      await page.getByRole('row').filter({ hasText: person.fullName }).getByText(`${r('status.confirmed')} · ${r('participants.checkedIn')}`, { exact: true }).waitFor();
    }
    await page.getByRole('row').filter({ hasText: CANCELS.fullName }).getByText(r('status.cancelled'), { exact: true }).waitFor();
    await expectClean(page);
  });
});
