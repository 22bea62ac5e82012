// Knowledge library, history: the revisions of a section text, one revision, a diff between two, and a preview of
// Markdown rendered exactly as readers will get it. Diffs and previews run in worker threads under a time limit.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { PoolBusyError, isInputFailure, shortTasks } from '#server/lib/worker-pool.ts';
import type { DiffQuery, Revision, RevisionDiff, RevisionList } from '#shared/library/library-edit.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { workOrganisation } from './library.policy.ts';
import type { diffTexts } from './revision-diff.ts';
import { presentRevision, sectionFor } from './section-edit.service.ts';
import { busy, renderForEditor } from './section-html.ts';
import { findRevision, findText, listRevisions } from './text.queries.ts';

/** Every revision of one section text, newest first. */
export async function listSectionRevisions(ctx: Ctx, sectionId: string, lang: LibraryLanguage): Promise<RevisionList> {
  await sectionFor(ctx, ctx.db, sectionId, 'work');
  const [rows, text] = await Promise.all([listRevisions(ctx.db, sectionId, lang), findText(ctx.db, sectionId, lang)]);
  return {
    revisions: rows.map(({ bodyMd: _body, ...r }) => ({
      ...presentRevisionSummary(r),
      isCurrent: r.id === text?.currentRevisionId,
      isPublished: r.id === text?.publishedRevisionId,
    })),
  };
}

function presentRevisionSummary(r: Omit<Parameters<typeof presentRevision>[0], 'bodyMd'>) {
  return { ...r, language: r.language as LibraryLanguage, authorName: r.authorName ?? null };
}

/** One revision, full text. */
export async function getRevision(ctx: Ctx, id: string): Promise<Revision> {
  const row = await findRevision(ctx.db, id);
  if (!row) throw new AppError('not_found', 'No such revision.');
  await sectionFor(ctx, ctx.db, row.sectionId, 'work');
  return presentRevision(row);
}

const REVISION_DIFF = new URL('./revision-diff.ts', import.meta.url);

/**
 * What changed between two revisions of the same section, as runs of unchanged, removed and added text. The answer's
 * `mode` is 'lines' when a word-by-word comparison was asked for but would take too long (revision-diff.ts).
 */
export async function diffRevisions(ctx: Ctx, query: DiffQuery): Promise<RevisionDiff> {
  const [from, to] = await Promise.all([findRevision(ctx.db, query.from), findRevision(ctx.db, query.to)]);
  if (!from || !to) throw new AppError('not_found', 'No such revision.');
  if (from.sectionId !== to.sectionId) throw new AppError('invalid', 'Compare revisions of the same section.', { fields: { to: 'Choose a revision of the same section' } });
  await sectionFor(ctx, ctx.db, from.sectionId, 'work');
  const diff = await compare({ fromTitle: from.title, toTitle: to.title, fromBody: from.bodyMd, toBody: to.bodyMd, mode: query.mode });
  const strip = ({ bodyMd: _body, ...r }: typeof from) => presentRevisionSummary(r);
  return { from: strip(from), to: strip(to), ...diff };
}

async function compare(input: Parameters<typeof diffTexts>[0]): Promise<ReturnType<typeof diffTexts>> {
  try {
    return await shortTasks.call<typeof diffTexts>(REVISION_DIFF, 'diffTexts', [input]);
  } catch (error) {
    if (error instanceof PoolBusyError) throw busy();
    // NOTE: the diff keeps to its own budget well inside the worker's limit; this is the backstop if it did not.
    if (isInputFailure(error)) throw new AppError('invalid', 'These revisions are too different to compare.', { fields: { mode: 'Too many changes to compare' } });
    throw error;
  }
}

/** Markdown rendered and sanitised as readers will see it (for editors and reviewers). */
export async function previewMarkdown(ctx: Ctx, bodyMd: string): Promise<{ html: string }> {
  if (workOrganisation(ctx.actor) === undefined) throw new AppError('forbidden', 'Only editors and reviewers can do this.');
  return { html: await renderForEditor(bodyMd, 'preview') };
}
