// HSDS import and export: round trips of the official examples, the CSV datapackage both ways, a bad row rejecting
// the whole import with its file, line and field, ownership and approval, the confidential rule in exports.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CATEGORY_TERM_IDS } from '#shared/directory/taxonomy.ts';
import type { HsdsImportReport } from '#shared/hsds/hsds-import.schema.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { HSDS_COMMANDS } from './hsds.cli.ts';
import { seedLocation, seedOrganization, seedService } from '#tests/standards/hsds/hsds-fixtures.ts';
import { EXAMPLES_DIR, example, validateOne } from '#tests/standards/hsds/hsds-validator.ts';

let t: TestApp;
let admin = '';
let coordinator = '';
let editor = '';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  const org = await createOrganisation(db);
  const a = await createAccount(db, { isPlatformAdmin: true, withTotp: true });
  admin = await signIn(t.app, { ...a, totpSecret: a.totpSecret! });
  const c = await createAccount(db, { organisationId: org.id, roles: ['coordinator'], withTotp: true });
  coordinator = await signIn(t.app, { ...c, totpSecret: c.totpSecret! });
  const e = await createAccount(db, { organisationId: org.id, roles: ['editor'] });
  editor = await signIn(t.app, e);
});
afterAll(async () => t?.close());

const importAs = async (cookie: string, body: Record<string, unknown>) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/directory/import', headers: { cookie }, payload: { fileName: 'upload', ...body } });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  return res.json<HsdsImportReport>();
};
const importJson = (cookie: string, doc: unknown, extra: Record<string, unknown> = {}) => importAs(cookie, { format: 'json', content: JSON.stringify(doc), ...extra });
const zipOf = (files: Record<string, string>) => Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])))).toString('base64');
const exampleCsv = () => Object.fromEntries(readdirSync(path.join(EXAMPLES_DIR, 'csv')).map((f) => [f, readFileSync(path.join(EXAMPLES_DIR, 'csv', f), 'utf8')]));
const hsds = async (url: string) => (await t.app.inject({ method: 'GET', url })).json();
const countRows = async () => {
  const [s, o, l, k] = await Promise.all(['directoryService', 'directoryOrganization', 'directoryLocation', 'directoryServiceLocation'].map((table) => t.deps.db.selectFrom(table as 'directoryService').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()));
  return [s!.n, o!.n, l!.n, k!.n].map(Number);
};

