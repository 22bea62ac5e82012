// Knowledge library — reader reports, images, the usage report and the editor dashboard.
// Routes: see the overview at the top of library.schema.ts.
import { z } from 'zod';
import { Day, line, Version } from '../lib/input.ts';
import { DateTime } from '../lib/datetime.ts';
import { TextSummarySchema } from './library-edit.schema.ts';
import { LibraryLanguageSchema } from './library.schema.ts';

export const REPORT_COMMENT_MAX = 2_000;
export const REPORT_KINDS = ['wrong', 'outdated', 'unclear', 'missing'] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

/** A reader's report; the form asks people not to include personal data in the comment. */
export const ReportCreateSchema = z.object({
  sectionId: z.uuid(),
  language: LibraryLanguageSchema,
  kind: ReportKindSchema,
  comment: line(REPORT_COMMENT_MAX).optional(),
});
export type ReportCreate = z.infer<typeof ReportCreateSchema>;

export const ReportCreatedSchema = z.object({ id: z.uuid() });

export const ReportSchema = z.object({
  id: z.uuid(),
  sectionId: z.uuid(),
  sectionSlug: z.string(),
  sectionTitle: z.string(),
  chapterSlug: z.string(),
  publicationSlug: z.string(),
  language: LibraryLanguageSchema,
  kind: ReportKindSchema,
  comment: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  resolution: z.enum(['revised', 'declined']).nullable(),
  resolutionNote: z.string().nullable(),
  resolvedRevisionId: z.uuid().nullable(),
  createdAt: DateTime,
  closedAt: DateTime.nullable(),
  version: z.number().int(),
});
export type Report = z.infer<typeof ReportSchema>;

export const ReportListQuerySchema = z.object({ status: z.enum(['open', 'closed']).default('open') });
export const ReportListSchema = z.object({ reports: z.array(ReportSchema) });
export type ReportList = z.infer<typeof ReportListSchema>;

export const ReportParamsSchema = z.object({ id: z.uuid() });

export const ReportCloseSchema = z.discriminatedUnion('resolution', [
  z.object({
    resolution: z.literal('revised'),
    /** The revision that fixed the problem. */
    revisionId: z.uuid(),
    note: line(REPORT_COMMENT_MAX).default(''),
    version: Version,
  }),
  z.object({
    resolution: z.literal('declined'),
    note: line(REPORT_COMMENT_MAX).min(1, 'Say why'),
    version: Version,
  }),
]);
export type ReportClose = z.infer<typeof ReportCloseSchema>;

export const EditorDashboardSchema = z.object({
  drafts: z.array(TextSummarySchema),
  inReview: z.array(TextSummarySchema),
  outdated: z.array(TextSummarySchema),
  openReports: z.array(ReportSchema),
});
export type EditorDashboard = z.infer<typeof EditorDashboardSchema>;

export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

const AltText = line(300).min(1, 'Describe the image');

/** JSON upload (no multipart): the image as base64, with alt text in every language. */
export const ImageUploadSchema = z.object({
  publicationId: z.uuid(),
  dataBase64: z.string().min(1).regex(/^[A-Za-z0-9+/=\s]*$/, 'Not base64'),
  altTexts: z.object({ en: AltText, ro: AltText, nb: AltText }),
});
export type ImageUpload = z.infer<typeof ImageUploadSchema>;

export const ImageUploadedSchema = z.object({
  id: z.uuid(),
  /** Use in Markdown as ![alt](url). */
  url: z.string(),
  contentType: z.enum(IMAGE_TYPES),
  bytes: z.number().int(),
});
export type ImageUploaded = z.infer<typeof ImageUploadedSchema>;


export const UsageQuerySchema = z.object({ from: Day, to: Day });
export type UsageQuery = z.infer<typeof UsageQuerySchema>;

export const UsageKindSchema = z.enum(['view', 'download']);

export const UsageRowSchema = z.object({
  publicationSlug: z.string(),
  /** '' for the whole publication (PDF downloads). */
  chapterSlug: z.string(),
  language: z.string(),
  kind: UsageKindSchema,
  /** ISO country of the reader's organisation; '' for anonymous readers. */
  country: z.string(),
  count: z.number().int(),
});

const Total = z.object({ key: z.string(), count: z.number().int() });

export const UsageReportSchema = z.object({
  from: Day,
  to: Day,
  rows: z.array(UsageRowSchema),
  totals: z.object({
    all: z.number().int(),
    byPublication: z.array(Total),
    /** key: "<publication>/<chapter>". */
    byChapter: z.array(Total),
    byLanguage: z.array(Total),
    byKind: z.array(Total),
    byCountry: z.array(Total),
  }),
});
export type UsageReport = z.infer<typeof UsageReportSchema>;
