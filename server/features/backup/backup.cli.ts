// `backup` and `restore`: one file holds the whole database; a restore ends by verifying the audit chain.
import { pino } from 'pino';
import type { CliCommand } from '#server/cli.ts';
import type { Config } from '#server/config.ts';
import { openDatabase, type DatabaseHandle } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { verifyAuditChain } from '#server/features/audit/audit-chain.service.ts';
import { describeVerification } from '#server/features/audit/audit.cli.ts';
import { auditCliAction, backupDatabase, BackupError, restorePglite, restorePostgres } from './backup.service.ts';

const log = pino({ level: 'silent' });
const isTrue = (v: string | undefined) => v === 'true' || v === '1';

export const backupCommand: CliCommand = {
  summary:
    'write a consistent backup of the whole database to a file. Embedded database (PGlite): a gzip tarball of the data ' +
    'directory; stop the server first, PGlite allows one process at a time. PostgreSQL (DATABASE_URL set): runs ' +
    '`pg_dump -Fc` (PostgreSQL client tools needed, same or newer major version than the server) while the server keeps running',
  options: { file: 'backup file to write, e.g. backups/pro-health-2026-11-27.tgz (PGlite) or .dump (PostgreSQL)', force: 'true to overwrite an existing file' },
  async run({ options, config, open }) {
    if (!options.file) return usage('backup --file <path>');
    const handle = await open();
    try {
      const { bytes } = await backupDatabase(handle, { file: options.file, databaseUrl: config.databaseUrl, force: isTrue(options.force) });
      await auditCliAction(handle.db, config, log, 'database.backed_up');
      console.log(`backup written: ${options.file} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${handle.engine})`);
      return 0;
    } catch (error) {
      return fail(error);
    } finally {
      await handle.close();
    }
  },
};

export const restoreCommand: CliCommand = {
  summary:
    'restore a backup made by `backup`, then apply newer migrations and verify the audit chain (exit 1 if broken). ' +
    'PGlite: into DATA_DIR, refused if it is not empty unless --force true (the old directory is moved aside, not deleted); ' +
    'stop the server first. PostgreSQL: `pg_restore` into DATABASE_URL, refused if it has tables unless --force true (which empties it)',
  options: { file: 'backup file to read', force: 'true to replace an existing database' },
  async run({ options, config, open }) {
    if (!options.file) return usage('restore --file <path> [--force true]');
    const force = isTrue(options.force);
    let handle: DatabaseHandle;
    try {
      handle = config.databaseUrl
        ? await restoreIntoPostgres(options.file, config, force, open)
        : await restoreIntoPglite(options.file, config.dataDir, force);
    } catch (error) {
      return fail(error);
    }
    try {
      return await finishRestore(handle, config);
    } catch (error) {
      return fail(error);
    } finally {
      await handle.close();
    }
  },
};

async function restoreIntoPostgres(file: string, config: Config, force: boolean, open: () => Promise<DatabaseHandle>): Promise<DatabaseHandle> {
  const target = await openDatabase(config);
  try {
    await restorePostgres({ file, databaseUrl: config.databaseUrl ?? '', force }, target.db);
  } finally {
    await target.close();
  }
  return open(); // migrates a backup from an older version forward
}

async function restoreIntoPglite(file: string, dataDir: string, force: boolean): Promise<DatabaseHandle> {
  const { handle, movedAside } = await restorePglite({ file, dataDir, force });
  if (movedAside) console.log(`the previous data directory was moved to ${movedAside}`);
  await migrateToLatest(handle.db);
  return handle;
}

async function finishRestore(handle: DatabaseHandle, config: Config): Promise<number> {
  const result = await verifyAuditChain(handle.db);
  await auditCliAction(handle.db, config, log, 'database.restored');
  console.log(`restore complete (${handle.engine})`);
  const line = describeVerification(result);
  if (result.ok) console.log(line);
  else console.error(line);
  return result.ok ? 0 : 1;
}

function usage(text: string): number {
  console.error(`usage: npm run cli -- ${text}`);
  return 2;
}

function fail(error: unknown): number {
  console.error(error instanceof BackupError ? `refused: ${error.message}` : `failed: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}