describe('round trips of the official examples', () => {
  test('service_full.json imported by a platform admin comes back with the same ids and core fields, HSDS-valid', async () => {
    const doc = example('service_full.json');
    const report = await importJson(admin, doc);
    expect(report).toMatchObject({ imported: true, reviewStatus: 'approved', problemCount: 0, counts: { services: 1, organizations: 1, locations: 1, serviceAtLocations: 1 } });
    expect(report.ignored.map((i) => i.what).join()).toMatch(/attribute/); // the example's term is not one of ours
    expect(report.ignored.map((i) => i.what).join()).toMatch(/service_area/);
    const back = await hsds(`/hsds/services/${doc.id}`);
    expect(validateOne('service.json', back)).toEqual([]);
    for (const key of ['id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'eligibility_description', 'fees_description', 'minimum_age', 'maximum_age', 'assured_date', 'assurer_email']) expect(back[key], key).toEqual(doc[key]);
    expect(back.organization_id).toBe(doc.organization.id);
    expect(back.organization).toMatchObject({ id: doc.organization.id, name: doc.organization.name, description: doc.organization.description, email: doc.organization.email, website: doc.organization.website });
    const [salIn] = doc.service_at_locations;
    const [salOut] = back.service_at_locations;
    expect(salOut).toMatchObject({ id: salIn.id, description: salIn.description });
    expect(salOut.location).toMatchObject({ id: salIn.location.id, name: salIn.location.name, description: salIn.location.description, location_type: salIn.location.location_type, latitude: 100, longitude: 101 });
    expect(salOut.location.addresses[0]).toMatchObject({ address_1: '1-30 Main Street, MyVillage', city: 'MyCity', postal_code: 'ABC 1234', country: 'US' });
    expect(back.languages.map((l: { code: string }) => l.code)).toEqual(['ur']);
    expect(back.schedules[0]).toMatchObject({ byday: 'TH,FR', opens_at: '10:00', closes_at: '18:00' });
    expect(back.phones[0].number).toBe(doc.phones[0].number);
    expect(back.required_documents[0].document).toBe('identity-document'); // recognised from the example's words
    // importing the same document again changes nothing but the modification date
    expect((await importJson(admin, doc)).imported).toBe(true);
    expect((await hsds(`/hsds/services/${doc.id}`)).service_at_locations[0].id).toBe(salIn.id);
  });

  test('organization_full.json comes back with the same ids, and the export holds it, HSDS-valid', async () => {
    const doc = example('organization_full.json');
    expect((await importJson(admin, doc)).imported).toBe(true);
    const back = await hsds(`/hsds/organizations/${doc.id}?full_service=true`);
    expect(validateOne('organization.json', back)).toEqual([]);
    expect(back).toMatchObject({ id: doc.id, name: doc.name, alternate_name: doc.alternate_name, description: doc.description });
    expect(back.services.map((s: { id: string }) => s.id)).toEqual(doc.services.map((s: { id: string }) => s.id));
    expect(back.locations.map((l: { id: string }) => l.id)).toEqual([doc.locations[0].id]);
    const exported = await t.app.inject({ method: 'GET', url: '/api/directory/export.json', headers: { cookie: admin } });
    expect(exported.headers['content-disposition']).toMatch(/attachment/);
    const organizations = exported.json<{ id: string }[]>();
    for (const o of organizations) expect(validateOne('organization.json', o)).toEqual([]);
    expect(organizations.map((o) => o.id)).toContain(doc.id);
  });

  test('the official CSV datapackage imports, and our export re-imports with the same ids', async () => {
    const report = await importAs(admin, { format: 'zip', fileName: 'example.zip', content: zipOf(exampleCsv()) });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ imported: true, counts: { services: 1, organizations: 1, locations: 1, serviceAtLocations: 1 } });
    expect(report.skipped).toContain('contacts.csv');
    const zip = await t.app.inject({ method: 'GET', url: '/api/directory/export.zip', headers: { cookie: admin } });
    expect(zip.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(files).sort()).toEqual(['addresses.csv', 'attributes.csv', 'datapackage.json', 'languages.csv', 'locations.csv', 'organizations.csv', 'phones.csv', 'required_documents.csv', 'schedules.csv', 'service_areas.csv', 'service_at_location.csv', 'services.csv', 'taxonomies.csv', 'taxonomy_terms.csv']);
    const descriptor = JSON.parse(strFromU8(files['datapackage.json']!));
    expect(descriptor.resources.find((r: { name: string }) => r.name === 'service').schema.fields.map((f: { name: string }) => f.name)).toContain('accepting_referrals');
    expect(strFromU8(files['services.csv']!)).toContain('ac148810-d857-441c-9679-408f346de14b');
    const again = await importAs(admin, { format: 'zip', fileName: 'export.zip', content: Buffer.from(zip.rawPayload).toString('base64'), dryRun: true });
    expect(again.problems).toEqual([]);
    expect(again.counts.services).toBe((await hsds('/hsds/services')).total_items);
  });
});

