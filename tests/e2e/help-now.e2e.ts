// Journey: a signed-out reader, on any page, reaches "Help now" in one click (and by keyboard), sees the emergency
// number 112 as a tap-to-call link with its source, switches country, and finds "Who to call" on a chapter; axe clean.
import { describe, expect, test } from 'vitest';
import { exactly, expectNoAxeViolations, hasNamespace, text, useJourneys, type Language } from './support.ts';

const journey = useJourneys();

const common = (lang: Language, key: string) => text(lang, 'common', key);
const help = (lang: Language, key: string) => text(lang, 'help', key);

describe.skipIf(!hasNamespace('help'))('Help now', () => {
  test('from the start page, one click on the header link shows 112 as a tel: link with its source; axe clean', async () => {
    const page = await journey('en-GB');
    await page.goto('/');
    await page.getByRole('banner').getByRole('link', { name: exactly(common('en', 'helpNow.link')) }).click();
    await page.waitForURL(/\/help$/);
    await page.getByRole('heading', { level: 1, name: exactly(help('en', 'title')) }).waitFor();
    expect(await page.title()).toBe(`${help('en', 'title')} · Pro Health`);
    // English readers see both countries; each country's emergency number comes first.
    const romania = page.getByRole('region', { name: help('en', 'countries.RO') });
    const first = romania.getByRole('listitem').first();
    await expect.poll(() => first.getByRole('link', { name: `${common('en', 'helpNow.call')} 112` }).getAttribute('href')).toBe('tel:112');
    expect(await first.getByRole('link', { name: 'cj.politiaromana.ro' }).getAttribute('href')).toMatch(/^https:\/\//);
    await page.getByRole('region', { name: help('en', 'countries.NO') }).getByRole('link', { name: `${common('en', 'helpNow.call')} 113` }).waitFor();
    await expectNoAxeViolations(page);
  });

  test('by keyboard: Tab to "Help now", Enter, Tab on to the first number', async () => {
    const page = await journey('en-GB');
    await page.goto('/library');
    const linkName = common('en', 'helpNow.link');
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === linkName) break;
    }
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('help-now-link');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/help$/);
    await page.getByRole('link', { name: `${common('en', 'helpNow.call')} 112` }).first().waitFor();
    let reached = '';
    for (let i = 0; i < 30 && !reached.startsWith('tel:'); i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.getAttribute('href'))) ?? '';
    }
    expect(reached).toBe('tel:112');
  });

  test('a Romanian reader sees Romania first and can switch to Norway (375 px, axe clean)', async () => {
    const page = await journey('ro-RO', 375);
    await page.goto('/help');
    const norway = page.getByRole('button', { name: exactly(help('ro', 'switch.NO')) });
    expect(await page.getByRole('button', { name: exactly(help('ro', 'switch.RO')) }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('region', { name: help('ro', 'countries.RO') }).waitFor();
    expect(await page.getByRole('region', { name: help('ro', 'countries.NO') }).count()).toBe(0);
    await norway.click();
    expect(await norway.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('link', { name: `${common('ro', 'helpNow.call')} 116 111` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page);
  });

  test('a chapter shows "Who to call" with the numbers that belong to it', async () => {
    const page = await journey('nb-NO');
    await page.goto('/library/manual/children');
    const aside = page.getByRole('complementary', { name: common('nb', 'helpNow.asideTitle') });
    await aside.waitFor();
    expect(await aside.getByRole('link', { name: `${common('nb', 'helpNow.call')} 116 111` }).getAttribute('href')).toBe('tel:116111');
    await aside.getByRole('link', { name: exactly(common('nb', 'helpNow.asideMore')) }).click();
    await page.waitForURL(/\/help$/);
    await page.getByRole('heading', { level: 1, name: exactly(help('nb', 'title')) }).waitFor();
  });
});
