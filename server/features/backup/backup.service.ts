// Backups: a consistent copy of the whole database in one file, and a restore that checks the audit chain after.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '#server/config.ts';
import { kyselyFor, openPglite, type DatabaseHandle, type Db, pgliteDialect } from '#server/db/db.ts';
import { recordAudit, systemCtx } from '#server/features/audit/audit.service.ts';
import { connectionEnv, runTool } from './pg-tools.ts';

export class BackupError extends Error {}

/**
 * Writes the backup to `file` (via a temporary file, so a failed run never leaves half a backup under the name).
 * PGlite: a gzip tarball of the data directory, taken while queries are held (consistent). PostgreSQL: `pg_dump -Fc`,
 * which reads one snapshot while the server keeps running.
 */
export async function backupDatabase(handle: DatabaseHandle, o: { file: string; databaseUrl?: string | undefined; force?: boolean }): Promise<{ bytes: number }> {
  if (existsSync(o.file) && !o.force) throw new BackupError(`${o.file} already exists; choose another file or pass --force true to replace it`);
  mkdirSync(path.dirname(path.resolve(o.file)), { recursive: true });
  const partial = `${o.file}.partial`;
  if (handle.engine === 'pglite') {
    if (!handle.pglite) throw new BackupError('the embedded database handle does not expose its PGlite instance');
    await sql`checkpoint`.execute(handle.db);
    const dump = await handle.pglite.dumpDataDir('gzip');
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  } else {
    if (!o.databaseUrl) throw new BackupError('DATABASE_URL is needed to back up a PostgreSQL database');
    const { url, env } = connectionEnv(o.databaseUrl);
    await runTool('pg_dump', ['--format=custom', '--no-owner', `--file=${partial}`, `--dbname=${url}`], env);
  }
  renameSync(partial, o.file);
  return { bytes: statSync(o.file).size };
}

/** True when `dir` holds anything (a restore there would overwrite a database). */
export function isNonEmptyDir(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

/**
 * Restores a PGlite backup into `dataDir`. A non-empty directory is refused unless `force`; even then it is moved
 * aside (returned as `movedAside`), never deleted.
 */
export async function restorePglite(o: { file: string; dataDir: string; force?: boolean }, now = new Date()): Promise<{ handle: DatabaseHandle; movedAside: string | null }> {
  const dump = readBackupFile(o.file);
  let movedAside: string | null = null;
  if (isNonEmptyDir(o.dataDir)) {
    if (!o.force) throw new BackupError(`${o.dataDir} already holds a database; pass --force true to replace it (it is moved aside, not deleted)`);
    movedAside = `${o.dataDir.replace(/[\\/]+$/, '')}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(o.dataDir, movedAside);
  }
  const pglite = await openPglite({ dataDir: o.dataDir, loadDataDir: new Blob([dump]) });
  const db = kyselyFor(pgliteDialect(pglite));
  return { handle: { db, engine: 'pglite', pglite, close: () => db.destroy() }, movedAside };
}

/** Restores a `pg_dump -Fc` file into the DATABASE_URL database. A database that has tables is refused unless `force`. */
export async function restorePostgres(o: { file: string; databaseUrl: string; force?: boolean }, target: Db): Promise<void> {
  readBackupFile(o.file);
  const { count } = await sql<{ count: number }>`select count(*)::int as count from information_schema.tables where table_schema = 'public'`
    .execute(target)
    .then((r) => r.rows[0] ?? { count: 0 });
  if (count > 0 && !o.force) throw new BackupError('the target database already has tables; pass --force true to replace them');
  // NOTE: --force empties the schema first: a --clean restore of an older backup would leave newer tables behind,
  // and the next migration would then fail on them.
  if (count > 0) {
    await sql`drop schema public cascade`.execute(target);
    await sql`create schema public`.execute(target);
  }
  const { url, env } = connectionEnv(o.databaseUrl);
  await runTool('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${url}`, o.file], env);
}

/** Records a backup or restore done from the command line (no actor: the operator is outside the application). */
export async function auditCliAction(db: Db, config: Config, log: FastifyBaseLogger, action: 'database.backed_up' | 'database.restored'): Promise<void> {
  await db.transaction().execute((trx) =>
    recordAudit(systemCtx(trx, config, log), trx, { action, entityType: 'database', organisationId: null, actorAccountId: null, details: { via: 'cli' } }),
  );
}

function readBackupFile(file: string) {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  return readFileSync(file);
}
