// Test data builders: each returns plain data and inserts through the real tables. Tests isolate by organisation.
import { randomUUID } from 'node:crypto';
import type { Db } from '#server/db/db.ts';

export async function createOrganisation(db: Db, overrides: Partial<{ name: string; type: string; country: string }> = {}) {
  return db
    .insertInto('organisation')
    .values({ name: overrides.name ?? `Org ${randomUUID().slice(0, 8)}`, type: overrides.type ?? 'NGO', country: overrides.country ?? 'RO' })
    .returning(['id', 'name', 'type', 'country'])
    .executeTakeFirstOrThrow();
}
