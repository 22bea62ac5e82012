import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCacheOf, type DatabaseHandle } from '#server/db/db.ts';
import { createTestDb } from '#tests/test-db.ts';
import { createOrganisation } from '#tests/factories.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => handle.close());

describe('read cache', () => {
  it('serves a second read from memory until a watched table is written', async () => {
    const cache = readCacheOf(handle.db)!;
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.read('k', load)).toBe(1);
    expect(await cache.read('k', load)).toBe(1);
    await createOrganisation(handle.db);
    expect(await cache.read('k', load)).toBe(2);
    await handle.db.updateTable('membership').set({ roles: [] }).where('id', '=', '00000000-0000-0000-0000-000000000000').execute();
    expect(await cache.read('k', load)).toBe(3);
  });

  it('is not emptied by writes to tables it does not watch', async () => {
    const cache = readCacheOf(handle.db)!;
    let loads = 0;
    const load = async () => ++loads;
    await cache.read('other', load);
    await handle.db.insertInto('rateLimit').values({ key: 'x', hits: 1, windowStart: new Date() }).execute();
    await handle.db.deleteFrom('job').where('kind', '=', 'none').execute();
    expect(await cache.read('other', load)).toBe(1);
  });
});
