// Knowledge library, review workflow: draft → in review → published, with four eyes (the reviewer who publishes is
// neither the author of the version nor the one who submitted it); a reviewer may return a text to draft with a note,
// and its editors may withdraw it from review to change it.
import { actorOf, type Ctx } from '#server/context.ts';
import type { Db } from '#server/db/db.ts';
import { AppError } from '#server/errors.ts';
import type { ReturnToDraft, SectionEdit, WorkflowStep } from '#shared/library/library-edit.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { whyCannotPublish } from './library.policy.ts';
import { assertVersion, audit, buildSectionEdit, sectionFor } from './section-edit.service.ts';
import type { SectionContext } from './structure.queries.ts';
import { markPublished, prepareRevision, type PreparedRevision } from './text-publish.ts';
import { findRevision, findText, updateText, type TextRow } from './text.queries.ts';

async function lockedText(ctx: Ctx, trx: Db, section: SectionContext, lang: LibraryLanguage, version: number, state: string): Promise<TextRow> {
  const text = await findText(trx, section.sectionId, lang, true);
  await assertVersion(ctx, trx, section, lang, text, version);
  if (!text) throw new AppError('not_found', 'This text does not exist yet.');
  if (text.state !== state) throw new AppError('invalid', state === 'draft' ? 'Only a draft can be submitted for review.' : 'Only a text in review can be published or returned.');
  return text;
}

/** Draft → in review. */
export async function submitSectionText(ctx: Ctx, sectionId: string, lang: LibraryLanguage, input: WorkflowStep): Promise<SectionEdit> {
  const section = await sectionFor(ctx, ctx.db, sectionId, 'edit');
  await ctx.db.transaction().execute(async (trx) => {
    const text = await lockedText(ctx, trx, section, lang, input.version, 'draft');
    await updateText(trx, sectionId, lang, text.version, { state: 'in_review', submittedBy: actorOf(ctx).accountId, submittedAt: ctx.now, updatedAt: ctx.now });
    await audit(ctx, trx, section, 'library.section_submitted', { language: lang, revisionId: text.currentRevisionId });
  });
  return buildSectionEdit(ctx, ctx.db, section, lang);
}

/**
 * The revision about to be published, prepared (HTML, search text) before the transaction; null when the text is not
 * the one asked for (the transaction then says why).
 */
async function preparePublishing(ctx: Ctx, section: SectionContext, lang: LibraryLanguage, version: number): Promise<PreparedRevision | null> {
  const text = await findText(ctx.db, section.sectionId, lang);
  if (!text || text.version !== version || text.state !== 'in_review') return null;
  const revision = await findRevision(ctx.db, text.currentRevisionId);
  return revision ? prepareRevision(ctx.db, revision, section.sectionSlug) : null;
}

/** In review → published: readers see this revision from now on, and search finds it. */
export async function publishSectionText(ctx: Ctx, sectionId: string, lang: LibraryLanguage, input: WorkflowStep): Promise<SectionEdit> {
  const section = await sectionFor(ctx, ctx.db, sectionId, 'review');
  // NOTE: outside the transaction: on the embedded database an open transaction holds every other request's queries.
  const prepared = await preparePublishing(ctx, section, lang, input.version);
  await ctx.db.transaction().execute(async (trx) => {
    const text = await lockedText(ctx, trx, section, lang, input.version, 'in_review');
    const revision = await findRevision(trx, text.currentRevisionId);
    const why = whyCannotPublish(actorOf(ctx).accountId, { authorAccountId: revision?.authorAccountId ?? null, submittedBy: text.submittedBy });
    if (why) throw new AppError('forbidden', why);
    if (!revision || !prepared) throw new AppError('conflict', 'Someone else changed this text in the meantime.');
    const target = { sectionId, publicationId: section.publicationId, language: lang, revisionId: text.currentRevisionId, bodyMd: revision.bodyMd };
    await markPublished(ctx, trx, { ...target, version: text.version, publishedBy: actorOf(ctx).accountId, prepared });
    await audit(ctx, trx, section, 'library.section_published', { language: lang, revisionId: text.currentRevisionId });
  });
  return buildSectionEdit(ctx, ctx.db, section, lang);
}

/** In review → draft, with the reviewer's note on what should change. */
export async function returnSectionText(ctx: Ctx, sectionId: string, lang: LibraryLanguage, input: ReturnToDraft): Promise<SectionEdit> {
  const section = await sectionFor(ctx, ctx.db, sectionId, 'review');
  await ctx.db.transaction().execute(async (trx) => {
    const text = await lockedText(ctx, trx, section, lang, input.version, 'in_review');
    await updateText(trx, sectionId, lang, text.version, {
      state: 'draft',
      submittedBy: null,
      submittedAt: null,
      reviewNote: input.note,
      reviewNoteBy: actorOf(ctx).accountId,
      reviewNoteAt: ctx.now,
      updatedAt: ctx.now,
    });
    await audit(ctx, trx, section, 'library.section_returned', { language: lang, revisionId: text.currentRevisionId });
  });
  return buildSectionEdit(ctx, ctx.db, section, lang);
}

/** In review → draft, by an editor who wants to change it before it is reviewed (no note: nothing was reviewed). */
export async function withdrawSectionText(ctx: Ctx, sectionId: string, lang: LibraryLanguage, input: WorkflowStep): Promise<SectionEdit> {
  const section = await sectionFor(ctx, ctx.db, sectionId, 'edit');
  await ctx.db.transaction().execute(async (trx) => {
    const text = await lockedText(ctx, trx, section, lang, input.version, 'in_review');
    await updateText(trx, sectionId, lang, text.version, { state: 'draft', submittedBy: null, submittedAt: null, updatedAt: ctx.now });
    await audit(ctx, trx, section, 'library.section_withdrawn', { language: lang, revisionId: text.currentRevisionId });
  });
  return buildSectionEdit(ctx, ctx.db, section, lang);
}
