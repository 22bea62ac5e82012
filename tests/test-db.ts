// One database per test file: a copy of the golden PGlite dump, or a PostgreSQL database made from the golden template.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { PostgresDialect } from 'kysely';
import pg from 'pg';
import { kyselyFor, openPglite, type DatabaseHandle, pgliteDialect } from '#server/db/db.ts';

export const GOLDEN_DUMP = path.resolve('.tmp/golden-pglite.tar');

/** The database named in DATABASE_URL is the one CI created for this run; test databases take its name as prefix. */
export function goldenDatabaseName(url: string): string {
  return `${new URL(url).pathname.replace(/^\//, '') || 'pro_health_test'}_golden`;
}

export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export async function createTestDb(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const pglite = await openPglite({ loadDataDir: new Blob([readFileSync(GOLDEN_DUMP)]) });
    const db = kyselyFor(pgliteDialect(pglite));
    return { db, engine: 'pglite', pglite, close: () => db.destroy() };
  }
  const golden = goldenDatabaseName(url);
  const name = `${golden}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`create database "${name}" template "${golden}"`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = kyselyFor(new PostgresDialect({ pool: new pg.Pool({ connectionString: u.toString(), max: 4 }) }));
  return { db, engine: 'postgres', close: () => db.destroy() };
}
