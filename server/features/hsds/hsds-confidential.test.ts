// The confidential rule (standards.md §1.5) on every HSDS endpoint and form: a shelter's location never shows its
// address, coordinates or postal code — in lists, full objects, ndjson or exports — while its service areas and the
// front-gate phone remain. The rows hold all of them, so only the serialiser stands between them and a reader.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { seedLocation, seedOrganization, seedService } from '#tests/standards/hsds/hsds-fixtures.ts';
import { validateOne } from '#tests/standards/hsds/hsds-validator.ts';

let t: TestApp;
let admin = '';
const ids = { org: '', shelter: '', clinic: '', location: '', link: '' };
const SECRETS = ['Strada Secretă', '400999', '46.7812345', '23.6012345', '46.78123', '23.60123'];
const FRONT_GATE = '+40 700 123 456';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  ids.org = (await seedOrganization(db, 'Asociația Casa Sigură')).id;
  ids.shelter = await seedService(db, ids.org, { name: 'Shelter for survivors', categories: ['shelter'], areas: ['RO-CJ', 'RO-SJ'], phone: FRONT_GATE });
  ids.clinic = await seedService(db, ids.org, { name: 'Counselling office' });
  const shelterPlace = await seedLocation(db, ids.org, [ids.shelter], { confidential: true, postalCode: '400999', lat: 46.7812345, lon: 23.6012345 });
  ids.location = shelterPlace.id;
  ids.link = shelterPlace.links[0]!;
  await seedLocation(db, ids.org, [ids.clinic], { postalCode: '400100', lat: 46.75, lon: 23.55 });
  const a = await createAccount(db, { isPlatformAdmin: true, withTotp: true });
  admin = await signIn(t.app, { ...a, totpSecret: a.totpSecret! });
});
afterAll(async () => t?.close());

const endpoints = () => [
  '/hsds/services',
  '/hsds/services?full=true',
  '/hsds/services?format=ndjson',
  '/hsds/services?full=true&format=ndjson',
  `/hsds/services/${ids.shelter}`,
  '/hsds/organizations',
  '/hsds/organizations?full=true',
  '/hsds/organizations?full_service=true',
  '/hsds/organizations?full_service=true&format=ndjson',
  `/hsds/organizations/${ids.org}`,
  `/hsds/organizations/${ids.org}?full_service=true`,
  '/hsds/service_at_locations',
  '/hsds/service_at_locations?full=true',
  '/hsds/service_at_locations?full=true&format=ndjson',
  `/hsds/service_at_locations/${ids.link}`,
  '/api/directory/export.json',
  '/api/directory/export.zip',
];

test('no endpoint, list, full form, stream or export shows where the shelter is', async () => {
  for (const url of endpoints()) {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
    expect(res.statusCode, url).toBe(200);
    const body = url.endsWith('.zip') ? (await import('fflate')).unzipSync(new Uint8Array(res.rawPayload)) : { body: new TextEncoder().encode(res.body) };
    const text = Object.values(body).map((b) => new TextDecoder().decode(b)).join('\n');
    expect(text, url).toMatch(/Shelter for survivors|Casa Sigură/);
    for (const secret of SECRETS) expect(text, `${url} shows ${secret}`).not.toContain(secret);
  }
});

test('the shelter keeps its service areas and front-gate phone, and its location says it is confidential', async () => {
  const service = (await t.app.inject({ method: 'GET', url: `/hsds/services/${ids.shelter}` })).json();
  expect(validateOne('service.json', service)).toEqual([]);
  expect(service.service_areas.map((a: { extent: string }) => a.extent)).toEqual(['RO-CJ', 'RO-SJ']);
  expect(service.phones[0].number).toBe(FRONT_GATE);
  const location = service.service_at_locations[0].location;
  expect(location).toMatchObject({ id: ids.location, is_confidential: true });
  for (const key of ['addresses', 'latitude', 'longitude']) expect(location).not.toHaveProperty(key);
  const link = (await t.app.inject({ method: 'GET', url: `/hsds/service_at_locations/${ids.link}` })).json();
  expect(validateOne('service_at_location.json', link)).toEqual([]);
  expect(link.location).not.toHaveProperty('latitude');
});

test('the public place of the same organisation still shows its address', async () => {
  const org = (await t.app.inject({ method: 'GET', url: `/hsds/organizations/${ids.org}` })).json();
  const open = org.locations.find((l: { is_confidential: boolean }) => !l.is_confidential);
  expect(open.addresses[0]).toMatchObject({ address_1: 'Strada Spitalului 1', postal_code: '400100' });
  expect(open.latitude).toBe(46.75);
});

test('geographic filters never find the shelter by where it is', async () => {
  const ids_ = async (url: string) => (await t.app.inject({ method: 'GET', url })).json().contents.map((c: { id: string }) => c.id);
  expect(await ids_('/hsds/service_at_locations?postcode=400999')).toEqual([]);
  // 400100 is the public clinic's postcode; 5 km around it reaches the shelter's coordinates, which must not count
  expect(await ids_('/hsds/service_at_locations?postcode=400100&proximity=5000')).not.toContain(ids.link);
  expect(await ids_('/hsds/services?postcode=400100&proximity=5000')).toEqual([ids.clinic]);
});
