import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '#server/config.ts';
import { kyselyFor, openDatabase, openPglite, type DatabaseHandle, type Db, pgliteDialect } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { recordAudit, systemCtx } from '#server/features/audit/audit.service.ts';
import { verifyAuditChain } from '#server/features/audit/audit-chain.service.ts';
import { withDatabase } from '#tests/global-setup.ts';
import { adminUrl, GOLDEN_DUMP, goldenDatabaseName } from '#tests/test-db.ts';
import { backupCommand, restoreCommand } from './backup.cli.ts';
import { BackupError, backupDatabase, restorePglite, restorePostgres } from './backup.service.ts';

// NOTE: PGlite on disk, as `npm start` runs it; every directory lives under the OS temp dir and is removed after.
let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ph-backup-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// NOTE: each test opens PGlite on disk three or four times (seconds each on a busy machine).
const SLOW = 120_000;
const config = (dataDir: string) => loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const log = pino({ level: 'silent' });

/** A migrated database in `dir` (from the golden dump when there is one: much faster than initdb), with audited actions. */
async function seededDatabase(dir: string, n: number): Promise<DatabaseHandle> {
  const loadDataDir = existsSync(GOLDEN_DUMP) ? new Blob([readFileSync(GOLDEN_DUMP)]) : undefined;
  const pglite = await openPglite({ dataDir: dir, loadDataDir });
  const db = kyselyFor(pgliteDialect(pglite));
  await migrateToLatest(db);
  await addContent(db, n);
  return { db, engine: 'pglite', pglite, close: () => db.destroy() };
}

async function addContent(db: Db, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) {
    await db.transaction().execute((trx) =>
      recordAudit(systemCtx(trx, config('unused'), log), trx, { action: 'backup_test.step', entityType: 'backup_test', entityId: String(i) }),
    );
  }
  await db.insertInto('organisation').values({ name: 'Kept Org', type: 'NGO', country: 'NO' }).execute();
}

describe.skipIf(!!process.env.DATABASE_URL)('backup and restore (PGlite)', () => {
  it('round-trips the whole database through one file, and the restored audit chain verifies', async () => {
    const source = await seededDatabase(path.join(root, 'source'), 4);
    const file = path.join(root, 'out', 'backup.tgz');
    const { bytes } = await backupDatabase(source, { file });
    expect(bytes).toBeGreaterThan(1000);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip
    expect(existsSync(`${file}.partial`)).toBe(false);
    await expect(backupDatabase(source, { file })).rejects.toThrow(BackupError);
    await source.close();

    const target = path.join(root, 'restored');
    const { handle, movedAside } = await restorePglite({ file, dataDir: target });
    try {
      expect(movedAside).toBeNull();
      expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, checked: 4 });
      expect(await handle.db.selectFrom('organisation').select('name').execute()).toEqual([{ name: 'Kept Org' }]);
    } finally {
      await handle.close();
    }
    await expect(restorePglite({ file, dataDir: target })).rejects.toThrow(/already holds a database; pass --force true/);
  }, SLOW);

  it('runs as CLI commands: audited backup, restore refused into a non-empty directory, forced restore moved aside', async () => {
    const dataDir = path.join(root, 'cli');
    await (await seededDatabase(dataDir, 2)).close();
    const file = path.join(root, 'cli-backup.tgz');
    const open = async () => {
      const handle = await openDatabase(config(dataDir));
      await migrateToLatest(handle.db);
      return handle;
    };
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await backupCommand.run({ options: { file }, config: config(dataDir), open })).toBe(0);
      expect(out.mock.calls.flat().join('\n')).toMatch(/^backup written: .*cli-backup\.tgz \(\d+\.\d MB, pglite\)$/m);
      expect(await backupCommand.run({ options: {}, config: config(dataDir), open })).toBe(2);

      expect(await restoreCommand.run({ options: { file }, config: config(dataDir), open })).toBe(1);
      expect(err.mock.calls.flat().join('\n')).toContain('refused: ');
      writeFileSync(path.join(dataDir, 'marker-after-backup'), 'x');

      expect(await restoreCommand.run({ options: { file, force: 'true' }, config: config(dataDir), open })).toBe(0);
      const printed = out.mock.calls.flat().join('\n');
      expect(printed).toContain('restore complete (pglite)');
      // The backup holds 2 steps and its own "backed up" entry was written after the dump.
      expect(printed).toContain('audit chain OK: 2 entries verified');
      const aside = readdirSync(root).filter((n) => n.startsWith('cli.before-restore-'));
      expect(aside).toHaveLength(1);
      expect(existsSync(path.join(root, aside[0]!, 'marker-after-backup'))).toBe(true);
      expect(existsSync(path.join(dataDir, 'marker-after-backup'))).toBe(false);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    const handle = await open();
    try {
      const entries = await handle.db.selectFrom('auditEvent').select(['action', 'actorAccountId', 'details']).where('entityType', '=', 'database').orderBy('seq').execute();
      expect(entries).toEqual([{ action: 'database.restored', actorAccountId: null, details: { via: 'cli' } }]);
      expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, checked: 3 });
    } finally {
      await handle.close();
    }
  }, SLOW);
});

describe.runIf(!!process.env.DATABASE_URL)('backup and restore (PostgreSQL)', () => {
  it('round-trips through pg_dump -Fc and pg_restore, refusing a non-empty target unless forced', async () => {
    const url = process.env.DATABASE_URL ?? '';
    // NOTE: named after the golden database, so the global teardown drops them with the rest.
    const name = (role: string) => `${goldenDatabaseName(url)}_${role}_${randomBytes(3).toString('hex')}`;
    const [source, target] = [name('bk_src'), name('bk_dst')];
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`create database "${source}" template "${goldenDatabaseName(url)}"`);
    await admin.query(`create database "${target}"`);
    await admin.end();
    const open = (db: string) => openDatabase({ databaseUrl: withDatabase(url, db), dataDir: 'unused' });

    const src = await open(source);
    const file = path.join(root, 'pg.dump');
    try {
      await addContent(src.db, 3);
      expect((await backupDatabase(src, { file, databaseUrl: withDatabase(url, source) })).bytes).toBeGreaterThan(1000);
    } finally {
      await src.close();
    }

    const dst = await open(target);
    try {
      await restorePostgres({ file, databaseUrl: withDatabase(url, target) }, dst.db);
      expect(await verifyAuditChain(dst.db)).toEqual({ ok: true, checked: 3 });
      expect(await dst.db.selectFrom('organisation').select('name').execute()).toEqual([{ name: 'Kept Org' }]);
      await expect(restorePostgres({ file, databaseUrl: withDatabase(url, target) }, dst.db)).rejects.toThrow(BackupError);
      await addContent(dst.db, 1);
      await restorePostgres({ file, databaseUrl: withDatabase(url, target), force: true }, dst.db);
      expect(await verifyAuditChain(dst.db)).toEqual({ ok: true, checked: 3 });
    } finally {
      await dst.close();
    }
  }, SLOW);
});