describe('a bad row rejects the whole import', () => {
  test('one bad email in services.csv: nothing written, the file, line and field reported', async () => {
    const files = exampleCsv();
    const [record] = parse(files['services.csv']!, { columns: true }) as Record<string, string>[];
    const good = { ...record, id: '11111111-1111-4111-8111-111111111111' };
    const bad = { ...record, id: '22222222-2222-4222-8222-222222222222', email: 'not-an-email' };
    files['services.csv'] = stringify([good, bad], { header: true });
    const before = await countRows();
    const report = await importAs(admin, { format: 'zip', fileName: 'bad.zip', content: zipOf(files) });
    expect(report.imported).toBe(false);
    expect(report.problems).toEqual([{ file: 'services.csv', line: 3, field: 'email', message: 'must match format "email"' }]);
    expect(await countRows()).toEqual(before);
    expect((await t.app.inject({ method: 'GET', url: '/hsds/services/11111111-1111-4111-8111-111111111111' })).statusCode).toBe(404);
  });

  test('JSON: the document and the field are named; a link to an unknown location too', async () => {
    const before = await countRows();
    const good = { id: '33333333-3333-4333-8333-333333333333', name: 'Good', status: 'active', organization_id: '44444444-4444-4444-8444-444444444444' };
    const bad = { id: '55555555-5555-4555-8555-555555555555', name: 'Bad', status: 'open' };
    const org = { id: '44444444-4444-4444-8444-444444444444', name: 'Org', description: 'An org' };
    const report = await importJson(admin, [org, good, bad], { fileName: 'list.json' });
    expect(report.problems).toEqual([{ file: 'list.json', line: 3, field: '/status', message: 'must be equal to one of the allowed values' }]);
    const dangling = { ...good, service_at_locations: [{ id: '66666666-6666-4666-8666-666666666666', location_id: '77777777-7777-4777-8777-777777777777' }] };
    const second = await importJson(admin, [org, dangling], { fileName: 'list.json' });
    expect(second.problems).toEqual([{ file: 'list.json', line: 2, field: '/service_at_locations/0/location_id', message: 'No location with this id in the import.' }]);
    expect((await importJson(admin, '{"broken', { fileName: 'x.json', content: '{"broken' })).problems[0]).toMatchObject({ file: 'x.json', line: 1 });
    expect(await countRows()).toEqual(before);
  });

  test('text PostgreSQL cannot store is a problem, not a crash', async () => {
    const org = { id: '88888888-8888-4888-8888-888888888888', name: 'Org\u0000', description: 'd' };
    const report = await importJson(admin, [org]);
    expect(report.problems[0]).toMatchObject({ line: 1, field: 'name' });
  });
});

describe('who imports, and what state listings take', () => {
  test('a coordinator imports listings as pending: not published until another approves them', async () => {
    const doc = { ...example('service_full.json'), id: '99999999-9999-4999-8999-999999999999', service_at_locations: [] };
    const report = await importJson(coordinator, doc);
    expect(report).toMatchObject({ imported: true, reviewStatus: 'pending' });
    expect((await t.app.inject({ method: 'GET', url: `/hsds/services/${doc.id}` })).statusCode).toBe(404);
    const row = await t.deps.db.selectFrom('directoryService').select(['reviewStatus', 'updatedBy']).where('id', '=', doc.id).executeTakeFirstOrThrow();
    expect(row.reviewStatus).toBe('pending');
    expect(row.updatedBy).not.toBeNull();
  });

  test("a coordinator cannot import over a listing kept by an organisation on the platform", async () => {
    const platformOrg = await createOrganisation(t.deps.db);
    const { id: orgId } = await seedOrganization(t.deps.db, 'Kept org');
    await t.deps.db.updateTable('directoryOrganization').set({ organisationId: platformOrg.id }).where('id', '=', orgId).execute();
    const serviceId = await seedService(t.deps.db, orgId, { name: 'Kept service' });
    const report = await importJson(coordinator, { id: serviceId, name: 'Taken over', status: 'active', organization_id: orgId });
    expect(report.imported).toBe(false);
    expect(report.problems.map((p) => p.field)).toEqual([`service ${serviceId}`]);
    const added = await importJson(coordinator, { id: '12121212-1212-4121-8121-121212121212', name: 'Added', status: 'active', organization_id: orgId });
    expect(added.problems.map((p) => p.field)).toEqual(['service 12121212-1212-4121-8121-121212121212/organization_id']);
  });

  test('only platform admins and coordinators import and export; anonymous callers must sign in', async () => {
    const body = { format: 'json', fileName: 'x.json', content: '[]' };
    expect((await t.app.inject({ method: 'POST', url: '/api/directory/import', headers: { cookie: editor }, payload: body })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/directory/import', payload: body })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/directory/export.zip', headers: { cookie: editor } })).statusCode).toBe(403);
  });

  test('imports and exports are in the audit trail', async () => {
    const actions = await t.deps.db.selectFrom('auditEvent').select('action').where('action', 'like', 'hsds.%').execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(new Set(['hsds.imported', 'hsds.exported']));
  });
});

