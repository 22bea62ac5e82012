// Publishing a section text: the one place that moves the published pointer and keeps the search index in step.
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { indexSectionText } from '#server/features/search/search-index.service.ts';
import { insertRevision, insertText, updateText, type TextRow } from './text.queries.ts';

export type TextOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

interface PublishTarget {
  sectionId: string;
  language: string;
  revisionId: string;
  version: number;
  publishedBy: string | null;
}

/** Marks `revisionId` as the published text (readers see it from now on) and re-indexes it for search. */
export async function markPublished(ctx: Ctx, trx: Transaction<Database>, t: PublishTarget): Promise<void> {
  const ok = await updateText(trx, t.sectionId, t.language, t.version, {
    state: 'published',
    currentRevisionId: t.revisionId,
    publishedRevisionId: t.revisionId,
    publishedBy: t.publishedBy,
    publishedAt: ctx.now,
    submittedBy: null,
    submittedAt: null,
    reviewNote: null,
    reviewNoteBy: null,
    reviewNoteAt: null,
    updatedAt: ctx.now,
  });
  if (!ok) throw new AppError('conflict', 'Someone else changed this text in the meantime.');
  await indexSectionText(trx, { sectionId: t.sectionId, language: t.language, revisionId: t.revisionId });
}

interface ImportedText {
  sectionId: string;
  language: string;
  title: string;
  bodyMd: string;
  sourceRevisionId: string | null;
  existing: TextRow | undefined;
}

/**
 * Publishes text that arrived through git (author null). A text with a draft or review under way in the web editor
 * is skipped: overwriting it would silently discard someone's work.
 */
export async function publishNewRevision(ctx: Ctx, trx: Transaction<Database>, t: ImportedText): Promise<{ outcome: TextOutcome; revisionId: string | null }> {
  if (t.existing && t.existing.state !== 'published') return { outcome: 'skipped', revisionId: null };
  const revision = await insertRevision(trx, { sectionId: t.sectionId, language: t.language, title: t.title, bodyMd: t.bodyMd, authorAccountId: null, sourceRevisionId: t.sourceRevisionId, createdAt: ctx.now });
  if (!t.existing) {
    await insertText(trx, { sectionId: t.sectionId, language: t.language, state: 'published', currentRevisionId: revision.id, publishedRevisionId: revision.id, publishedAt: ctx.now, updatedAt: ctx.now });
    await indexSectionText(trx, { sectionId: t.sectionId, language: t.language, revisionId: revision.id });
    return { outcome: 'created', revisionId: revision.id };
  }
  await markPublished(ctx, trx, { sectionId: t.sectionId, language: t.language, revisionId: revision.id, version: t.existing.version, publishedBy: null });
  return { outcome: 'updated', revisionId: revision.id };
}
