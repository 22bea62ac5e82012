// Data-protection contracts of case files (issue 10): attachments, the legal hold, erasure on request, retention.
//   POST /api/cases/:id/attachments?category=   AttachmentUpload → AttachmentView (201; 413 too big, 415 not a
//                                                PDF, PNG, JPEG or WebP — sniffed from the bytes)
//   GET  /api/cases/:id/attachments?category=   → AttachmentList (the categories the grant reads, filtered in SQL)
//   GET  /api/cases/:id/attachments/:attachmentId → the bytes (attachment; nosniff; audited)
//   GET  /api/cases/:id/export.json | export.pdf?lang=  → everything the exporter may read (owner, identity grant)
//   GET  /api/cases/:id/assistance.csv          → the assistance records the exporter may read, cells defused
//   POST /api/cases/:id/legal-hold              LegalHoldChange → LegalHoldView (owner or the case coordinator)
//   POST /api/cases/:id/erase                   ErasureRequest → ErasureResult (owner; 422 under a legal hold)
import { z } from 'zod';
import { DateTime } from '../lib/datetime.ts';
import { line, text, Version } from '../lib/input.ts';
import { CaseCategorySchema, type CaseCategory } from './case-vocabulary.ts';

/** Largest attachment kept (bytes); larger uploads answer 413. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** What an attachment may be, as sniffed from its bytes (never from the client's name or header). */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/**
 * Months after closure that each category is kept, unless the organisation set its own (case_setting.retention).
 * Identity goes first (two years: long enough for a returning person to be recognised, no longer); the rest is kept
 * five years, as assistance records usually must be. docs/operations.md describes the purge.
 */
export const DEFAULT_RETENTION_MONTHS: Record<CaseCategory, number> = { general: 60, identity: 24, health: 60, psychological: 60, legal: 60, social: 60 };

export const AttachmentParamsSchema = z.object({ id: z.uuid(), attachmentId: z.uuid() }).strict();
export const AttachmentCategoryQuerySchema = z.object({ category: CaseCategorySchema }).strict();
export const AttachmentListQuerySchema = z.object({ category: CaseCategorySchema.optional() }).strict();

export const AttachmentUploadSchema = z
  .object({
    fileName: line(200).pipe(z.string().min(1, 'Give the file a name')),
    /** The file's bytes in base64 (a data: URL prefix is accepted). */
    // NOTE: bounded loosely on purpose: the route's body limit answers 413 first, and the decoded size is checked again.
    dataBase64: z
      .string()
      .min(1, 'Choose a file')
      .max(ATTACHMENT_MAX_BYTES * 2)
      .regex(/^(data:[a-z]+\/[a-z0-9.+-]+;base64,)?[A-Za-z0-9+/=\s]*$/, 'Not base64'),
  })
  .strict();
export type AttachmentUpload = z.infer<typeof AttachmentUploadSchema>;

export const AttachmentViewSchema = z.object({
  id: z.uuid(),
  category: CaseCategorySchema,
  mediaType: z.enum(ATTACHMENT_TYPES),
  byteSize: z.number(),
  fileName: z.string(),
  createdAt: DateTime,
  createdByName: z.string().nullable(),
});
export type AttachmentView = z.infer<typeof AttachmentViewSchema>;
export const AttachmentListSchema = z.object({ attachments: z.array(AttachmentViewSchema) });
export type AttachmentList = z.infer<typeof AttachmentListSchema>;

export const ExportQuerySchema = z.object({ lang: z.enum(['ro', 'en', 'nb']).optional() }).strict();

export const LegalHoldChangeSchema = z
  .object({
    hold: z.boolean(),
    reason: text(1000).pipe(z.string().min(3, 'Say why (a court order, a claim, an investigation)')),
    version: Version,
  })
  .strict();
export type LegalHoldChange = z.infer<typeof LegalHoldChangeSchema>;
export const LegalHoldViewSchema = z.object({ legalHold: z.boolean(), version: z.number() });
export type LegalHoldView = z.infer<typeof LegalHoldViewSchema>;

export const ERASURE_SCOPES = ['identity', 'all'] as const;
export const ErasureRequestSchema = z
  .object({
    scope: z.enum(ERASURE_SCOPES),
    reason: text(1000).pipe(z.string().min(3, 'Say whose request this is and when it came')),
    version: Version,
  })
  .strict();
export type ErasureRequest = z.infer<typeof ErasureRequestSchema>;
export const ErasureResultSchema = z.object({ scope: z.enum(ERASURE_SCOPES), counts: z.record(z.string(), z.number()), anonymisedAt: DateTime.nullable(), version: z.number() });
export type ErasureResult = z.infer<typeof ErasureResultSchema>;
