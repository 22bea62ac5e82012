// Knowledge library — editing and review contracts: section texts per language, revisions, the workflow, diffs.
// Routes: see the overview at the top of library.schema.ts.
import { z } from 'zod';
import { int4, line, text, Version } from '../lib/input.ts';
import { DateTime } from '../lib/datetime.ts';
import { AudienceSchema, LibraryLanguageSchema } from './library.schema.ts';

/** Limits shared by the editor form and the server. */
export const SECTION_TITLE_MAX = 200;
/**
 * NOTE: the longest section in content/ has about 2,400 characters; 20,000 (some 3,000 words) leaves eight times that,
 * and keeps the worst Markdown an editor can send well inside the render time limit (docs/performance.md).
 */
export const SECTION_BODY_MAX = 20_000;
export const NOTE_MAX = 2_000;

export const TextStateSchema = z.enum(['draft', 'in_review', 'published']);
export type TextState = z.infer<typeof TextStateSchema>;

export const SectionTextParamsSchema = z.object({ sectionId: z.uuid(), lang: LibraryLanguageSchema });
export const RevisionParamsSchema = z.object({ id: z.uuid() });

export const RevisionSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  language: LibraryLanguageSchema,
  title: z.string(),
  bodyMd: z.string(),
  authorAccountId: z.uuid().nullable(),
  /** Null for imported text (authored through git) and for deleted accounts. */
  authorName: z.string().nullable(),
  /** For a translation: the source-language revision it was made from. */
  sourceRevisionId: z.uuid().nullable(),
  note: z.string().nullable(),
  createdAt: DateTime,
});
export type Revision = z.infer<typeof RevisionSchema>;

export const RevisionSummarySchema = RevisionSchema.omit({ bodyMd: true }).extend({
  isCurrent: z.boolean(),
  isPublished: z.boolean(),
});
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

export const RevisionListSchema = z.object({ revisions: z.array(RevisionSummarySchema) });
export type RevisionList = z.infer<typeof RevisionListSchema>;

/** Where a translation stands against its source language. Null on the source language itself. */
export const TranslationInfoSchema = z.object({
  sourceLanguage: LibraryLanguageSchema,
  /** The source revision the current translation revision was made from. */
  sourceRevisionId: z.uuid().nullable(),
  /** The source language's published revision now: pass it as sourceRevisionId when saving an updated translation. */
  sourcePublishedRevisionId: z.uuid().nullable(),
  outdated: z.boolean(),
});
export type TranslationInfo = z.infer<typeof TranslationInfoSchema>;

export const SectionEditSchema = z.object({
  sectionId: z.uuid(),
  sectionSlug: z.string(),
  chapter: z.object({ slug: z.string(), title: z.string() }),
  publication: z.object({ id: z.uuid(), slug: z.string(), title: z.string(), sourceLanguage: LibraryLanguageSchema }),
  language: LibraryLanguageSchema,
  /** Null while this language has no text yet (save with version 0 to start it). */
  state: TextStateSchema.nullable(),
  version: z.number().int(),
  current: RevisionSchema.nullable(),
  /** What readers see now; unchanged by saving a draft. */
  published: RevisionSchema.nullable(),
  submittedBy: z.uuid().nullable(),
  submittedAt: DateTime.nullable(),
  publishedAt: DateTime.nullable(),
  translation: TranslationInfoSchema.nullable(),
  /** The reviewer's note from the last return to draft; cleared when the text is published. */
  reviewNote: z.object({ note: z.string(), byName: z.string().nullable(), at: DateTime }).nullable(),
  /** What the caller may do here: the UI shows only these actions. */
  can: z.object({ edit: z.boolean(), review: z.boolean() }),
});
export type SectionEdit = z.infer<typeof SectionEditSchema>;