describe('many services at once', () => {
  test('1,000 services with locations import in one go and are all published', async () => {
    const org = { id: 'aaaaaaaa-0000-4000-8000-000000000000', name: 'Bulk org', description: 'Bulk' };
    const services = Array.from({ length: 1000 }, (_, i) => {
      const n = String(i).padStart(12, '0');
      return {
        id: `bbbbbbbb-0000-4000-8000-${n}`,
        name: `Bulk service ${i}`,
        status: 'active',
        organization_id: org.id,
        attributes: [{ id: `cccccccc-0000-4000-8000-${n}`, taxonomy_term_id: CATEGORY_TERM_IDS.legal }],
        service_areas: [{ id: `dddddddd-0000-4000-8000-${n}`, name: 'Oslo', extent: 'NO-03' }],
        service_at_locations: [{ id: `eeeeeeee-0000-4000-8000-${n}`, location: { id: `ffffffff-0000-4000-8000-${n}`, location_type: 'physical', latitude: 59.9, longitude: 10.7 } }],
      };
    });
    const report = await importJson(admin, [org, ...services], { country: 'NO' });
    expect(report).toMatchObject({ imported: true, counts: { services: 1000, locations: 1000, serviceAtLocations: 1000 } });
    const page = await hsds(`/hsds/services?organization_id=${org.id}&taxonomy_term_id=${CATEGORY_TERM_IDS.legal}&per_page=1`);
    expect(page.total_items).toBe(1000);
    expect((await hsds('/hsds/services?search=bulk%20service%20999')).total_items).toBe(1);
  });
});

describe('the confidential rule in exports', () => {
  test('a confidential location has no address, coordinates or postal code in the JSON or CSV export', async () => {
    const { id: orgId } = await seedOrganization(t.deps.db, 'Shelter org');
    const serviceId = await seedService(t.deps.db, orgId, { name: 'Safe shelter', categories: ['shelter'], phone: '+40 700 111 222' });
    await seedLocation(t.deps.db, orgId, [serviceId], { confidential: true, postalCode: '400987', lat: 46.7891234, lon: 23.6123456 });
    const json = (await t.app.inject({ method: 'GET', url: '/api/directory/export.json', headers: { cookie: coordinator } })).body;
    const zip = (await t.app.inject({ method: 'GET', url: '/api/directory/export.zip', headers: { cookie: coordinator } })).rawPayload;
    const csv = Object.values(unzipSync(new Uint8Array(zip))).map((b) => strFromU8(b)).join('\n');
    for (const body of [json, csv]) {
      expect(body).toContain('Safe shelter');
      expect(body).toContain('+40 700 111 222');
      for (const secret of ['Strada Secretă', '400987', '46.789', '23.612']) expect(body).not.toContain(secret);
    }
  });
});

describe('the command line', () => {
  test('import-hsds imports the official CSV example as the operator, approved, and says what it ignored', async () => {
    const dir = path.join(EXAMPLES_DIR, 'csv');
    const zipFile = path.join(await import('node:os').then((os) => os.tmpdir()), `hsds-${Date.now()}.zip`);
    (await import('node:fs')).writeFileSync(zipFile, zipSync(Object.fromEntries(readdirSync(dir).map((f) => [f, new Uint8Array(readFileSync(path.join(dir, f)))]))));
    const logs: string[] = [];
    const log = console.log;
    console.log = (line: string) => void logs.push(line);
    try {
      const open = async () => ({ db: t.deps.db, engine: t.deps.engine, close: async () => undefined });
      const code = await HSDS_COMMANDS['import-hsds']!.run({ options: { file: zipFile, language: 'en' }, config: t.deps.config, open });
      expect(code).toBe(0);
      expect(logs.at(-1)).toMatch(/^imported 1 services, 1 organisations, 1 locations \(approved\)$/);
      expect(logs.join('\n')).toMatch(/ignored: attribute/);
    } finally {
      console.log = log;
    }
    const entry = await t.deps.db.selectFrom('auditEvent').select(['details', 'actorAccountId']).where('action', '=', 'hsds.imported').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry.actorAccountId).toBeNull();
    expect(entry.details).toMatchObject({ via: 'cli', approved: true });
  });
});
