import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '#server/db/db.ts';
import { writeTogether } from '#server/db/write-together.ts';
import { createTestDb } from '#tests/test-db.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => handle.close());

const hit = (key: string) => handle.db.insertInto('rateLimit').values({ key, hits: 1, windowStart: new Date() });
const keys = async (prefix: string) =>
  (await handle.db.selectFrom('rateLimit').select('key').where('key', 'like', `${prefix}%`).orderBy('key').execute()).map((r) => r.key);

describe('writeTogether', () => {
  it('makes every write, whether one or several', async () => {
    await writeTogether(handle.db, [hit('one:a')]);
    await writeTogether(handle.db, [hit('many:a'), hit('many:b'), handle.db.updateTable('rateLimit').set({ hits: 5 }).where('key', '=', 'one:a')]);
    expect(await keys('one:')).toEqual(['one:a']);
    expect(await keys('many:')).toEqual(['many:a', 'many:b']);
    expect((await handle.db.selectFrom('rateLimit').select('hits').where('key', '=', 'one:a').executeTakeFirstOrThrow()).hits).toBe(5);
  });

  it('makes none when one of them fails', async () => {
    await expect(writeTogether(handle.db, [hit('all:a'), hit('all:b'), hit('one:a')])).rejects.toThrow();
    expect(await keys('all:')).toEqual([]);
  });
});
