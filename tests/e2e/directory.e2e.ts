// Journey: someone without an account searches the service directory in Norwegian, filters it (county, accepting
// referrals now), opens a service and reads how to reach it; a confidential shelter shows no address; the county list
// leads to a filtered search; a Romanian reader on a phone sees a service page. Axe clean throughout.
import { describe, expect, test } from 'vitest';
import { exactly, expectNoAxeViolations, expectNoRawKeys, hasNamespace, text, useJourneys, type Language } from './support.ts';

const journey = useJourneys();

const dir = (lang: Language, key: string) => text(lang, 'directory', key);
const common = (lang: Language, key: string) => text(lang, 'common', key);

describe.skipIf(!hasNamespace('directory'))('service directory', () => {
  test('searched in Norwegian without an account, filtered to Oslo and "accepting now", a service opened; axe clean', async () => {
    const page = await journey('nb-NO');
    await page.goto('/');
    await page.getByRole('navigation', { name: common('nb', 'nav.label') }).getByRole('link', { name: exactly(common('nb', 'nav.directory')) }).click();
    await page.getByRole('heading', { level: 1, name: exactly(dir('nb', 'title')) }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('searchbox', { name: dir('nb', 'search.label') }).fill('tolk');
    await page.getByRole('button', { name: exactly(dir('nb', 'search.submit')) }).click();
    await page.waitForURL(/q=tolk/);
    const results = page.getByRole('region', { name: dir('nb', 'results.heading') });
    await results.getByRole('link', { name: 'Kvalifiserte tolker til helse og rettshjelp' }).waitFor();

    await page.getByRole('searchbox', { name: dir('nb', 'search.label') }).fill('');
    await page.getByLabel(dir('nb', 'filters.county')).selectOption('NO-03');
    await page.getByLabel(dir('nb', 'filters.accepting')).check();
    await page.getByRole('button', { name: exactly(dir('nb', 'search.apply')) }).click();
    await page.waitForURL(/region=NO-03/);
    expect(page.url()).toContain('accepting=true');
    const shelter = results.getByRole('listitem').filter({ hasText: 'Trygg bolig' });
    await shelter.waitFor();
    await expect.poll(() => shelter.textContent()).toContain(dir('nb', 'tags.confidential'));
    expect(await results.getByText(dir('nb', 'tags.demo'), { exact: true }).count()).toBeGreaterThan(0);
    await expectNoRawKeys(page);
    await expectNoAxeViolations(page);

    await results.getByRole('link', { name: 'Oppfølging og helsehjelp for voksne' }).click();
    await page.getByRole('heading', { level: 1, name: 'Oppfølging og helsehjelp for voksne' }).waitFor();
    expect(await page.title()).toBe(`${dir('nb', 'service.documentTitle')} · Pro Health`);
    expect(await page.getByRole('link', { name: '+47 21 00 01 51' }).getAttribute('href')).toBe('tel:+4721000151');
    await page.getByText('Eksempelgata 15, 0150 Oslo').waitFor();
    await expectNoAxeViolations(page);
  });

  test('a confidential shelter’s page shows its front-gate phone and never an address', async () => {
    const page = await journey('en-GB');
    await page.goto('/directory?q=Fyrlykta');
    await page.getByRole('link', { name: 'Trygg bolig' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trygg bolig' }).waitFor();
    await page.getByText(dir('en', 'service.confidentialNote')).waitFor();
    const body = (await page.textContent('main')) ?? '';
    expect(body).not.toContain('Hemmelig adresse');
    expect(body).not.toContain('0151');
    await expectNoAxeViolations(page);
  });

  test('the county list leads to a search filtered to that county (Romanian, 375 px)', async () => {
    const page = await journey('ro-RO', 375);
    await page.goto('/directory/counties');
    await page.getByRole('heading', { level: 1, name: exactly(dir('ro', 'counties.title')) }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: exactly('Cluj') }).click();
    await page.waitForURL(/region=RO-CJ/);
    expect(await page.getByLabel(dir('ro', 'filters.county')).inputValue()).toBe('RO-CJ');
    await page.getByRole('link', { name: 'Cabinet de sănătate sexuală și reproductivă' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cabinet de sănătate sexuală și reproductivă' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoRawKeys(page);
    await expectNoAxeViolations(page);
  });
});
