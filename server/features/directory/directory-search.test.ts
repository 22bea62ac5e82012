// The public directory search: each filter alone and combined (checked against the demo data), words in any language
// with accents folded, plain ranking, paging, hostile parameters, a service's page and the county counts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import type { DirectoryRegionCounts, DirectoryServiceDetail } from '#shared/directory/directory-service.schema.ts';
import type { DirectorySearchResult } from '#shared/directory/directory-search.schema.ts';
import { DirectorySearchResultSchema } from '#shared/directory/directory-search.schema.ts';
import { SERVICE_CATEGORIES } from '#shared/directory/taxonomy.ts';
import { APPROVED, seedDirectory, type DemoEntry } from './directory-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDirectory(t);
});
afterAll(() => t?.close());

const search = async (query: Record<string, string>) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/directory/services?${new URLSearchParams(query)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DirectorySearchResult>();
};
/** Every page's names. */
const allNames = async (query: Record<string, string>) => {
  const names: string[] = [];
  for (let page = 1; ; page++) {
    const result = await search({ ...query, page: String(page) });
    names.push(...result.services.map((s) => s.name));
    if (page * result.pageSize >= result.total) return names.sort();
  }
};
const expected = (keep: (s: DemoEntry) => boolean) => APPROVED.filter(keep).map((s) => s.name).sort();

const FILTERS: [string, Record<string, string>, (s: DemoEntry) => boolean][] = [
  ['category', { category: 'shelter' }, (s) => s.categories.includes('shelter')],
  ['region', { region: 'RO-CJ' }, (s) => s.areas.includes('RO-CJ')],
  ['country', { country: 'NO' }, (s) => s.country === 'NO'],
  ['language', { language: 'hu' }, (s) => s.languages.includes('hu')],
  ['free', { free: 'false' }, (s) => s.fees !== undefined],
  ['accepting', { accepting: 'true' }, (s) => s.accepting],
  ['not accepting', { accepting: 'false' }, (s) => !s.accepting],
  ['age of a child', { age: '12' }, (s) => (s.minAge ?? 0) <= 12 && (s.maxAge ?? 200) >= 12],
  ['age of an adult', { age: '30' }, (s) => (s.minAge ?? 0) <= 30 && (s.maxAge ?? 200) >= 30],
];

describe('the demo directory', () => {
  test('25–40 listings, every category, both countries, all marked demo; the association takes adults in Romania', async () => {
    expect(APPROVED.length).toBeGreaterThanOrEqual(25);
    expect(APPROVED.length).toBeLessThanOrEqual(40);
    for (const category of SERVICE_CATEGORIES) expect(APPROVED.some((s) => s.categories.includes(category)), category).toBe(true);
    expect((await search({ country: 'NO' })).total).toBeGreaterThan(5);
    expect((await search({})).services.every((s) => s.isDemo)).toBe(true);
    const association = (await search({ q: 'Punți', accepting: 'true', age: '30', country: 'RO' })).services.map((s) => s.name);
    expect(association).toContain('Consiliere medicală și managementul cazului');
  });
});

describe('filters', () => {
  test('no filter: every approved listing, pending ones never', async () => {
    expect(await allNames({})).toEqual(expected(() => true));
    expect(await allNames({})).not.toContain('Grup de sprijin între egali');
  });

  test.each(FILTERS)('%s alone', async (_name, query, keep) => {
    const names = await allNames(query);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual(expected(keep));
  });

  test('combined with AND', async () => {
    const combos: [Record<string, string>, (s: DemoEntry) => boolean][] = [
      [{ category: 'shelter', country: 'RO', accepting: 'true' }, (s) => s.categories.includes('shelter') && s.country === 'RO' && s.accepting],
      [{ region: 'RO-B', age: '10' }, (s) => s.areas.includes('RO-B') && (s.maxAge ?? 200) >= 10 && (s.minAge ?? 0) <= 10],
      [{ language: 'en', category: 'legal', free: 'true' }, (s) => s.languages.includes('en') && s.categories.includes('legal') && s.fees === undefined],
      [{ country: 'NO', category: 'interpretation', free: 'false' }, (s) => s.country === 'NO' && s.categories.includes('interpretation') && s.fees !== undefined],
    ];
    for (const [query, keep] of combos) expect(await allNames(query), JSON.stringify(query)).toEqual(expected(keep));
    expect(await allNames({ country: 'NO', region: 'RO-CJ' })).toEqual([]);
  });
});

