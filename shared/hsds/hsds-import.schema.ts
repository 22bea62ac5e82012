// Importing and exporting the directory as HSDS 3.0 (JSON, or the CSV datapackage as a zip):
//   POST /api/directory/import   HsdsImportRequest → HsdsImportReport   platform admins and coordinators
//   GET  /api/directory/export.json?lang=  and  /api/directory/export.zip?lang=   the same people
// A rejected import answers 200 with imported: false and the problems (file, line, field): nothing was written.
import { z } from 'zod';
import { line, text } from '../lib/input.ts';

/** The largest upload: JSON text, or a zip as base64 (about 4/3 of its size). */
export const HSDS_IMPORT_MAX_CHARS = 24 * 1024 * 1024;
export const HSDS_IMPORT_BODY_LIMIT = HSDS_IMPORT_MAX_CHARS + 64 * 1024;

export const HsdsImportRequestSchema = z
  .object({
    format: z.enum(['json', 'zip']),
    /** Named in the report's problems. */
    fileName: line(200).min(1),
    /** JSON text, or the zip file encoded as base64. */
    content: text(HSDS_IMPORT_MAX_CHARS).min(1, 'Choose a file'),
    /** The language the upload's descriptions are written in (HSDS has one description per object). */
    language: z.enum(['en', 'ro', 'nb']).default('en'),
    /** The country of organisations whose addresses do not say it. */
    country: z.enum(['RO', 'NO']).default('RO'),
    /** Check only: report the problems, write nothing. */
    dryRun: z.boolean().default(false),
  })
  .strict();
export type HsdsImportRequest = z.infer<typeof HsdsImportRequestSchema>;

export const HsdsImportProblemSchema = z.object({ file: z.string(), line: z.number(), field: z.string(), message: z.string() });
export type HsdsImportProblem = z.infer<typeof HsdsImportProblemSchema>;

export const HsdsImportReportSchema = z.object({
  /** True when everything was written; false when anything was wrong (nothing written) or for a dry run. */
  imported: z.boolean(),
  /** The state imported services take: a platform admin's are approved, a coordinator's wait for approval. */
  reviewStatus: z.enum(['approved', 'pending']),
  counts: z.object({ organizations: z.number(), services: z.number(), locations: z.number(), serviceAtLocations: z.number() }),
  problemCount: z.number(),
  problems: z.array(HsdsImportProblemSchema),
  /** Parts of HSDS the directory does not keep (contacts, funding, other taxonomies…), counted. */
  ignored: z.array(z.object({ what: z.string(), count: z.number() })),
  /** Files of the zip that are not HSDS tables we read. */
  skipped: z.array(z.string()),
});
export type HsdsImportReport = z.infer<typeof HsdsImportReportSchema>;

export const HsdsExportQuerySchema = z.object({ lang: z.enum(['en', 'ro', 'nb']).optional() }).strict();
