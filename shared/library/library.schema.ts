// Knowledge library — reading contracts (publications, table of contents, chapter pages).
//
// API overview (every route under /api/library; `lang` is en | ro | nb, default en):
//
// Reading (public; a chapter with audience "professionals" answers 401 to anonymous readers, and the TOC marks it locked, without its sections)
//   GET  /api/library/publications?lang=                              → PublicationList        public
//   GET  /api/library/publications/:slug?lang=                        → PublicationToc         public
//   GET  /api/library/publications/:slug/chapters/:chapter?lang=      → ChapterPage            public (401 if professionals-only)
//        (?preview=true for editors: no view is counted)
//   GET  /api/library/images/:id                                      → image bytes            public once a published text uses it (long cache); before, its editors and reviewers only (no-store)
//   POST /api/library/reports                                         ReportCreate → ReportCreated   public, rate-limited per IP
//
// Editing and review (signed in; the service checks role editor / reviewer in the publication's organisation, or platform admin)
//   GET  /api/library/editor/dashboard                                → EditorDashboard        editor | reviewer
//   GET  /api/library/editor/publications                             → EditorPublicationList  editor | reviewer
//   GET  /api/library/editor/publications/:slug                       → EditorPublicationTree  editor | reviewer
//   GET  /api/library/review-queue                                    → TextSummaryList        reviewer (texts in_review)
//   GET  /api/library/outdated                                        → TextSummaryList        editor | reviewer
//   GET  /api/library/sections/:sectionId/texts/:lang                 → SectionEdit            editor | reviewer
//   PUT  /api/library/sections/:sectionId/texts/:lang                 SectionSave → SectionEdit          editor (409 + current on stale version)
//   POST /api/library/sections/:sectionId/texts/:lang/submit          WorkflowStep → SectionEdit         editor (draft → in_review)
//   POST /api/library/sections/:sectionId/texts/:lang/publish         WorkflowStep → SectionEdit         reviewer ≠ author ≠ submitter (403)
//   POST /api/library/sections/:sectionId/texts/:lang/return          ReturnToDraft → SectionEdit        reviewer (in_review → draft, note)
//   POST /api/library/sections/:sectionId/texts/:lang/withdraw        WorkflowStep → SectionEdit         editor (in_review → draft, to change it)
//   POST /api/library/sections/:sectionId/texts/:lang/restore         RestoreRevision → SectionEdit      editor (new draft copying a revision)
//   GET  /api/library/sections/:sectionId/texts/:lang/revisions       → RevisionList           editor | reviewer
//   GET  /api/library/revisions/:id                                   → Revision               editor | reviewer
//   GET  /api/library/revisions/diff?from=&to=&mode=words|lines       → RevisionDiff           editor | reviewer
//   POST /api/library/preview                                         MarkdownPreview → { html }         editor | reviewer
//   POST /api/library/images                                          ImageUpload → ImageUploaded        editor (JSON base64, ≤ 2 MB → 413; png/jpeg/webp/gif sniffed → 400)
//   GET  /api/library/reports?status=open|closed                      → ReportList             editor | reviewer
//   POST /api/library/reports/:id/close                               ReportClose → Report     editor | reviewer
//
// Dissemination
//   GET  /api/library/usage?from=&to=                                 → UsageReport            coordinator | org_admin | donor_viewer | platform admin
//
// Owned by the search / PDF engineer (see shared/search/ and server/features/library-pdf/ for their exact contracts):
//   GET  /api/library/search?q=&lang=&publication=                    public
//   GET  /api/library/publications/:slug/pdf?lang=                    public (professionals-only chapters omitted for anonymous readers)
import { z } from 'zod';
import { DateTime } from '../lib/datetime.ts';
import { LIBRARY_LANGUAGES } from '../lib/languages.ts';

export const LibraryLanguageSchema = z.enum(LIBRARY_LANGUAGES);
export type LibraryLanguage = z.infer<typeof LibraryLanguageSchema>;

export const AudienceSchema = z.enum(['public', 'professionals']);
export type Audience = z.infer<typeof AudienceSchema>;

export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'Not a valid slug');

/** ?lang= on every reading route. */
export const LangQuerySchema = z.object({ lang: LibraryLanguageSchema.default('en') });
export type LangQuery = z.infer<typeof LangQuerySchema>;