describe('words', () => {
  test('found by summary words in any language, accents folded, and by category names', async () => {
    expect((await search({ q: 'consiliere medicala' })).services.map((s) => s.name)).toContain('Consiliere medicală și managementul cazului');
    expect((await search({ q: 'case manager' })).services[0]!.name).toBe('Consiliere medicală și managementul cazului');
    expect((await search({ q: 'tolk' })).services.map((s) => s.name)).toContain('Kvalifiserte tolker til helse og rettshjelp');
    expect((await search({ q: 'adapost', country: 'RO' })).services.every((s) => s.categories.includes('shelter') || s.summary)).toBe(true);
    expect((await search({ q: 'zzzznothing' })).total).toBe(0);
  });

  test('the card speaks the reader’s language when the listing has it, else English', async () => {
    const ro = (await search({ q: 'Punți', lang: 'ro' })).services.find((s) => s.name.startsWith('Consiliere medicală'))!;
    expect(ro).toMatchObject({ summaryLanguage: 'ro', summary: expect.stringContaining('manager de caz') });
    const nb = (await search({ q: 'Punți', lang: 'nb' })).services.find((s) => s.name.startsWith('Însoțire'))!;
    expect(nb.summaryLanguage).toBe('en');
  });

  test('plain ranking: without words, accepting referrals first, then by name', async () => {
    const { services } = await search({ country: 'RO' });
    const accepting = services.map((s) => s.acceptingReferrals);
    expect(accepting).toEqual([...accepting].sort((a, b) => Number(b) - Number(a)));
    const firstBlock = services.filter((s) => s.acceptingReferrals).map((s) => s.name);
    expect(firstBlock).toEqual([...firstBlock].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('paging and cards', () => {
  test('pages of 20, the total on every page, an empty page past the end', async () => {
    const first = await search({});
    expect(first).toMatchObject({ total: APPROVED.length, page: 1, pageSize: 20 });
    expect(first.services).toHaveLength(20);
    const second = await search({ page: '2' });
    expect(second.services).toHaveLength(APPROVED.length - 20);
    expect(second.services.map((s) => s.id)).not.toContain(first.services[0]!.id);
    expect((await search({ page: '9' })).services).toEqual([]);
  });

  test('the answer fits the shared search contract; cards carry the demo mark, the place and the flags', async () => {
    const result = await search({ q: 'Fyrlykta' });
    expect(() => DirectorySearchResultSchema.parse(result)).not.toThrow();
    const card = result.services.find((s) => s.name === 'Oppfølging og helsehjelp for voksne')!;
    expect(card).toMatchObject({ isDemo: true, onPlatform: true, confidential: false, city: 'Oslo', acceptingReferrals: true, availablePlaces: 5, verificationDue: false });
    const shelter = result.services.find((s) => s.name === 'Trygg bolig')!;
    expect(shelter).toMatchObject({ confidential: true, city: null, phone: '+47 21 00 01 52' });
    const stale = (await search({ q: 'rettshjelp' })).services.find((s) => s.name === 'Gratis rettshjelp')!;
    expect(stale).toMatchObject({ verificationDue: true, onPlatform: false });
  });
});

describe('hostile parameters → 400', () => {
  test.each([
    'category=weapons',
    'region=RO-XX',
    'country=SE',
    'language=english',
    'free=yes',
    'accepting=1',
    'age=-1',
    'age=121',
    'age=1e3',
    'page=0',
    'page=501',
    'lang=de',
    'q=',
    'q=%00drop',
    'q=---',
    `q=${'a'.repeat(201)}`,
    'unknown=1',
    'category=shelter&category=legal',
  ])('%s', async (query) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/directory/services?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid' });
  });

  test('tsquery syntax in the words is only words', async () => {
    expect((await search({ q: "adăpost & !(x | y) ':*" })).total).toBe(0);
    expect((await search({ q: 'adăpost:*' })).total).toBeGreaterThan(0);
  });
});

describe('a service’s page and the county list', () => {
  test('an approved service in the reader’s language, with its public place and hours', async () => {
    const id = (await search({ q: 'Aurora ginecologice' })).services.find((s) => s.name.startsWith('Cabinet'))!.id;
    const res = await t.app.inject({ method: 'GET', url: `/api/directory/services/${id}?lang=nb` });
    expect(res.statusCode).toBe(200);
    const detail = res.json<DirectoryServiceDetail>();
    expect(detail).toMatchObject({ summaryLanguage: 'nb', organization: { name: 'Institutul Aurora pentru Sănătatea Reproducerii', country: 'RO' }, isFree: true });
    expect(detail.locations).toEqual([expect.objectContaining({ city: 'Cluj-Napoca', address1: 'Strada Fictivă 14', region: 'RO-CJ' })]);
    expect(detail.schedules).toHaveLength(2);
  });

  test('pending, unknown and malformed ids: 404, 404, 400', async () => {
    const pending = await t.deps.db.selectFrom('directoryService').select('id').where('reviewStatus', '=', 'pending').executeTakeFirstOrThrow();
    expect((await t.app.inject({ method: 'GET', url: `/api/directory/services/${pending.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/directory/services/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/directory/services/not-an-id' })).statusCode).toBe(400);
  });

  test('each county with its count of approved services', async () => {
    const { regions } = (await t.app.inject({ method: 'GET', url: '/api/directory/regions' })).json<DirectoryRegionCounts>();
    const count = (code: string) => regions.find((r) => r.code === code)?.count ?? 0;
    expect(count('RO-CJ')).toBe(APPROVED.filter((s) => s.areas.includes('RO-CJ')).length);
    expect(count('NO-03')).toBe(APPROVED.filter((s) => s.areas.includes('NO-03')).length);
    expect(regions.find((r) => r.code === 'NO-03')!.country).toBe('NO');
  });
});