export const SectionSaveSchema = z.object({
  title: line(SECTION_TITLE_MAX).min(1, 'Enter a title'),
  bodyMd: text(SECTION_BODY_MAX),
  /**
   * The version the editor started from; 0 when creating this language's text. A stale one → 409 whose body's
   * `current` is the SectionEdit as it is now (its `current` field holds the newer revision).
   */
  version: int4(0),
  /** Translations: the source-language revision this text was brought up to date with. */
  sourceRevisionId: z.uuid().nullable().optional(),
});
export type SectionSave = z.infer<typeof SectionSaveSchema>;

export const WorkflowStepSchema = z.object({ version: Version });
export type WorkflowStep = z.infer<typeof WorkflowStepSchema>;

export const ReturnToDraftSchema = z.object({
  version: Version,
  note: text(NOTE_MAX).trim().min(1, 'Say what should change'),
});
export type ReturnToDraft = z.infer<typeof ReturnToDraftSchema>;

export const RestoreRevisionSchema = z.object({ version: int4(0), revisionId: z.uuid() });
export type RestoreRevision = z.infer<typeof RestoreRevisionSchema>;

export const DiffQuerySchema = z.object({
  from: z.uuid(),
  to: z.uuid(),
  mode: z.enum(['words', 'lines']).default('words'),
});
export type DiffQuery = z.infer<typeof DiffQuerySchema>;

/** One run of text: unchanged (both false), added or removed. */
export const DiffPartSchema = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() });
export type DiffPart = z.infer<typeof DiffPartSchema>;

export const RevisionDiffSchema = z.object({
  from: RevisionSummarySchema.omit({ isCurrent: true, isPublished: true }),
  to: RevisionSummarySchema.omit({ isCurrent: true, isPublished: true }),
  mode: z.enum(['words', 'lines']),
  title: z.array(DiffPartSchema),
  body: z.array(DiffPartSchema),
});
export type RevisionDiff = z.infer<typeof RevisionDiffSchema>;

/** One section text in a queue (review queue, drafts, outdated translations). */
export const TextSummarySchema = z.object({
  sectionId: z.uuid(),
  sectionSlug: z.string(),
  title: z.string(),
  chapterSlug: z.string(),
  chapterTitle: z.string(),
  publicationSlug: z.string(),
  language: LibraryLanguageSchema,
  state: TextStateSchema,
  version: z.number().int(),
  outdated: z.boolean(),
  authorName: z.string().nullable(),
  /** Who wrote the current revision and who submitted it: the desk lists "my drafts" and "waiting for you". */
  authorAccountId: z.uuid().nullable(),
  submittedBy: z.uuid().nullable(),
  updatedAt: DateTime,
  submittedAt: DateTime.nullable(),
});
export type TextSummary = z.infer<typeof TextSummarySchema>;

export const TextSummaryListSchema = z.object({ texts: z.array(TextSummarySchema) });
export type TextSummaryList = z.infer<typeof TextSummaryListSchema>;

export const EditorPublicationSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  sourceLanguage: LibraryLanguageSchema,
  can: z.object({ edit: z.boolean(), review: z.boolean() }),
});
export const EditorPublicationListSchema = z.object({ publications: z.array(EditorPublicationSchema) });
export type EditorPublicationList = z.infer<typeof EditorPublicationListSchema>;

export const EditorTextStatusSchema = z.object({
  language: LibraryLanguageSchema,
  state: TextStateSchema.nullable(),
  title: z.string().nullable(),
  version: z.number().int(),
  outdated: z.boolean(),
});

export const EditorPublicationTreeSchema = EditorPublicationSchema.extend({
  chapters: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      audience: AudienceSchema,
      sections: z.array(z.object({ id: z.uuid(), slug: z.string(), texts: z.array(EditorTextStatusSchema) })),
    }),
  ),
});
export type EditorPublicationTree = z.infer<typeof EditorPublicationTreeSchema>;

export const MarkdownPreviewSchema = z.object({ bodyMd: text(SECTION_BODY_MAX) });
export const MarkdownPreviewResultSchema = z.object({ html: z.string() });