export const PublicationSummarySchema = z.object({
  slug: z.string(),
  /** In the requested language, or the source language when that title is missing. */
  title: z.string(),
  sourceLanguage: LibraryLanguageSchema,
  chapterCount: z.number().int(),
  /** Languages with at least one published section. */
  languages: z.array(LibraryLanguageSchema),
});
export type PublicationSummary = z.infer<typeof PublicationSummarySchema>;

export const PublicationListSchema = z.object({ publications: z.array(PublicationSummarySchema) });
export type PublicationList = z.infer<typeof PublicationListSchema>;

export const PublicationParamsSchema = z.object({ slug: Slug });

export const TocSectionSchema = z.object({ slug: z.string(), title: z.string() });

export const TocChapterSchema = z.object({
  slug: z.string(),
  position: z.number().int(),
  title: z.string(),
  summary: z.string(),
  audience: AudienceSchema,
  /** Professionals-only and the reader is not signed in: the page answers 401, and `sections` is empty. */
  locked: z.boolean(),
  /** Why a professionals-only chapter is not public, in the reader's language; empty for public chapters. */
  audienceReason: z.string(),
  readingMinutes: z.number().int(),
  /** At least one section in this language lags behind a newer source-language text. */
  outdated: z.boolean(),
  sections: z.array(TocSectionSchema),
});
export type TocChapter = z.infer<typeof TocChapterSchema>;

export const PublicationTocSchema = z.object({
  slug: z.string(),
  title: z.string(),
  language: LibraryLanguageSchema,
  sourceLanguage: LibraryLanguageSchema,
  languages: z.array(LibraryLanguageSchema),
  chapters: z.array(TocChapterSchema),
});
export type PublicationToc = z.infer<typeof PublicationTocSchema>;

export const ChapterParamsSchema = z.object({ slug: Slug, chapter: Slug });
export const ChapterQuerySchema = LangQuerySchema.extend({
  /** Editors previewing: the view is not counted. */
  preview: z.enum(['true', 'false']).optional(),
});

export const ChapterSectionSchema = z.object({
  /** Section id: reports and the editor address sections by it. */
  id: z.uuid(),
  /** The anchor (deep link): /library/<publication>/<chapter>#<slug>. */
  slug: z.string(),
  title: z.string(),
  /** Sanitised HTML rendered from the published Markdown. */
  html: z.string(),
  /** The language this text is shown in: the requested one, or the source language when it has no translation yet. */
  language: LibraryLanguageSchema,
  /** True when the requested language was missing and the source language is shown instead. */
  fallback: z.boolean(),
  /** The translation was made from an older source text: show a notice. Always false for the source language. */
  outdated: z.boolean(),
  /** The publication's source language (the one translations are made from). */
  sourceLanguage: LibraryLanguageSchema,
  publishedAt: DateTime.nullable(),
});
export type ChapterSection = z.infer<typeof ChapterSectionSchema>;

export const ChapterLinkSchema = z.object({ slug: z.string(), title: z.string(), locked: z.boolean() });
export type ChapterLink = z.infer<typeof ChapterLinkSchema>;

/** Services from the directory related to this chapter (filled once the directory exists). */
export const RelatedServiceSchema = z.object({ id: z.string(), name: z.string(), url: z.string().nullable() });

export const ChapterPageSchema = z.object({
  publication: z.object({ slug: z.string(), title: z.string() }),
  slug: z.string(),
  /** The requested language. */
  language: LibraryLanguageSchema,
  title: z.string(),
  summary: z.string(),
  audience: AudienceSchema,
  sections: z.array(ChapterSectionSchema),
  prev: ChapterLinkSchema.nullable(),
  next: ChapterLinkSchema.nullable(),
  readingMinutes: z.number().int(),
  /** The latest publication time among the shown sections. */
  publishedAt: DateTime.nullable(),
  /** Languages this chapter has published text in. */
  languages: z.array(LibraryLanguageSchema),
  relatedServices: z.array(RelatedServiceSchema),
});
export type ChapterPage = z.infer<typeof ChapterPageSchema>;

export const ImageParamsSchema = z.object({ id: z.uuid() });
