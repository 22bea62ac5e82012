// Operator commands: `npm run cli -- <command> [options]`. Each feature contributes its commands to COMMANDS.
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '#server/config.ts';
import { openDatabase, type DatabaseHandle } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { verifyAuditCommand } from '#server/features/audit/audit.cli.ts';
import { backupCommand, restoreCommand } from '#server/features/backup/backup.cli.ts';
import { DEMO_COMMANDS } from '#server/features/demo/demo.cli.ts';
import { ORGANISATION_COMMANDS } from '#server/features/organisations/organisations.cli.ts';
import { LIBRARY_COMMANDS } from '#server/features/library/library.cli.ts';
import { HSDS_COMMANDS } from '#server/features/hsds/hsds.cli.ts';
import { KEY_COMMANDS } from '#server/features/cases/key-rotation.cli.ts';
import { CERTIFICATE_COMMANDS } from '#server/features/certificates/certificates.cli.ts';
import { LEARNING_COMMANDS } from '#server/features/learning/learning.cli.ts';

export interface CliCommand {
  summary: string;
  /** Option names this command takes (all strings), shown in help. */
  options?: Record<string, string>;
  /** Words after the command that are not options (e.g. a file name), shown in help; none allowed unless set. */
  positionals?: string;
  run(args: { options: Record<string, string | undefined>; positionals?: string[]; config: Config; open: () => Promise<DatabaseHandle> }): Promise<number>;
}

const migrate: CliCommand = {
  summary: 'apply pending database migrations',
  async run({ open }) {
    const handle = await open();
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    await handle.close();
    return 0;
  },
};

export const COMMANDS: Record<string, CliCommand> = { migrate, backup: backupCommand, restore: restoreCommand, 'verify-audit': verifyAuditCommand, ...ORGANISATION_COMMANDS, ...DEMO_COMMANDS, ...LIBRARY_COMMANDS, ...HSDS_COMMANDS, ...KEY_COMMANDS, ...CERTIFICATE_COMMANDS, ...LEARNING_COMMANDS };

function help(): void {
  console.log('usage: npm run cli -- <command> [--option value …]\n');
  for (const [name, cmd] of Object.entries(COMMANDS)) {
    const opts = Object.entries(cmd.options ?? {}).map(([o, d]) => `\n      --${o}  ${d}`).join('');
    console.log(`  ${`${name}${cmd.positionals ? ` ${cmd.positionals}` : ''}`.padEnd(18)} ${cmd.summary}${opts}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    help();
    return name ? 2 : 0;
  }
  const spec = Object.fromEntries(Object.keys(command.options ?? {}).map((o) => [o, { type: 'string' as const }]));
  const { values, positionals } = parseArgs({ args: rest, options: spec, strict: true, allowPositionals: !!command.positionals });
  const config = loadConfig();
  const open = async () => {
    const handle = await openDatabase(config);
    await migrateToLatest(handle.db);
    return handle;
  };
  return command.run({ options: values as Record<string, string | undefined>, positionals, config, open });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
