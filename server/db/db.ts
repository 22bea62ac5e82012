// Opens the one database: embedded PGlite by default, a PostgreSQL server when DATABASE_URL is set.
import { mkdirSync } from 'node:fs';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';
import { takingTurns } from './pglite-turns.ts';
import type { Database } from './schema.ts';
import { ReadCache } from './read-cache.ts';

export type Db = Kysely<Database>;
export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** The embedded instance when engine is 'pglite' (backups dump its data directory). */
  pglite?: PGlite;
  close(): Promise<void>;
}

// NOTE: pg returns int8 (count(*), bigint ids) as strings; PGlite returns numbers. One rule for both engines.
pg.types.setTypeParser(20, (v) => Number(v));

const caches = new WeakMap<Db, ReadCache>();

export function kyselyFor(dialect: PGliteDialect | PostgresDialect): Db {
  const cache = new ReadCache();
  const db = new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin(), cache] });
  caches.set(db, cache);
  return db;
}

/** The read cache of a database opened with kyselyFor (emptied by writes to the tables it watches). */
export function readCacheOf(db: Db): ReadCache | null {
  return caches.get(db) ?? null;
}

/** Kysely's dialect for an embedded PGlite, whose statements take turns with the event loop's I/O (pglite-turns.ts). */
export function pgliteDialect(pglite: PGlite): PGliteDialect {
  return new PGliteDialect({ pglite: takingTurns(pglite) });
}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // NOTE: pgcrypto is never loaded next to pg_trgm in PGlite (see docs/decisions/003): it hangs `%` queries.
  return PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm, unaccent },
  });
}

export async function openDatabase(config: { databaseUrl?: string | undefined; dataDir: string }): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10, connectionTimeoutMillis: 5000 });
    // NOTE: an idle client losing its server must not crash the process; /readyz reports it instead.
    pool.on('error', () => undefined);
    const db = kyselyFor(new PostgresDialect({ pool }));
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const pglite = await openPglite({ dataDir: config.dataDir });
  const db = kyselyFor(pgliteDialect(pglite));
  return { db, engine: 'pglite', pglite, close: () => db.destroy() };
}
