// Command line: seed-demo fills an empty database with the demo data.
import type { CliCommand } from '#server/cli.ts';
import { operatorCtx } from '#server/features/organisations/operator.service.ts';
import { seedDemoLibrary } from '#server/features/library/content.service.ts';
import { demoSignInTable, seedDemo } from './demo.service.ts';

const seedDemoCommand: CliCommand = {
  summary: 'seed the demo organisations and accounts into an empty database (never in production)',
  async run({ config, open }) {
    if (config.env === 'production') {
      console.error('Demo data is never seeded in production.');
      return 1;
    }
    const handle = await open();
    try {
      const ctx = operatorCtx({ db: handle.db, config });
      const outcome = await seedDemo(ctx, 'cli');
      console.log(outcome === 'seeded' ? 'Demo data seeded.' : 'The database already has organisations; demo data was not seeded.');
      await seedDemoLibrary(ctx);
      const table = await demoSignInTable(ctx);
      if (table) console.log(table);
      return 0;
    } finally {
      await handle.close();
    }
  },
};

export const DEMO_COMMANDS: Record<string, CliCommand> = { 'seed-demo': seedDemoCommand };
