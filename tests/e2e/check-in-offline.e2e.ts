// Journey of issue 11 (check-in without network): the organiser opens the check-in page, the network drops, she checks
// in three people from the list saved on the phone and the page says it is offline with three scans waiting; meanwhile
// one of the three cancelled from her own link. Still offline, she presses Sign out and is warned that the three scans
// would be lost, so she stays; she reloads the page and it stays (the app from the service worker, the list and the
// scans from the phone), instead of sending her to sign in. When the network is back the scans are sent: two are
// confirmed, the cancelled one is shown as a conflict, and the participant list shows the two checked in. Last, with
// a late arrival's scan waiting offline, she signs out and deletes it. On a server of its own.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoAccount } from './journeys.ts';
import { apiSession, browserAs, registrationLinkFromOutbox, type Api } from './events-support.ts';
import type { RunningServer } from './server.ts';
import { exactly, expectNoAxeViolations, expectNoRawKeys, expectSavedForOffline, startOwnServer, stopOwnServer, text } from './support.ts';

const organiser = demoAccount('coordinator');
const PEOPLE = [
  { fullName: 'Ana Lungu', email: 'ana.lungu@example.org' },
  { fullName: 'Bogdan Rusu', email: 'bogdan.rusu@example.org' },
  { fullName: 'Carmen Stoica', email: 'carmen.stoica@example.org' },
];
const CANCELS = PEOPLE[2]!;
/** Registers after the others have synced: the scan she deletes when she signs out offline. */
const LATE = { fullName: 'Dan Mocanu', email: 'dan.mocanu@example.org' };

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
const common = (key: string) => text('ro', 'common', key);
/** A Romanian plural string of a namespace (one, few, other), with {{count}} filled in. */
const pluralIn = (namespace: string, key: string, count: number) => {
  const form = new Intl.PluralRules('ro').select(count);
  let value: string;
  try {
    value = text('ro', namespace, `${key}_${form}`);
  } catch {
    value = text('ro', namespace, `${key}_other`);
  }
  return value.replace('{{count}}', String(count));
};
const plural = (key: string, count: number) => pluralIn('event-check-in', key, count);

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
    // What a reload without network needs later: the worker in control, the app's files saved ('/' is the shell).
    await expectSavedForOffline(page, '/');

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

  test('still offline, Sign out warns that the three scans would be lost; Escape keeps her signed in with them', async () => {
    const signOut = page.getByRole('button', { name: exactly(common('nav.signOut')) });
    await signOut.click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('heading', { name: exactly(pluralIn('common', 'signOut.unsyncedTitle', 3)) }).waitFor();
    await dialog.getByText(pluralIn('common', 'signOut.unsyncedBody', 3), { exact: true }).waitFor();
    await dialog.getByRole('button', { name: exactly(pluralIn('common', 'signOut.discard', 3)) }).waitFor();
    // Staying is the safe choice: the focus starts there.
    const stay = dialog.getByRole('button', { name: exactly(common('signOut.stay')) });
    expect(await stay.evaluate((button) => button === document.activeElement)).toBe(true);
    await expectClean(page);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await signOut.waitFor();
    expect(new URL(page.url()).pathname).toBe(`/events/${eventId}/check-in`);
    await page.getByText(plural('offline.title', 3), { exact: true }).waitFor();
  });

  test('she reloads the page without network: it stays, with the saved list and the three waiting scans', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: exactly(c('title')) }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/events/${eventId}/check-in`);
    // The sign-in could not be checked (said once, by the page frame) and the scans wait (said by the check-in page).
    await page.getByText(common('offline.signInUnchecked'), { exact: true }).waitFor();
    await page.getByText(plural('offline.title', 3), { exact: true }).waitFor();
    await page.getByText(c('counts').replace('{{checkedIn}}', '3').replace('{{expected}}', '3'), { exact: true }).waitFor();
    for (const person of PEOPLE) await page.getByRole('button', { name: exactly(c('roster.undoFor').replace('{{name}}', person.fullName)) }).waitFor();
    await expectClean(page);
  });

  test('back online: the scans are sent, the cancelled one is shown as a conflict', async () => {
    await context.setOffline(false);
    await page.getByText(plural('conflicts.heading', 1), { exact: true }).waitFor({ timeout: 30_000 });
    const conflict = page.getByRole('listitem').filter({ hasText: CANCELS.fullName });
    await conflict.getByText(c('conflicts.cancelled'), { exact: false }).waitFor();
    expect(await page.getByText(plural('offline.title', 3), { exact: true }).count()).toBe(0);
    // The sign-in is checked again once the network is back: the notice that it could not be goes away.
    await page.getByText(common('offline.signInUnchecked'), { exact: true }).waitFor({ state: 'detached' });
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

  test('a late arrival checked in offline: Sign out, then "Sign out and delete", signs her out and deletes the scan', async () => {
    await (await apiSession(server.url))('POST', `/api/events/${eventId}/registrations`, { ...LATE, language: 'ro' });
    await page.goto(`${server.url}/events/${eventId}/check-in`);
    const checkIn = page.getByRole('button', { name: exactly(c('roster.checkInFor').replace('{{name}}', LATE.fullName)) });
    await checkIn.waitFor();
    await context.setOffline(true);
    await checkIn.click();
    await page.getByText(plural('offline.title', 1), { exact: true }).waitFor();

    await page.getByRole('button', { name: exactly(common('nav.signOut')) }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('heading', { name: exactly(pluralIn('common', 'signOut.unsyncedTitle', 1)) }).waitFor();
    await dialog.getByRole('button', { name: exactly(pluralIn('common', 'signOut.discard', 1)) }).click();
    // Without network she lands on the home page (the sign-in page needs the server), signed out on this device.
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('navigation', { name: exactly(common('nav.label')) }).waitFor();
    await page.getByRole('link', { name: exactly(common('nav.signIn')) }).first().waitFor();
    expect(await page.getByRole('button', { name: exactly(common('nav.signOut')) }).count()).toBe(0);
    // Nothing of the check-in is left on the device, and the server never received the deleted scan.
    await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('ph-check-in');
    await context.setOffline(false);
    const roster = await organiserApi('GET', `/api/events/${eventId}/check-in/roster`);
    const late = (roster.registrations as { fullName: string; checkedInAt: string | null }[]).find((r) => r.fullName === LATE.fullName);
    expect(late?.checkedInAt).toBeNull();
    // Back online, the session the offline sign-out left open is ended at the first answer: a reload stays signed out
    // (a shared phone must not show her signed in again) and her old cookie opens nothing.
    await page.reload();
    await page.getByRole('link', { name: exactly(common('nav.signIn')) }).first().waitFor();
    await expect.poll(() => page.evaluate(async () => (await fetch('/api/me', { credentials: 'same-origin' })).status)).toBe(401);
  });
});
