// Journey of issue 11 (events): a Romanian clinician registers for a training with one place, which a colleague holds,
// and is put on the waiting list; the colleague cancels from her own link; the clinician receives the offer by e-mail
// and accepts it in the browser; at the event the organiser checks her in by scanning her QR code with a camera (a
// fake camera playing the code); after the event she answers the evaluation, gets her certificate (PDF with the
// verification code) and anyone, signed out, can verify it. On a server of its own, so its data is its own.
// NOTE: the set-up not under test goes through the API: the organiser creates and publishes the event, the
// colleague registers and cancels, and the organiser moves the event's end into the past once check-in is done
// (the server's clock is real; this is what an organiser correcting the times would do).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoAccount } from './journeys.ts';
import { apiSession, browserAs, registrationLinkFromOutbox, type Api } from './events-support.ts';
import { fakeCameraArgs, writeQrVideo } from './fake-camera.ts';
import type { RunningServer } from './server.ts';
import { exactly, expectNoAxeViolations, expectNoRawKeys, launchBrowser, startOwnServer, stopOwnServer, text } from './support.ts';

const clinician = demoAccount('medical_professional');
const organiser = demoAccount('coordinator');
const COLLEAGUE = 'maria.popa@example.org';
const TITLE = 'Atelier: primul contact cu o victimă a traficului';
const EVENT_FIELDS = ['type', 'startsAt', 'endsAt', 'timeZone', 'attendanceMode', 'venueName', 'venueAddress', 'venueCity', 'country', 'onlineUrl', 'capacity', 'registrationOpensAt', 'registrationClosesAt', 'requiresApproval', 'waitlistEnabled', 'offerHours', 'maxGroupSize', 'questions', 'certificateEnabled', 'followUpMonths'];
const r = (key: string) => text('ro', 'event-registration', key);

let server: RunningServer;
let browser: Browser;
let cameraBrowser: Browser | undefined;
const contexts: BrowserContext[] = [];
let organiserApi: Api;
let adminApi: Api;
let clinicianApi: Api;
let eventId = '';

beforeAll(async () => {
  ({ server, browser } = await startOwnServer('pro-health-event-journey-'));
  organiserApi = await apiSession(server.url, organiser.email);
  adminApi = await apiSession(server.url, demoAccount('platform_admin').email);
  clinicianApi = await apiSession(server.url, clinician.email);
});

afterAll(() => stopOwnServer(server, [browser, cameraBrowser], contexts));

async function pageAs(api: Api | null, on: Browser = browser): Promise<Page> {
  const { context, page } = await browserAs(on, server.url, api, 'ro-RO');
  contexts.push(context);
  return page;
}

async function expectClean(page: Page): Promise<void> {
  await expectNoRawKeys(page);
  await expectNoAxeViolations(page);
}

/** The bytes of a PDF hold the code either as plain text or, in its metadata, as UTF-16 (PDFKit's choice). */
function pdfHolds(pdf: Buffer, code: string): boolean {
  const utf16 = Buffer.from(code, 'utf16le').swap16();
  return pdf.includes(Buffer.from(code, 'latin1')) || pdf.includes(utf16) || pdf.toString('latin1').includes(utf16.toString('hex'));
}

