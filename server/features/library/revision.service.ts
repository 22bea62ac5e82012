// Knowledge library, history: the revisions of a section text, one revision, a diff between two, and a preview of
// Markdown rendered exactly as readers will get it.
import { diffLines, diffWords, type ChangeObject } from 'diff';
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import type { DiffPart, DiffQuery, Revision, RevisionDiff, RevisionList } from '#shared/library/library-edit.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { workOrganisation } from './library.policy.ts';
import { renderMarkdown } from './markdown.ts';
import { presentRevision, sectionFor } from './section-edit.service.ts';
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

const parts = (changes: ChangeObject<string>[]): DiffPart[] => changes.map((c) => ({ value: c.value, added: c.added, removed: c.removed }));

/** What changed between two revisions of the same section, as runs of unchanged, removed and added text. */
export async function diffRevisions(ctx: Ctx, query: DiffQuery): Promise<RevisionDiff> {
  const [from, to] = await Promise.all([findRevision(ctx.db, query.from), findRevision(ctx.db, query.to)]);
  if (!from || !to) throw new AppError('not_found', 'No such revision.');
  if (from.sectionId !== to.sectionId) throw new AppError('invalid', 'Compare revisions of the same section.', { fields: { to: 'Choose a revision of the same section' } });
  await sectionFor(ctx, ctx.db, from.sectionId, 'work');
  const body = query.mode === 'lines' ? diffLines(from.bodyMd, to.bodyMd) : diffWords(from.bodyMd, to.bodyMd);
  const strip = ({ bodyMd: _body, ...r }: typeof from) => presentRevisionSummary(r);
  return { from: strip(from), to: strip(to), mode: query.mode, title: parts(diffWords(from.title, to.title)), body: parts(body) };
}

/** Markdown rendered and sanitised as readers will see it (for editors and reviewers). */
export function previewMarkdown(ctx: Ctx, bodyMd: string): { html: string } {
  if (workOrganisation(ctx.actor) === undefined) throw new AppError('forbidden', 'Only editors and reviewers can do this.');
  return { html: renderMarkdown(bodyMd, 'preview') };
}
