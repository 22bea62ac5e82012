// Migrates one golden database per test run; every test file then opens its own copy of it (tests/test-db.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { openPglite } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { GOLDEN_DUMP, adminUrl, goldenDatabaseName } from './test-db.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  return url ? setupPostgres(url) : setupPglite();
}

async function setupPglite(): Promise<() => Promise<void>> {
  const pglite = await openPglite({});
  const db = new Kysely<any>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('none');
  mkdirSync(path.dirname(GOLDEN_DUMP), { recursive: true });
  writeFileSync(GOLDEN_DUMP, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  return async () => undefined;
}

async function setupPostgres(url: string): Promise<() => Promise<void>> {
  const golden = goldenDatabaseName(url);
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`drop database if exists "${golden}" with (force)`);
  await admin.query(`create database "${golden}"`);
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: withDatabase(url, golden) }) }) });
  await migrateToLatest(db);
  await db.destroy();
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`${golden}%`]);
    for (const row of rows) await admin.query(`drop database if exists "${row.datname}" with (force)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