describe('a clinician goes from the waiting list to a verified certificate', () => {
  let clinicianPage: Page;
  let manageLink = '';
  let code = '';

  test('set-up: the organiser publishes a training with one place; a colleague takes it', async () => {
    const day = 86_400_000;
    const startsAt = new Date(Date.now() + 3 * day);
    const event = await organiserApi('POST', '/api/events', {
      type: 'training', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * 3600_000).toISOString(), timeZone: 'Europe/Bucharest',
      attendanceMode: 'in_person', venueName: 'Sala mică', venueAddress: 'Str. Trandafirilor 12', venueCity: 'Târgu Mureș', country: 'RO', onlineUrl: null,
      capacity: 1, registrationOpensAt: null, registrationClosesAt: null, requiresApproval: false, waitlistEnabled: true, offerHours: 48, maxGroupSize: 1,
      questions: [], certificateEnabled: true, followUpMonths: null, sourceLanguage: 'ro', title: TITLE,
    });
    eventId = event.id;
    await organiserApi('POST', `/api/events/${eventId}/publish`, { version: event.version });
    const outcome = await (await apiSession(server.url))('POST', `/api/events/${eventId}/registrations`, { fullName: 'Maria Popa', email: COLLEAGUE, language: 'ro' });
    expect(outcome.attendees).toEqual([{ status: 'confirmed' }]);
  });

  test('the clinician registers in Romanian and is put on the waiting list', async () => {
    clinicianPage = await pageAs(clinicianApi);
    await clinicianPage.goto(`${server.url}/events/${eventId}`);
    await clinicianPage.getByRole('heading', { level: 1, name: exactly(TITLE) }).waitFor();
    await clinicianPage.getByText(r('panel.noPlaces'), { exact: true }).waitFor();
    await expectClean(clinicianPage);
    await clinicianPage.getByLabel(r('panel.fullName'), { exact: false }).first().fill(clinician.displayName);
    await clinicianPage.getByRole('button', { name: exactly(r('panel.submit')) }).click();
    await clinicianPage.getByText(r('panel.doneStatus').replace('{{name}}', clinician.displayName).replace('{{status}}', r('status.waitlisted')), { exact: true }).waitFor();
    await expectClean(clinicianPage);

    manageLink = await registrationLinkFromOutbox(adminApi, clinician.email, /lista de așteptare/);
    await clinicianPage.goto(server.url + manageLink);
    await clinicianPage.getByText(r('page.position').replace('{{n}}', '1')).waitFor();
    await expectClean(clinicianPage);
  });

  test('the colleague cancels from her own link; the clinician accepts the offer in the browser', async () => {
    const colleagueLink = await registrationLinkFromOutbox(adminApi, COLLEAGUE, /confirmat/);
    await (await apiSession(server.url))('POST', '/api/registration/cancel', { token: colleagueLink.split('#')[1] });

    const offerLink = await registrationLinkFromOutbox(adminApi, clinician.email, /S-a eliberat un loc/);
    await clinicianPage.goto(server.url + offerLink);
    await clinicianPage.getByRole('heading', { name: exactly(r('page.offerTitle')) }).waitFor();
    await expectClean(clinicianPage);
    await clinicianPage.getByRole('button', { name: exactly(r('page.accept')) }).click();
    await clinicianPage.getByRole('status').filter({ hasText: r('page.accepted') }).waitFor();

    await clinicianPage.goto(server.url + '/');
    await clinicianPage.goto(server.url + manageLink);
    await clinicianPage.getByText(r('status.confirmed'), { exact: true }).first().waitFor();
    await clinicianPage.getByRole('heading', { name: exactly(text('ro', 'event-check-in', 'qr.heading')) }).waitFor();
    await expectClean(clinicianPage);
  });

  test('at the entrance the organiser scans her QR code with the camera', async () => {
    const qr = await clinicianApi('POST', '/api/registration/qr', { token: manageLink.split('#')[1] });
    const video = writeQrVideo(qr.code, path.join(path.dirname(server.dataDir), 'qr.y4m'));
    cameraBrowser = await launchBrowser(fakeCameraArgs(video));
    const page = await pageAs(organiserApi, cameraBrowser);
    const c = (key: string) => text('ro', 'event-check-in', key);
    await page.goto(`${server.url}/events/${eventId}/check-in`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText(c('counts').replace('{{checkedIn}}', '0').replace('{{expected}}', '1'), { exact: true }).waitFor();
    await expectClean(page);
    await page.getByRole('button', { name: exactly(c('camera.start')) }).click();
    await page.locator('.check-in-result-title', { hasText: c('result.ok') }).waitFor({ timeout: 30_000 });
    await page.locator('.check-in-result-name', { hasText: clinician.displayName }).waitFor();
    await page.getByText(c('counts').replace('{{checkedIn}}', '1').replace('{{expected}}', '1'), { exact: true }).waitFor();
    await expectClean(page);
  });

  test('after the event she answers the evaluation and gets her certificate as a PDF', async () => {
    const managed = await organiserApi('GET', `/api/events/${eventId}/manage`);
    const event = managed.event ?? managed;
    const body = Object.fromEntries(EVENT_FIELDS.map((key) => [key, event[key]]));
    await organiserApi('PUT', `/api/events/${eventId}`, { ...body, startsAt: new Date(Date.now() - 4 * 3600_000).toISOString(), endsAt: new Date(Date.now() - 60_000).toISOString(), version: event.version });

    const e = (key: string) => text('ro', 'event-evaluation', key);
    await clinicianPage.goto(server.url + '/');
    await clinicianPage.goto(server.url + manageLink);
    await clinicianPage.getByRole('link', { name: exactly(e('link.open')) }).click();
    await clinicianPage.waitForURL(/\/registration\/evaluation#/);
    await expectClean(clinicianPage);
    for (const item of ['relevance', 'newKnowledge', 'recommend']) {
      await clinicianPage.getByRole('group', { name: e(`items.${item}`) }).getByRole('radio').nth(4).check();
    }
    await clinicianPage.getByRole('button', { name: exactly(e('form.submit')) }).click();
    await clinicianPage.getByText(e('form.sent'), { exact: true }).waitFor();
    await expectClean(clinicianPage);

    const cert = (key: string) => text('ro', 'certificates', key);
    await clinicianPage.goto(server.url + '/');
    await clinicianPage.goto(server.url + manageLink);
    await clinicianPage.getByRole('button', { name: exactly(cert('registration.get')) }).click();
    const shown = clinicianPage.locator('.certificate-code');
    await shown.waitFor();
    code = ((await shown.textContent()) ?? '').trim();
    expect(code.length).toBeGreaterThanOrEqual(6);
    await expectClean(clinicianPage);

    // NOTE: the PDF is drawn and signed on request; on a busy machine that takes a while.
    const [download] = await Promise.all([clinicianPage.waitForEvent('download', { timeout: 60_000 }), clinicianPage.getByRole('button', { name: new RegExp(`^\\s*${cert('actions.pdf')} \\(`) }).click()]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfHolds(pdf, code), `the PDF holds the code ${code}`).toBe(true);
  });

  test('signed out, anyone can verify the certificate: her name, the event, valid', async () => {
    const page = await pageAs(null);
    await page.goto(`${server.url}/verify/${code}`);
    const cert = (key: string) => text('ro', 'certificates', key);
    await page.getByText(cert('verify.valid'), { exact: true }).first().waitFor();
    await page.getByText(clinician.displayName).first().waitFor();
    await page.getByText(TITLE).first().waitFor();
    await expectClean(page);
  });
});
