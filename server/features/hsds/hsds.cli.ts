// Command line: import an HSDS file (JSON, or a zip of the CSV datapackage) into the directory, all or nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '#server/cli.ts';
import { operatorCtx } from '#server/features/organisations/operator.service.ts';
import { HsdsImportRequestSchema } from '#shared/hsds/hsds-import.schema.ts';
import { importHsdsByOperator } from './hsds-import.service.ts';

const importCommand: CliCommand = {
  summary: 'import an HSDS 3.0 file into the directory (approved; nothing is written if any row is wrong)',
  options: { file: 'an HSDS JSON file or a zip of HSDS CSV files', language: 'language of its descriptions: en (default), ro or nb', country: 'country of organisations whose addresses do not say: RO (default) or NO', 'dry-run': 'true: only check' },
  async run({ options, config, open }) {
    if (!options.file) {
      console.error('--file is required');
      return 2;
    }
    const bytes = readFileSync(path.resolve(options.file));
    const zip = options.file.toLowerCase().endsWith('.zip');
    const parsed = HsdsImportRequestSchema.safeParse({
      format: zip ? 'zip' : 'json',
      fileName: path.basename(options.file),
      content: zip ? bytes.toString('base64') : bytes.toString('utf8'),
      language: options.language ?? 'en',
      country: options.country ?? 'RO',
      dryRun: options['dry-run'] === 'true',
    });
    if (!parsed.success) {
      console.error(`not imported: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return 2;
    }
    const handle = await open();
    try {
      const report = await importHsdsByOperator(operatorCtx({ db: handle.db, config }), parsed.data);
      for (const p of report.problems) console.log(`${p.file}:${p.line} ${p.field}: ${p.message}`);
      for (const i of report.ignored) console.log(`ignored: ${i.what} × ${i.count}`);
      const { services, organizations, locations } = report.counts;
      console.log(report.imported ? `imported ${services} services, ${organizations} organisations, ${locations} locations (approved)` : `not imported: ${report.problemCount} problem(s)${parsed.data.dryRun ? ' (dry run)' : ''}`);
      return report.imported || (parsed.data.dryRun && report.problemCount === 0) ? 0 : 1;
    } finally {
      await handle.close();
    }
  },
};

export const HSDS_COMMANDS: Record<string, CliCommand> = { 'import-hsds': importCommand };
