// The scaffolding the issue-11 benchmarks share: a fresh database on each engine (PGlite in a temporary folder, then
// PostgreSQL in a database of its own when one answers), migrated, and the real app listening on a free port in this
// process; and the line that says on what machine a table was measured.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '#server/app.ts';
import { loadConfig, type Config } from '#server/config.ts';
import type { Deps } from '#server/context.ts';
import { openDatabase, type Db } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { postgresUrl, withFreshPostgres } from '#tests/fresh-postgres.ts';

export interface BenchServer {
  engine: string;
  db: Db;
  config: Config;
  /** http://127.0.0.1:<port> of the listening app. */
  base: string;
}

/**
 * Opens a migrated database, lets `prepare` plant its data, starts the app (a reverse proxy's client address is
 * trusted, so each request may come "from" its own address), runs `measure`, and removes everything after.
 */
export async function withBenchServer<P, R>(
  engine: string,
  databaseUrl: string | undefined,
  prepare: (db: Db, config: Config) => Promise<P>,
  measure: (server: BenchServer, prepared: P) => Promise<R>,
): Promise<R> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pro-health-bench-'));
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DEMO_DATA: 'false', JOBS: 'false', DATA_DIR: folder, TRUST_PROXY: '1', HOST: '127.0.0.1' });
  const handle = await openDatabase({ databaseUrl, dataDir: path.join(folder, 'data') });
  try {
    await migrateToLatest(handle.db);
    const prepared = await prepare(handle.db, config);
    const deps: Deps = { config, db: handle.db, engine: handle.engine, now: () => new Date(), mailer: { delivers: false, send: async () => undefined } };
    const app = await createApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      return await measure({ engine, db: handle.db, config, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` }, prepared);
    } finally {
      await app.close();
    }
  } finally {
    await handle.db.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Runs one engine's rows on PGlite, then on a fresh PostgreSQL database when a server answers;
 * `--engine=pglite` or `--engine=postgres` on the command line runs only that one.
 */
export async function onBothEngines(databasePrefix: string, run: (engine: string, databaseUrl: string | undefined) => Promise<string[]>): Promise<string[]> {
  const only = process.argv.find((a) => a.startsWith('--engine='))?.slice('--engine='.length);
  const rows = only === 'postgres' ? [] : await run('PGlite', undefined);
  const pg = only === 'pglite' ? null : await postgresUrl();
  if (pg) rows.push(...(await withFreshPostgres(pg, databasePrefix, (url) => run('PostgreSQL', url))));
  return rows;
}

/** "Measured <day> on <cores> × <CPU>, Node <version>; <what>; load average <n> before the run." */
export function measuredOn(what: string, loadBefore: number): string {
  return `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; ${what}; load average ${loadBefore.toFixed(1)} before the run.`;
}
