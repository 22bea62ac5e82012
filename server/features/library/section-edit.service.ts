// Knowledge library, editing: one section text per language, where every save is a new immutable revision and a
// published text is never changed in place (saving makes a draft; readers keep the published one until review).
import type { Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { Revision, RestoreRevision, SectionEdit, SectionSave } from '#shared/library/library-edit.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { canEdit, canReview, canWorkOn, isOwnLibrary } from './library.policy.ts';
import { findAccountName } from './editing.queries.ts';
import { HTML_VERSION, renderForEditor, storedHtml } from './section-html.ts';
import { findSectionContext, type SectionContext } from './structure.queries.ts';
import { findRevision, findText, insertRevision, insertText, updateText, type RevisionRow, type TextRow } from './text.queries.ts';

const FORBIDDEN = {
  work: 'Only editors and reviewers of this publication can do this.',
  edit: 'Only an editor of this publication can do this.',
  review: 'Only a reviewer of this publication can do this.',
};

/** The section with its publication, or 404 (also for another organisation's); 403 unless the actor may `need` on it. */
export async function sectionFor(ctx: Ctx, db: Db, sectionId: string, need: 'work' | 'edit' | 'review'): Promise<SectionContext> {
  const section = await findSectionContext(db, sectionId);
  // NOTE: another organisation's editorial work (drafts, revisions, who may publish) is a 404, as if it did not exist.
  if (!section || !isOwnLibrary(ctx.actor, section)) throw new AppError('not_found', 'No such section.');
  const allowed = need === 'edit' ? canEdit : need === 'review' ? canReview : canWorkOn;
  if (!allowed(ctx.actor, section)) throw new AppError('forbidden', FORBIDDEN[need]);
  return section;
}

export function presentRevision(row: RevisionRow): Revision {
  return { ...row, language: row.language as LibraryLanguage, authorName: row.authorName ?? null };
}

async function revisionOrNull(db: Db, id: string | null): Promise<Revision | null> {
  const row = id ? await findRevision(db, id) : undefined;
  return row ? presentRevision(row) : null;
}

/** The editor's view of a section text, read through `db` (a transaction when building a conflict answer). */
export async function buildSectionEdit(ctx: Ctx, db: Db, section: SectionContext, lang: LibraryLanguage): Promise<SectionEdit> {
  const text = await findText(db, section.sectionId, lang);
  const current = await revisionOrNull(db, text?.currentRevisionId ?? null);
  const source = section.sourceLanguage;
  return {
    sectionId: section.sectionId,
    sectionSlug: section.sectionSlug,
    chapter: { slug: section.chapterSlug, title: section.chapterTitles[lang] || section.chapterTitles[source] || section.chapterSlug },
    publication: { id: section.publicationId, slug: section.publicationSlug, title: section.publicationTitles[lang] || section.publicationTitles[source] || section.publicationSlug, sourceLanguage: source as LibraryLanguage },
    language: lang,
    state: (text?.state ?? null) as SectionEdit['state'],
    version: text?.version ?? 0,
    current,
    published: text?.publishedRevisionId === text?.currentRevisionId ? current : await revisionOrNull(db, text?.publishedRevisionId ?? null),
    submittedBy: text?.submittedBy ?? null,
    submittedAt: text?.submittedAt ?? null,
    publishedAt: text?.publishedAt ?? null,
    translation: lang === source ? null : await translationInfo(db, section, current),
    reviewNote: text?.reviewNote && text.reviewNoteAt ? { note: text.reviewNote, byName: await findAccountName(db, text.reviewNoteBy), at: text.reviewNoteAt } : null,
    can: { edit: canEdit(ctx.actor, section), review: canReview(ctx.actor, section) },
  };
}

async function translationInfo(db: Db, section: SectionContext, current: Revision | null): Promise<SectionEdit['translation']> {
  const sourceText = await findText(db, section.sectionId, section.sourceLanguage);
  const sourcePublished = sourceText?.publishedRevisionId ? await findRevision(db, sourceText.publishedRevisionId) : undefined;
  const linked = current?.sourceRevisionId ? await findRevision(db, current.sourceRevisionId) : undefined;
  return {
    sourceLanguage: section.sourceLanguage as LibraryLanguage,
    sourceRevisionId: current?.sourceRevisionId ?? null,
    sourcePublishedRevisionId: sourcePublished?.id ?? null,
    outdated: Boolean(current && sourcePublished && (!linked || linked.number < sourcePublished.number)),
  };
}

/** The editor's view of one section text. */
export async function getSectionEdit(ctx: Ctx, sectionId: string, lang: LibraryLanguage): Promise<SectionEdit> {
  const section = await sectionFor(ctx, ctx.db, sectionId, 'work');
  return buildSectionEdit(ctx, ctx.db, section, lang);
}

/** 409 carrying the text as it is now, so the editor can show the newer revision. */
export async function assertVersion(ctx: Ctx, trx: Db, section: SectionContext, lang: LibraryLanguage, text: TextRow | undefined, version: number): Promise<void> {
  if ((text?.version ?? 0) === version) return;
  throw new AppError('conflict', 'Someone else changed this text in the meantime.', { current: await buildSectionEdit(ctx, trx, section, lang) });
}

/**
 * A text in review is what the reviewer is reading: it changes only after it is withdrawn or returned to draft, never
 * under the reviewer's eyes (409 with the text as it is).
 */
export async function assertNotInReview(ctx: Ctx, trx: Db, section: SectionContext, lang: LibraryLanguage, text: TextRow | undefined): Promise<void> {
  if (text?.state !== 'in_review') return;
  throw new AppError('conflict', 'This text is waiting for review: withdraw it from review before changing it.', { current: await buildSectionEdit(ctx, trx, section, lang) });
}

/** Which source revision a translation revision was made from: the one named, else the previous link, else the published source. */
async function sourceLink(trx: Db, section: SectionContext, lang: string, named: string | null | undefined, text: TextRow | undefined): Promise<string | null> {
  if (lang === section.sourceLanguage) {
    if (named) throw new AppError('invalid', 'The source text has no source.', { fields: { sourceRevisionId: 'Leave empty for the source language' } });
    return null;
  }
  if (named) {
    const revision = await findRevision(trx, named);
    if (!revision || revision.sectionId !== section.sectionId || revision.language !== section.sourceLanguage) {
      throw new AppError('invalid', 'That is not a source-language revision of this section.', { fields: { sourceRevisionId: 'Not a revision of the source text' } });
    }
    return named;
  }
  if (text) return (await findRevision(trx, text.currentRevisionId))?.sourceRevisionId ?? null;
  return (await findText(trx, section.sectionId, section.sourceLanguage))?.publishedRevisionId ?? null;
}

interface NewDraft {
  title: string;
  bodyMd: string;
  sourceRevisionId: string | null;
  /** Rendered before the transaction (section-html.ts), stored with the revision. */
  bodyHtml: string;
}

/** Appends a revision and makes it the current draft; the published revision (what readers see) stays. */
async function writeDraft(ctx: Ctx, trx: Transaction<Database>, section: SectionContext, lang: string, text: TextRow | undefined, draft: NewDraft) {
  const revision = await insertRevision(trx, { sectionId: section.sectionId, language: lang, ...draft, htmlVersion: HTML_VERSION, authorAccountId: actorOf(ctx).accountId, createdAt: ctx.now });
  if (!text) {
    await insertText(trx, { sectionId: section.sectionId, language: lang, state: 'draft', currentRevisionId: revision.id, publishedRevisionId: null, updatedAt: ctx.now });
  } else {
    const ok = await updateText(trx, section.sectionId, lang, text.version, { state: 'draft', currentRevisionId: revision.id, submittedBy: null, submittedAt: null, updatedAt: ctx.now });
    if (!ok) throw new AppError('conflict', 'Someone else changed this text in the meantime.');
  }
  return revision;
}

/** Saves a new revision as the current draft (400 on the body when it is too complex to render in time). */
export async function saveSectionText(ctx: Ctx, sectionId: string, lang: LibraryLanguage, input: SectionSave): Promise<SectionEdit> {
  const section = await sectionFor(ctx, ctx.db, sectionId, 'edit');
  // NOTE: rendered before the transaction, in a worker: the text's row lock is held for milliseconds, never a render.
  const bodyHtml = await renderForEditor(input.bodyMd, section.sectionSlug);
  await ctx.db.transaction().execute(async (trx) => {
    const text = await findText(trx, sectionId, lang, true);
    await assertVersion(ctx, trx, section, lang, text, input.version);
    await assertNotInReview(ctx, trx, section, lang, text);
    const sourceRevisionId = await sourceLink(trx, section, lang, input.sourceRevisionId, text);
    const revision = await writeDraft(ctx, trx, section, lang, text, { title: input.title, bodyMd: input.bodyMd, sourceRevisionId, bodyHtml });
    await audit(ctx, trx, section, 'library.section_saved', { language: lang, revisionId: revision.id, number: revision.number });
  });
  return buildSectionEdit(ctx, ctx.db, section, lang);
}

/** Makes an old revision the current draft again, as a new revision copying it. */
export async function restoreRevision(ctx: Ctx, sectionId: string, lang: LibraryLanguage, input: RestoreRevision): Promise<SectionEdit> {
  const section = await sectionFor(ctx, ctx.db, sectionId, 'edit');
  // NOTE: revisions never change, so the old one is read (and its HTML made, if missing) before the transaction.
  const old = await findRevision(ctx.db, input.revisionId);
  if (!old || old.sectionId !== sectionId || old.language !== lang) {
    throw new AppError('invalid', 'That revision belongs to another text.', { fields: { revisionId: 'Not a revision of this text' } });
  }
  const bodyHtml = (await storedHtml(ctx.db, old.id)) ?? (await renderForEditor(old.bodyMd, section.sectionSlug));
  await ctx.db.transaction().execute(async (trx) => {
    const text = await findText(trx, sectionId, lang, true);
    await assertVersion(ctx, trx, section, lang, text, input.version);
    await assertNotInReview(ctx, trx, section, lang, text);
    const revision = await writeDraft(ctx, trx, section, lang, text, { title: old.title, bodyMd: old.bodyMd, sourceRevisionId: old.sourceRevisionId, bodyHtml });
    await audit(ctx, trx, section, 'library.section_restored', { language: lang, revisionId: revision.id, number: revision.number, fromRevisionId: old.id });
  });
  return buildSectionEdit(ctx, ctx.db, section, lang);
}

/** Audit entry of a library change, attributed to the publication's organisation. Ids only, never text. */
export function audit(ctx: Ctx, trx: Transaction<Database>, section: SectionContext, action: string, details: Record<string, unknown>): Promise<void> {
  return recordAudit(ctx, trx, { action, entityType: 'section_text', entityId: section.sectionId, organisationId: section.organisationId, details });
}
