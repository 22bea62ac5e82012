// HSDS 3.0 conformance of the read API: every answer validated against the official schemas (lenient and strict), the
// Page arithmetic, AND-combined filters, ids from lists that fetch their item, 404s, 400s naming the parameter, ndjson.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CATEGORY_TERM_IDS, TAXONOMY } from '#shared/directory/taxonomy.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { seedLocation, seedOrganization, seedService } from '#tests/standards/hsds/hsds-fixtures.ts';
import { example, validateList, validateOne } from '#tests/standards/hsds/hsds-validator.ts';

let t: TestApp;
const ids = { orgA: '', orgB: '', clinic: '', shelter: '', pending: '', old: '', legal: '' };
const OLD = new Date('2025-01-15T10:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  ids.orgA = (await seedOrganization(db, 'Spitalul Exemplu')).id;
  ids.orgB = (await seedOrganization(db, 'Asociația Adăpost')).id;
  ids.clinic = await seedService(db, ids.orgA, { name: 'Clinic for sexual health', categories: ['medical', 'sexual-reproductive-health'] });
  ids.old = await seedService(db, ids.orgA, { name: 'Old counselling', categories: ['mental-health'], updatedAt: OLD, areas: ['RO-B'] });
  ids.pending = await seedService(db, ids.orgA, { name: 'Pending listing', review: 'pending' });
  await seedService(db, ids.orgA, { name: 'Rejected listing', review: 'rejected' });
  ids.shelter = await seedService(db, ids.orgB, { name: 'Shelter for women', categories: ['shelter'], areas: ['RO-CJ', 'RO-BH'] });
  ids.legal = await seedService(db, ids.orgB, { name: 'Legal help', categories: ['legal'], areas: ['RO-B'] });
  await seedLocation(db, ids.orgA, [ids.clinic, ids.old, ids.pending], { postalCode: '400 001', lat: 46.77, lon: 23.59 });
  await seedLocation(db, ids.orgB, [ids.legal], { postalCode: '010101', lat: 44.43, lon: 26.1, region: 'RO-B', city: 'București' });
  await seedLocation(db, ids.orgB, [ids.shelter], { confidential: true, postalCode: '400999', lat: 46.7812345, lon: 23.6012345 });
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const json = async (url: string) => {
  const res = await get(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json();
};
type Page = { total_items: number; total_pages: number; page_number: number; size: number; first_page: boolean; last_page: boolean; empty: boolean; contents: { id: string }[] };

describe('the validator itself', () => {
  test('accepts every official example, lenient and strict', () => {
    for (const [file, schema] of [['service_full.json', 'service.json'], ['organization_full.json', 'organization.json'], ['service_at_location_full.json', 'service_at_location.json'], ['location.json', 'location.json'], ['taxonomy.json', 'taxonomy.json'], ['taxonomy_term.json', 'taxonomy_term.json']] as const) {
      expect(validateOne(schema, example(file)), file).toEqual([]);
    }
    for (const kind of ['service', 'organization', 'service_at_location', 'taxonomy', 'taxonomy_term'] as const) expect(validateList(kind, example(`${kind}_list.json`)), kind).toEqual([]);
  });

  test('refuses a bad service and, in strict mode, an invented field', () => {
    expect(validateOne('service.json', { id: 'nope', name: 'x', status: 'open' }).join()).toMatch(/format.*uuid[\s\S]*allowed values/);
    expect(validateOne('service.json', { id: CATEGORY_TERM_IDS.legal, name: 'x', status: 'active', colour: 'red' }).join()).toMatch(/strict .*additional/);
  });
});

describe('GET /hsds', () => {
  test('names version 3.0, our profile and our OpenAPI document', async () => {
    const base = await json('/hsds');
    expect(base.version).toBe('3.0');
    expect(base.profile).toMatch(/^http.*\/hsds\/profile\.json$/);
    expect(base.openapi_url).toMatch(/^http.*\/hsds\/openapi\.json$/);
    expect((await json('/hsds/profile.json')).patches['service.json'].properties.accepting_referrals).toBeDefined();
    expect((await get('/hsds/services')).headers['access-control-allow-origin']).toBe('*');
    expect((await json('/hsds/')).version).toBe('3.0');
  });

  test('our OpenAPI copy has its info filled and every $ref pointing at schema files we serve', async () => {
    const doc = await json('/hsds/openapi.json');
    expect(doc.info.title).not.toMatch(/REQUIRED/);
    expect(doc.info.description).toMatch(/Accept-Language/);
    expect(doc.info.description).toMatch(/centroid/);
    expect(doc.paths['/service_at_locations/{id}'].get.responses['200'].content['application/json'].schema.$ref).toBe('schema/service_at_location.json');
    expect(doc.paths['/services'].get.parameters).toContainEqual({ $ref: '#/components/parameters/lang' });
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"#][^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    expect(refs.filter((r) => r.startsWith('http'))).toEqual([]);
    for (const ref of new Set(refs)) expect((await get(`/hsds/${ref}`)).statusCode, ref).toBe(200);
  });
});

describe('lists and items', () => {
  const lists = [
    ['/hsds/services', 'service', 'service.json'],
    ['/hsds/services?full=true', 'service', 'service.json'],
    ['/hsds/organizations', 'organization', 'organization.json'],
    ['/hsds/organizations?full=true', 'organization', 'organization.json'],
    ['/hsds/organizations?full_service=true', 'organization', 'organization.json'],
    ['/hsds/service_at_locations', 'service_at_location', 'service_at_location.json'],
    ['/hsds/service_at_locations?full=true', 'service_at_location', 'service_at_location.json'],
    ['/hsds/taxonomies', 'taxonomy', 'taxonomy.json'],
    ['/hsds/taxonomy_terms', 'taxonomy_term', 'taxonomy_term.json'],
  ] as const;

  test.each(lists)('%s validates, and each id fetches its item, which validates', async (url, kind, file) => {
    const body: Page = await json(url);
    expect(validateList(kind, body, /full/.test(url))).toEqual([]);
    expect(body.contents.length).toBeGreaterThan(0);
    const path = url.split('?')[0];
    for (const item of body.contents) {
      const one = await json(`${path}/${item.id}`);
      expect(one.id).toBe(item.id);
      expect(validateOne(file, one), `${path}/${item.id}`).toEqual([]);
    }
  });

  test('only approved listings are published, by list or by id', async () => {
    const services: Page = await json('/hsds/services');
    expect(services.contents.map((s) => s.id).sort()).toEqual([ids.clinic, ids.old, ids.shelter, ids.legal].sort());
    expect((await get(`/hsds/services/${ids.pending}`)).statusCode).toBe(404);
    const sal: Page = await json('/hsds/service_at_locations');
    expect(sal.total_items).toBe(4);
  });

  test('404 for unknown ids on every item endpoint', async () => {
    for (const path of ['services', 'organizations', 'service_at_locations', 'taxonomies', 'taxonomy_terms']) {
      const res = await get(`/hsds/${path}/00000000-0000-4000-8000-000000000000`);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
  });

  test('a full service carries attributes with our taxonomy terms, children with stable derived ids', async () => {
    const one = await json(`/hsds/services/${ids.clinic}`);
    expect(one.attributes.map((a: { taxonomy_term_id: string }) => a.taxonomy_term_id).sort()).toEqual([CATEGORY_TERM_IDS.medical, CATEGORY_TERM_IDS['sexual-reproductive-health']].sort());
    expect(one.languages.map((l: { code: string }) => l.code)).toEqual(['ro', 'en']);
    expect(one.service_areas[0]).toMatchObject({ name: 'Cluj', extent: 'RO-CJ' });
    expect(one.accepting_referrals).toBe(true);
    expect(one.available_places).toBe(3);
    const again = await json(`/hsds/services/${ids.clinic}`);
    expect(again.languages.map((l: { id: string }) => l.id)).toEqual(one.languages.map((l: { id: string }) => l.id));
  });
});

describe('Page arithmetic', () => {
  test('total_pages = ceil(total / per_page), first/last/empty flags, beyond the last page', async () => {
    const p1: Page = await json('/hsds/services?per_page=3');
    expect(p1).toMatchObject({ total_items: 4, total_pages: 2, page_number: 1, size: 3, first_page: true, last_page: false, empty: false });
    const p2: Page = await json('/hsds/services?per_page=3&page=2');
    expect(p2).toMatchObject({ total_items: 4, total_pages: 2, page_number: 2, size: 1, first_page: false, last_page: true, empty: false });
    expect(new Set([...p1.contents, ...p2.contents].map((s) => s.id)).size).toBe(4);
    const beyond: Page = await json('/hsds/services?per_page=3&page=9');
    expect(beyond).toMatchObject({ total_items: 4, total_pages: 2, page_number: 9, size: 0, first_page: false, last_page: true, empty: true, contents: [] });
    expect(validateList('service', beyond)).toEqual([]);
    const exact: Page = await json('/hsds/services?per_page=2');
    expect(exact.total_pages).toBe(2);
    const none: Page = await json('/hsds/services?search=nothingmatcheszz');
    expect(none).toMatchObject({ total_items: 0, total_pages: 0, page_number: 1, first_page: true, last_page: true, empty: true });
    const terms: Page = await json('/hsds/taxonomy_terms?per_page=4&page=3');
    expect(terms).toMatchObject({ total_items: 10, total_pages: 3, size: 2, last_page: true });
  });

  test('minimal=true gives ids and dates of all services in one call', async () => {
    const body: Page = await json('/hsds/services?minimal=true&per_page=1000');
    expect(validateList('service', body)).toEqual([]);
    expect(Object.keys(body.contents[0]!).sort()).toEqual(['id', 'last_modified', 'name', 'status']);
    expect(body.size).toBe(4);
  });
});

describe('filters, combined with AND', () => {
  const idsOf = async (url: string) => ((await json(url)) as Page).contents.map((c) => c.id).sort();

  test('taxonomy_term_id, taxonomy_id, organization_id, search, modified_after and their combinations', async () => {
    expect(await idsOf(`/hsds/services?taxonomy_term_id=${CATEGORY_TERM_IDS.medical}`)).toEqual([ids.clinic]);
    expect(await idsOf(`/hsds/services?taxonomy_id=${TAXONOMY.id}`)).toHaveLength(4);
    expect(await idsOf(`/hsds/services?taxonomy_id=${CATEGORY_TERM_IDS.medical}`)).toEqual([]);
    expect(await idsOf(`/hsds/services?organization_id=${ids.orgB}`)).toEqual([ids.shelter, ids.legal].sort());
    expect(await idsOf('/hsds/services?search=counsel')).toEqual([ids.old]);
    expect(await idsOf('/hsds/services?search=botilbud')).toEqual([ids.shelter]); // the category's Norwegian name
    expect(await idsOf('/hsds/services?search=adapost')).toEqual([ids.shelter, ids.legal].sort()); // organisation name, folded
    expect(await idsOf('/hsds/services?modified_after=2025-06-01T00:00:00Z')).toEqual([ids.clinic, ids.shelter, ids.legal].sort());
    expect(await idsOf('/hsds/services?modified_after=2025-01-15')).toHaveLength(4);
    expect(await idsOf(`/hsds/services?organization_id=${ids.orgA}&modified_after=2025-06-01T00:00:00Z`)).toEqual([ids.clinic]);
    expect(await idsOf(`/hsds/services?organization_id=${ids.orgA}&taxonomy_term_id=${CATEGORY_TERM_IDS.shelter}`)).toEqual([]);
    expect(await idsOf(`/hsds/service_at_locations?organization_id=${ids.orgB}&taxonomy_term_id=${CATEGORY_TERM_IDS.legal}`)).toHaveLength(1);
    expect(await idsOf('/hsds/organizations?search=adapost')).toEqual([ids.orgB]);
    expect(await idsOf(`/hsds/taxonomy_terms?taxonomy_id=${TAXONOMY.id}&search=shelter`)).toEqual([CATEGORY_TERM_IDS.shelter]);
    expect(await idsOf(`/hsds/taxonomy_terms?parent_id=${CATEGORY_TERM_IDS.shelter}`)).toEqual([]);
    expect(await idsOf('/hsds/taxonomy_terms?top_only=true')).toHaveLength(10);
  });

  test('the postcode index holds the very expression the filter compares (so the database uses it)', async () => {
    const { sql } = await import('kysely');
    const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'directory_location_postcode_idx'`.execute(t.deps.db);
    expect(rows[0]?.indexdef).toContain("'\\s'::text");
  });

  test('postcode: a public place there or a service area containing one; proximity from the centroid; confidential places never match', async () => {
    // 400001 is the clinic's (public) postcode, in RO-CJ: the clinic's services, and the shelter by its service area RO-CJ.
    expect(await idsOf('/hsds/services?postcode=400001')).toEqual([ids.clinic, ids.old, ids.shelter].sort());
    // the shelter's own (secret) postcode is not one of our public places: nothing
    expect(await idsOf('/hsds/services?postcode=400999')).toEqual([]);
    expect(await idsOf('/hsds/services?postcode=400999&proximity=100000')).toEqual([]);
    // 5 km around the clinic: the clinic's services, not the shelter 1.5 km away (confidential), not Bucharest
    expect(await idsOf('/hsds/services?postcode=400001&proximity=5000')).toEqual([ids.clinic, ids.old].sort());
    expect(await idsOf('/hsds/services?postcode=400001&proximity=500000')).toEqual([ids.clinic, ids.old, ids.legal].sort());
    expect(await idsOf('/hsds/service_at_locations?postcode=010101&proximity=1000')).toHaveLength(1);
    expect(await idsOf(`/hsds/services?postcode=400001&taxonomy_term_id=${CATEGORY_TERM_IDS.shelter}`)).toEqual([ids.shelter]);
  });
});

describe('format=ndjson', () => {
  test.each([
    ['/hsds/services', 'service.json'],
    ['/hsds/services?full=true', 'service.json'],
    ['/hsds/organizations?full_service=true', 'organization.json'],
    ['/hsds/service_at_locations', 'service_at_location.json'],
    ['/hsds/taxonomy_terms', 'taxonomy_term.json'],
  ])('%s streams one valid object per line, as many as total_items', async (url, file) => {
    const sep = url.includes('?') ? '&' : '?';
    const total = ((await json(url)) as Page).total_items;
    const res = await get(`${url}${sep}format=ndjson`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = res.body.split('\n').filter(Boolean);
    expect(lines).toHaveLength(total);
    for (const line of lines) expect(validateOne(file, JSON.parse(line))).toEqual([]);
  });
});

describe('bad parameters', () => {
  test.each([
    ['/hsds/services?per_page=0', 'per_page'],
    ['/hsds/services?per_page=101', 'per_page'],
    ['/hsds/services?page=first', 'page'],
    ['/hsds/services?page=0', 'page'],
    ['/hsds/services?taxonomy_term_id=medical', 'taxonomy_term_id'],
    ['/hsds/services?organization_id=1', 'organization_id'],
    ['/hsds/services?modified_after=yesterday', 'modified_after'],
    ['/hsds/services?minimal=yes', 'minimal'],
    ['/hsds/services?format=xml', 'format'],
    ['/hsds/services?proximity=1000', 'proximity'],
    ['/hsds/services?postcode=400001&proximity=-5', 'proximity'],
    ['/hsds/service_at_locations?full=1', 'full'],
    ['/hsds/organizations?full_service=maybe', 'full_service'],
    ['/hsds/taxonomy_terms?top_only=1', 'top_only'],
    ['/hsds/taxonomy_terms?parent_id=x', 'parent_id'],
    ['/hsds/services?lang=fr', 'lang'],
  ])('%s → 400 naming %s', async (url, parameter) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields)).toContain(parameter);
  });

  test('an unknown parameter is refused by name, an id that is not a UUID is a 400', async () => {
    const res = await get('/hsds/services?colour=red');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toMatch(/colour/);
    expect((await get('/hsds/services/not-an-id')).statusCode).toBe(400);
  });
});

describe('language of descriptions', () => {
  test('lang, then Accept-Language, then English', async () => {
    const desc = async (url: string, headers: Record<string, string> = {}) => {
      const res = await get(url, headers);
      return { text: res.json().description as string, language: res.headers['content-language'] };
    };
    const url = `/hsds/services/${ids.clinic}`;
    expect(await desc(url)).toEqual({ text: 'Clinic for sexual health in English', language: 'en' });
    expect(await desc(`${url}?lang=ro`)).toEqual({ text: 'Clinic for sexual health în română', language: 'ro' });
    expect(await desc(url, { 'accept-language': 'fr;q=1, no;q=0.8, en;q=0.5' })).toEqual({ text: 'Clinic for sexual health på norsk', language: 'nb' });
    expect(await desc(`${url}?lang=en`, { 'accept-language': 'ro' })).toMatchObject({ language: 'en' });
  });
});
