// Publishing a section text: the one place that moves the published pointer and keeps the search index in step. What
// takes CPU (HTML, search text) is prepared before the transaction, in worker threads; the transaction only writes.
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { indexSectionText, sectionSearchText, type SectionText } from '#server/features/search/search-index.service.ts';
import { imageIdsIn, publishImages } from './image.queries.ts';
import { HTML_VERSION, renderForEditor, storedHtml } from './section-html.ts';
import { insertRevision, insertText, setRevisionHtml, updateText, type TextRow } from './text.queries.ts';

export type TextOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

/** What publishing one revision needs that takes CPU, made before its transaction. */
export interface PreparedRevision {
  revisionId: string;
  /** HTML to store with the revision; null when it has current HTML already. */
  html: string | null;
  search: SectionText;
}

/** Renders (when the revision has no current HTML) and extracts the search text; 400 when the text cannot be rendered. */
export async function prepareRevision(db: Db, revision: { id: string; bodyMd: string }, sectionSlug: string): Promise<PreparedRevision> {
  const [html, search] = await Promise.all([
    storedHtml(db, revision.id).then((stored) => (stored === null ? renderForEditor(revision.bodyMd, sectionSlug) : null)),
    sectionSearchText(revision.bodyMd),
  ]);
  return { revisionId: revision.id, html, search };
}

interface PublishTarget {
  sectionId: string;
  publicationId: string;
  language: string;
  revisionId: string;
  version: number;
  publishedBy: string | null;
  bodyMd: string;
  prepared: PreparedRevision;
}

/** Marks `revisionId` as the published text (readers see it from now on), stores its HTML and re-indexes it for search. */
export async function markPublished(ctx: Ctx, trx: Transaction<Database>, t: PublishTarget): Promise<void> {
  const ok =
    t.prepared.revisionId === t.revisionId &&
    (await updateText(trx, t.sectionId, t.language, t.version, {
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
    }));
  if (!ok) throw new AppError('conflict', 'Someone else changed this text in the meantime.');
  if (t.prepared.html !== null) await setRevisionHtml(trx, t.revisionId, t.prepared.html, HTML_VERSION);
  await afterPublish(ctx, trx, t);
}

async function afterPublish(ctx: Ctx, trx: Transaction<Database>, t: Pick<PublishTarget, 'sectionId' | 'publicationId' | 'language' | 'revisionId' | 'bodyMd' | 'prepared'>): Promise<void> {
  await indexSectionText(trx, { sectionId: t.sectionId, language: t.language, revisionId: t.revisionId, text: t.prepared.search });
  // NOTE: an image becomes public with the first published text of its own publication that shows it (image.service.ts).
  await publishImages(trx, t.publicationId, imageIdsIn(t.bodyMd), ctx.now);
}

interface ImportedText {
  sectionId: string;
  sectionSlug: string;
  publicationId: string;
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
  const [bodyHtml, search] = await Promise.all([renderForEditor(t.bodyMd, t.sectionSlug), sectionSearchText(t.bodyMd)]);
  const values = { sectionId: t.sectionId, language: t.language, title: t.title, bodyMd: t.bodyMd, authorAccountId: null, sourceRevisionId: t.sourceRevisionId, createdAt: ctx.now };
  const revision = await insertRevision(trx, { ...values, bodyHtml, htmlVersion: HTML_VERSION });
  const prepared = { revisionId: revision.id, html: null, search };
  if (!t.existing) {
    await insertText(trx, { sectionId: t.sectionId, language: t.language, state: 'published', currentRevisionId: revision.id, publishedRevisionId: revision.id, publishedAt: ctx.now, updatedAt: ctx.now });
    await afterPublish(ctx, trx, { ...t, revisionId: revision.id, prepared });
    return { outcome: 'created', revisionId: revision.id };
  }
  await markPublished(ctx, trx, { ...t, revisionId: revision.id, version: t.existing.version, publishedBy: null, prepared });
  return { outcome: 'updated', revisionId: revision.id };
}
