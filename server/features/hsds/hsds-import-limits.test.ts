// Limits of the HSDS import: a zip whose headers understate what it unpacks to (a "zip bomb") is refused once the bytes
// actually unpacked pass the limit, without holding up the event loop; entries outside the datapackage are never
// unpacked; a signed-in user who may not import is refused before the (up to 24 MB) body is read.
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HSDS_IMPORT_BODY_LIMIT, type HsdsImportReport } from '#shared/hsds/hsds-import.schema.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { MAX_UNZIPPED_BYTES } from './hsds-import-read.ts';

let t: TestApp;
let coordinator = '';
let editor = '';

beforeAll(async () => {
  t = await createTestApp();
  const org = await createOrganisation(t.deps.db);
  const c = await createAccount(t.deps.db, { organisationId: org.id, roles: ['coordinator'], withTotp: true });
  coordinator = await signIn(t.app, { ...c, totpSecret: c.totpSecret! });
  const e = await createAccount(t.deps.db, { organisationId: org.id, roles: ['editor'] });
  editor = await signIn(t.app, e);
});
afterAll(async () => t?.close());

/** A zip of one entry that unpacks to `megabytes` while its headers (local and central) claim 100 bytes. */
function lyingZip(name: string, megabytes: number): string {
  const zip = zipSync({ [name]: [new Uint8Array(megabytes * 1024 * 1024).fill(0x41), { level: 9 }] });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i < zip.length - 4; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, 100, true); // central directory: uncompressed size
    if (signature === 0x04034b50) view.setUint32(i + 22, 100, true); // local header: uncompressed size
  }
  return Buffer.from(zip).toString('base64');
}

/** Runs a request while a 10 ms timer ticks; gives the response and the longest the timer had to wait. */
async function whileTicking<T>(run: () => Promise<T>): Promise<{ result: T; ticks: number; longestGap: number }> {
  let ticks = 0;
  let last = performance.now();
  let longestGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    ticks++;
  }, 10);
  try {
    const result = await run();
    longestGap = Math.max(longestGap, performance.now() - last);
    return { result, ticks, longestGap };
  } finally {
    clearInterval(timer);
  }
}

const importZip = (cookie: string, content: string) =>
  t.app.inject({ method: 'POST', url: '/api/directory/import', headers: { cookie }, payload: { format: 'zip', fileName: 'upload.zip', content, dryRun: true } });

describe('a zip that unpacks to more than it claims', () => {
  test('is refused (413) once the unpacked bytes pass the limit, with the event loop free all along', async () => {
    const megabytes = MAX_UNZIPPED_BYTES / (1024 * 1024) + 32;
    const content = lyingZip('a/locations.csv', megabytes);
    expect(content.length).toBeLessThan(1024 * 1024); // small upload, huge inside
    const { result: res, ticks, longestGap } = await whileTicking(() => importZip(coordinator, content));
    expect(res.statusCode).toBe(413);
    expect(res.json<{ message: string }>().message).toMatch(/unpacks to more than 64 MB/);
    expect(ticks).toBeGreaterThan(0);
    expect(longestGap).toBeLessThan(1500);
  });

  test('entries outside the datapackage are never unpacked: a bomb beside the CSV files does not count', async () => {
    const megabytes = MAX_UNZIPPED_BYTES / (1024 * 1024) + 32;
    const organizations = 'id,name,description\n0b6f0a55-0000-4000-8000-000000000001,Limits test,An organisation\n';
    const zip = zipSync({ 'extras/blob.bin': [new Uint8Array(megabytes * 1024 * 1024).fill(0x41), { level: 9 }], 'organizations.csv': strToU8(organizations) });
    const res = await importZip(coordinator, Buffer.from(zip).toString('base64'));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json<HsdsImportReport>()).toMatchObject({ problemCount: 0, counts: { organizations: 1 } });
  });
});

describe('who may send an import body', () => {
  test('a signed-in non-importer is refused before the body is read: 403, not 413, for a body over the limit', async () => {
    const oversized = { format: 'json', fileName: 'x.json', content: 'x'.repeat(HSDS_IMPORT_BODY_LIMIT + 1024) };
    const asEditor = await t.app.inject({ method: 'POST', url: '/api/directory/import', headers: { cookie: editor }, payload: oversized });
    expect(asEditor.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/directory/import', payload: oversized });
    expect(anonymous.statusCode).toBe(401);
    const asCoordinator = await t.app.inject({ method: 'POST', url: '/api/directory/import', headers: { cookie: coordinator }, payload: oversized });
    expect(asCoordinator.statusCode).toBe(413);
  });
});
