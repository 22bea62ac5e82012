// The reader route: JavaScript it ships (gzip) and the largest contentful paint of a chapter page in Chromium with a
// slow network and a slow CPU emulated, on a cold cache. `npm run bench` runs it; alone: `npx node bench/reader.ts`.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { buildWebApp, startServer } from '#tests/e2e/server.ts';
import { launchBrowser } from '#tests/e2e/support.ts';
import { writeDocSection } from './doc.ts';

// NOTE: Lighthouse's "slow 4G" profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; CPU slowed 4×.
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const CHAPTER = '/library/manual/communication';
const RUNS = 3;

/**
 * Gzip size of every script the chapter page had loaded when its first section heading was on screen (the entry
 * scripts, the lazy chunks and the language's string files), read in Chromium on a cold cache. Files loaded later
 * for offline reading (the other languages, the report form) are not counted.
 */
async function readerJs(browser: Browser, url: string, webRoot: string): Promise<{ kb: number; files: number }> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-section-heading]').first().waitFor({ timeout: 60_000 });
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((pathname) => pathname.endsWith('.js')),
  );
  await context.close();
  const dist = path.join(webRoot, 'dist/web');
  const bytes = [...new Set(scripts)].reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dist, file))).length, 0);
  return { kb: bytes / 1024, files: new Set(scripts).size };
}

async function lcpMs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.locator('[data-section-heading]').first().waitFor({ timeout: 120_000 });
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]!.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  await context.close();
  return lcp;
}

export async function benchReader(): Promise<string> {
  const webRoot = await buildWebApp();
  const server = await startServer({ cwd: webRoot, readyTimeoutMs: 300_000 });
  const browser = await launchBrowser();
  const version = browser.version();
  const lcps: number[] = [];
  const js = { kb: 0, files: 0 };
  try {
    Object.assign(js, await readerJs(browser, `${server.url}${CHAPTER}`, webRoot));
    for (let i = 0; i < RUNS; i++) lcps.push(await lcpMs(browser, `${server.url}${CHAPTER}`));
  } finally {
    await browser.close();
    await server.stop();
    rmSync(webRoot, { recursive: true, force: true });
  }
  const median = [...lcps].sort((a, b) => a - b)[Math.floor(lcps.length / 2)]!;
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)}; Chromium ${version}, viewport 412 × 823, cold cache each run.`,
    '',
    '| Reader route | Figure | Target |',
    '|---|---|---|',
    `| JavaScript loaded until the first section heading shows (gzip, ${js.files} files: entry, chunks, strings) | ${js.kb.toFixed(0)} KB ${js.kb <= 150 ? '✅' : '❌'} | ≤ 150 KB |`,
    `| Largest contentful paint of \`${CHAPTER}\`, slow 4G + 4× CPU, median of ${RUNS} (${lcps.map((ms) => (ms / 1000).toFixed(2)).join(' / ')} s) | ${(median / 1000).toFixed(2)} s | — |`,
  ].join('\n');
  console.log(`\n${markdown}\n`);
  writeDocSection('<!-- reader:start -->', '<!-- reader:end -->', markdown);
  return markdown;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchReader().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
