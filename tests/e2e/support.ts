// Shared pieces of the browser journeys: Debian's Chromium, one fresh context per journey, the axe check, the UI
// strings of each language (read from web/locales so a wording change does not break a journey), and TOTP codes.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { freshDataDir, startServer, type RunningServer } from './server.ts';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const NEUTRAL_SITE = 'https://www.wikipedia.org/';
export type Language = 'en' | 'ro' | 'nb';

export function baseUrl(): string {
  return inject('baseUrl');
}

/** Debian's Chromium; `extraArgs` adds flags (a fake camera for the check-in journey). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  // NOTE: Debian's chromium package, never a downloaded browser (CI has no access to Playwright's CDN).
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...extraArgs],
  });
}

/** A fresh context (no cookies, no storage) whose requests outside the app are answered locally, never from the net. */
export async function newJourney(browser: Browser, options: { locale?: string; width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: options.locale ?? 'en-GB',
    viewport: { width: options.width ?? 1280, height: 800 },
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Wikipedia</title><h1>Wikipedia</h1></html>' }),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/**
 * Registers a file's browser: launched before all tests, closed after with every journey's context. Returns `journey`,
 * which opens a fresh context and page for a locale and window width.
 */
export function useJourneys(): (locale: string, width?: number) => Promise<Page> {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });
  return async (locale, width = 1280) => {
    const { context, page } = await newJourney(browser, { locale, width });
    contexts.push(context);
    return page;
  };
}

/** A server of the journey's own (a fresh data folder, so its data and enrolments are its own) and a browser. */
export async function startOwnServer(dataDirPrefix: string): Promise<{ server: RunningServer; browser: Browser }> {
  const server = await startServer({ cwd: inject('webRoot'), dataDir: freshDataDir(dataDirPrefix), readyTimeoutMs: 180_000 });
  try {
    return { server, browser: await launchBrowser() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** After a journey on its own server: its contexts and browsers closed, the server stopped, its data folder removed. */
export async function stopOwnServer(server: RunningServer | undefined, browsers: (Browser | undefined)[], contexts: BrowserContext[]): Promise<void> {
  for (const context of contexts) await context.close();
  for (const browser of browsers) await browser?.close();
  await server?.stop();
  if (server) rmSync(path.dirname(server.dataDir), { recursive: true, force: true });
}

/** Fails with a readable list when axe (WCAG 2.2 AA tags) finds any violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const lines = result.violations.map(
    (v) => `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(lines, `axe violations on ${page.url()}:\n${lines.join('\n')}`).toEqual([]);
}

const LOCALES = path.resolve(import.meta.dirname, '../../web/locales');

/** Waits until the service worker has saved the page's API answer and every /assets/ file the page loaded: what a reload offline needs. */
export async function expectSavedForOffline(page: Page, apiPath: string): Promise<void> {
  const missing = () =>
    page.evaluate(async (api) => {
      const assets = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/assets/'));
      const wanted = [api, ...new Set(assets)];
      const saved = await Promise.all(wanted.map(async (path) => (await caches.match(path)) !== undefined));
      return wanted.filter((_, i) => !saved[i]);
    }, apiPath);
  await expect.poll(missing, { timeout: 60_000 }).toEqual([]);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The UI string for a key in a language, e.g. text('ro', 'common', 'home.title'); throws when the key is missing. */
export function text(lang: Language, namespace: string, key: string): string {
  const file = path.join(LOCALES, lang, `${namespace}.json`);
  let value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  for (const part of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  if (typeof value !== 'string') throw new Error(`No string ${namespace}:${key} in ${lang}`);
  return value;
}

/** The namespaces that exist in web/locales/en: a journey can skip itself when its feature has not landed. */
export function hasNamespace(namespace: string): boolean {
  return readdirSync(path.join(LOCALES, 'en')).includes(`${namespace}.json`);
}

/**
 * An authenticator app for one secret (base32, spaces as shown for manual entry are ignored). The server refuses a
 * code from a time step it has already seen and accepts one step of drift, so a second code within the same 30 s
 * is the next step's; only a third would have to wait.
 */
export class Authenticator {
  readonly secret: string;
  private lastStep = -1;
  constructor(secret: string) {
    this.secret = secret.replace(/\s+/g, '').toUpperCase();
  }
  async code(): Promise<string> {
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(current, this.lastStep + 1);
    if (step > current + 1) await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 50));
    this.lastStep = step;
    return generateSync({ secret: this.secret, epoch: step * 30 });
  }
}

/** Every key of every namespace, flattened ("nav", "nav.label", …): what i18next shows when a namespace is not loaded. */
function allKeys(): string[] {
  const keys = new Set<string>();
  const walk = (tree: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      const name = prefix ? `${prefix}.${key}` : key;
      keys.add(name.replace(/_(zero|one|two|few|many|other)$/, ''));
      if (value && typeof value === 'object') walk(value as Record<string, unknown>, name);
    }
  };
  for (const file of readdirSync(path.join(LOCALES, 'en'))) walk(JSON.parse(readFileSync(path.join(LOCALES, 'en', file), 'utf8')), '');
  return [...keys];
}

/**
 * Fails when the page shows a raw translation key instead of its text: a text node, document title or accessible
 * label that is exactly a key of our catalogues, or looks like one ("nav.profile"). Hidden text counts too (screen
 * readers read it).
 */
export async function expectNoRawKeys(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const found = await page.evaluate((keys) => {
    const known = new Set(keys);
    const looksLikeKey = (value: string) => known.has(value) || /^[a-z][a-zA-Z-]*(\.[a-zA-Z_-]+)+$/.test(value);
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('script, style, noscript')) texts.push(node.textContent ?? '');
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) texts.push(element.getAttribute(name) ?? '');
    }
    return [...new Set(texts.map((text) => text.trim()).filter(looksLikeKey))];
  }, allKeys());
  expect(found, `raw translation keys on ${page.url()}`).toEqual([]);
}

/**
 * What a reader sees go wrong with text on the page as it is now: words of five or more letters broken across two
 * lines (a box too narrow: "Ele/men/t"), and the page scrolling sideways. The same measure as page-check's.
 */
export async function expectTextFits(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const found = await page.evaluate(() => {
    const broken = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent ?? '';
      if (!el || text.length > 400 || el.closest('pre, code, kbd, samp, textarea, [aria-hidden="true"], .visually-hidden')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      for (const m of text.matchAll(/[^\s\-\u00ad/]{5,}/gu)) {
        const word = document.createRange();
        word.setStart(node, m.index);
        word.setEnd(node, m.index + m[0].length);
        const lines = new Set([...word.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.add(m[0].slice(0, 40));
      }
    }
    const sideways = document.documentElement.scrollWidth > window.innerWidth + 1 ? document.documentElement.scrollWidth : 0;
    return { broken: [...broken].slice(0, 10), sideways };
  });
  expect(found, `text that does not fit on ${page.url()}`).toEqual({ broken: [], sideways: 0 });
}

/** Regular expression matching a string exactly (for accessible-name locators). */
export function exactly(value: string): RegExp {
  return new RegExp(`^\\s*${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
