// Command line: import the library from content/ and export it back (editors can work through git).
import path from 'node:path';
import type { CliCommand } from '#server/cli.ts';
import { operatorCtx } from '#server/features/organisations/operator.service.ts';
import { exportContent } from './content-export.ts';
import { importContent } from './content-import.ts';

const importCommand: CliCommand = {
  summary: 'import the library publications from Markdown (idempotent)',
  options: { dir: 'content folder (default: content)', organisation: 'owner organisation: id or exact name (default: the demo coordinating association, else the first)' },
  async run({ options, config, open }) {
    const handle = await open();
    try {
      const ctx = operatorCtx({ db: handle.db, config });
      const s = await importContent(ctx, { dir: options.dir ? path.resolve(options.dir) : undefined, organisation: options.organisation });
      console.log(`${s.publications} publications, ${s.chapters} chapters, ${s.sections} sections: ${s.created} texts created, ${s.updated} updated, ${s.unchanged} unchanged; ${s.helpContacts} help contacts and ${s.synonymGroups} search synonym groups added.`);
      for (const skipped of s.skipped) console.log(`skipped (a draft or review is under way in the editor): ${skipped}`);
      return 0;
    } finally {
      await handle.close();
    }
  },
};

const exportCommand: CliCommand = {
  summary: 'export the library publications to Markdown',
  options: { dir: 'content folder (default: content)', drafts: 'true: export the latest saved text instead of the published one' },
  async run({ options, config, open }) {
    const handle = await open();
    try {
      const ctx = operatorCtx({ db: handle.db, config });
      const s = await exportContent(ctx, { dir: options.dir ? path.resolve(options.dir) : undefined, drafts: options.drafts === 'true' });
      for (const file of s.written) console.log(`written: ${file}`);
      console.log(`${s.written.length} files written, ${s.unchanged} unchanged.`);
      return 0;
    } finally {
      await handle.close();
    }
  },
};

export const LIBRARY_COMMANDS: Record<string, CliCommand> = { 'import-content': importCommand, 'export-content': exportCommand };
