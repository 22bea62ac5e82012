// Knowledge library, editors' overview: their publications, each section's state per language, the review queue,
// drafts, translations that lag behind their source, and open reader reports.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import type { EditorPublicationList, EditorPublicationTree, TextSummary, TextSummaryList } from '#shared/library/library-edit.schema.ts';
import type { EditorDashboard } from '#shared/library/library-report.schema.ts';
import { LIBRARY_LANGUAGES } from '#shared/lib/languages.ts';
import type { Audience, LibraryLanguage } from '#shared/library/library.schema.ts';
import { listTexts, type TextFilter, type TextListRow } from './editing.queries.ts';
import { canEdit, canReview, canWorkOn, isOwnLibrary, workOrganisation } from './library.policy.ts';
import { listOpenReports } from './report.service.ts';
import { findPublicationBySlug, listChapters, listPublications, listSectionsOfPublication } from './structure.queries.ts';

/** The organisation whose library the actor works on (null: all, for platform admins); 403 for anyone else. */
function scope(ctx: Ctx): string | null {
  const organisationId = workOrganisation(ctx.actor);
  if (organisationId === undefined) throw new AppError('forbidden', 'Only editors and reviewers can do this.');
  return organisationId;
}

const isOutdated = (r: TextListRow) => r.language !== r.sourceLanguage && r.sourceNumber !== null && (r.linkedSourceNumber === null || r.linkedSourceNumber < r.sourceNumber);

function present(r: TextListRow): TextSummary {
  return {
    sectionId: r.sectionId,
    sectionSlug: r.sectionSlug,
    title: r.title,
    chapterSlug: r.chapterSlug,
    chapterTitle: r.chapterTitles[r.language] || r.chapterTitles[r.sourceLanguage] || r.chapterSlug,
    publicationSlug: r.publicationSlug,
    language: r.language as LibraryLanguage,
    state: r.state as TextSummary['state'],
    version: r.version,
    outdated: isOutdated(r),
    authorName: r.authorName,
    authorAccountId: r.authorAccountId,
    submittedBy: r.submittedBy,
    updatedAt: r.updatedAt,
    submittedAt: r.submittedAt,
  };
}

async function texts(ctx: Ctx, filter: Omit<TextFilter, 'organisationId'>): Promise<TextSummary[]> {
  return (await listTexts(ctx.db, { ...filter, organisationId: scope(ctx) })).map(present);
}

/** Texts waiting for a reviewer. */
export async function getReviewQueue(ctx: Ctx): Promise<TextSummaryList> {
  return { texts: await texts(ctx, { state: 'in_review' }) };
}

/** Translations made from an older source text than the one published now. */
export async function getOutdatedTranslations(ctx: Ctx): Promise<TextSummaryList> {
  return { texts: await texts(ctx, { outdatedOnly: true }) };
}

/** Drafts, texts in review, outdated translations and open reports, in one call. */
export async function getEditorDashboard(ctx: Ctx): Promise<EditorDashboard> {
  const organisationId = scope(ctx);
  const [drafts, inReview, outdated, openReports] = await Promise.all([
    texts(ctx, { state: 'draft' }),
    texts(ctx, { state: 'in_review' }),
    texts(ctx, { outdatedOnly: true }),
    listOpenReports(ctx, organisationId),
  ]);
  return { drafts, inReview, outdated, openReports };
}

/** The publications the actor edits or reviews. */
export async function listEditorPublications(ctx: Ctx): Promise<EditorPublicationList> {
  const rows = await listPublications(ctx.db, scope(ctx) ?? undefined);
  return {
    publications: rows.map((p) => ({
      id: p.id,
      slug: p.slug,
      title: p.titles[ctx.actor?.language ?? ''] || p.titles[p.sourceLanguage] || p.slug,
      sourceLanguage: p.sourceLanguage as LibraryLanguage,
      can: { edit: canEdit(ctx.actor, p), review: canReview(ctx.actor, p) },
    })),
  };
}

/** Chapters → sections → the state of each language, for the editor's navigation. */
export async function getEditorPublicationTree(ctx: Ctx, slug: string): Promise<EditorPublicationTree> {
  const p = await findPublicationBySlug(ctx.db, slug);
  // NOTE: another organisation's editorial tree is a 404, the same as a publication that does not exist.
  if (!p || !isOwnLibrary(ctx.actor, p)) throw new AppError('not_found', 'No such publication.');
  if (!canWorkOn(ctx.actor, p)) throw new AppError('forbidden', 'Only editors and reviewers of this publication can do this.');
  const [chapters, sections, rows] = await Promise.all([listChapters(ctx.db, p.id), listSectionsOfPublication(ctx.db, p.id), listTexts(ctx.db, { organisationId: null, publicationId: p.id, limit: 100_000 })]);
  const lang = ctx.actor?.language ?? p.sourceLanguage;
  const byText = new Map(rows.map((r) => [`${r.sectionId}:${r.language}`, r]));
  return {
    id: p.id,
    slug: p.slug,
    title: p.titles[lang] || p.titles[p.sourceLanguage] || p.slug,
    sourceLanguage: p.sourceLanguage as LibraryLanguage,
    can: { edit: canEdit(ctx.actor, p), review: canReview(ctx.actor, p) },
    chapters: chapters.map((c) => ({
      slug: c.slug,
      title: c.titles[lang] || c.titles[p.sourceLanguage] || c.slug,
      audience: c.audience as Audience,
      sections: sections
        .filter((s) => s.chapterId === c.id)
        .map((s) => ({
          id: s.id,
          slug: s.slug,
          texts: LIBRARY_LANGUAGES.map((language) => {
            const r = byText.get(`${s.id}:${language}`);
            return { language, state: (r?.state ?? null) as TextSummary['state'] | null, title: r?.title ?? null, version: r?.version ?? 0, outdated: r ? isOutdated(r) : false };
          }),
        })),
    })),
  };
}
