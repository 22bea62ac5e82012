// Publication PDF: a whole published publication in one language as a printable file, made on the server without a
// browser (in a worker thread, under a time limit), cached per published version and per variant (public / full),
// downloads counted anonymously.
import { createHash } from 'node:crypto';
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { PoolBusyError, isInputFailure, longTasks } from '#server/lib/worker-pool.ts';
import { helpContactsForPdf } from '#server/features/help/help-pdf.ts';
import { recordLibraryUsage } from '#server/features/library/usage.service.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { pdfVariantFor } from './pdf.policy.ts';
import { findCachedPdf, findPublication, professionalChapters, publishedOutline, revisionTexts, storePdf, type OutlineRow } from './pdf.queries.ts';
import type { PdfBook, PdfChapter, renderPublicationPdf } from './pdf-render.ts';

/** Bump when the layout changes: every cached file is then rebuilt on its next download. */
const LAYOUT_VERSION = 3;

type Publication = NonNullable<Awaited<ReturnType<typeof findPublication>>>;

export interface PublicationPdf {
  filename: string;
  bytes: Buffer;
}

/** The PDF of a publication in one language, from the cache when nothing was published since it was made. */
export async function getPublicationPdf(ctx: Ctx, input: { slug: string; lang: LibraryLanguage }): Promise<PublicationPdf> {
  const publication = await findPublication(ctx.db, input.slug);
  if (!publication) throw new AppError('not_found', 'No such publication.');
  const variant = pdfVariantFor(ctx.actor);
  const scope = { publicationId: publication.id, language: input.lang, sourceLanguage: publication.sourceLanguage, includeProfessionals: variant === 'full' };
  const rows = await publishedOutline(ctx.db, scope);
  if (rows.length === 0) throw new AppError('not_found', 'Nothing of this publication is published yet.');
  const key = { publicationId: publication.id, language: input.lang, variant };
  const help = await helpContactsForPdf(ctx.db, input.lang);
  const fingerprint = fingerprintOf(publication, variant, rows, help.fingerprint);
  const cached = await findCachedPdf(ctx.db, key);
  let bytes: Buffer;
  if (cached?.fingerprint === fingerprint) bytes = Buffer.from(cached.bytes);
  else {
    bytes = await renderInWorker({ ...(await bookOf(ctx, publication, input.lang, variant, rows)), helpContacts: help.contacts });
    await storePdf(ctx.db, { ...key, fingerprint, bytes });
  }
  await recordLibraryUsage(ctx, { publicationId: publication.id, chapterSlug: '', language: input.lang, kind: 'download' });
  return { filename: `pro-health-${publication.slug}-${input.lang}.pdf`, bytes };
}

const PDF_RENDER = new URL('./pdf-render.ts', import.meta.url);

/**
 * Lays the book out in a worker thread: a whole publication takes seconds of CPU, which would otherwise stall every
 * other request of this process (and its embedded database). One PDF at a time; a queue and a time limit bound it.
 */
async function renderInWorker(book: PdfBook): Promise<Buffer> {
  try {
    return Buffer.from(await longTasks.call<typeof renderPublicationPdf>(PDF_RENDER, 'renderPublicationPdf', [book]));
  } catch (error) {
    if (error instanceof PoolBusyError || isInputFailure(error)) throw new AppError('unavailable', 'The PDF cannot be made right now. Try again later.');
    throw error;
  }
}

/** Changes whenever a shown text is (re)published, a title changes, a help contact changes, or the layout does. */
function fingerprintOf(publication: Publication, variant: string, rows: OutlineRow[], help: string): string {
  const shown = rows.map((r) => [r.chapterId, r.chapterVersion, r.chapterTitles, r.sectionSlug, r.ownRevisionId ?? r.sourceRevisionId]);
  const material = JSON.stringify([LAYOUT_VERSION, variant, publication.version, publication.titles, shown, help]);
  return createHash('sha256').update(material).digest('hex');
}

const titleIn = (titles: Record<string, string>, lang: string, source: string, fallback: string) => titles[lang] || titles[source] || fallback;

async function bookOf(ctx: Ctx, publication: Publication, lang: LibraryLanguage, variant: string, rows: OutlineRow[]): Promise<PdfBook> {
  const source = publication.sourceLanguage as LibraryLanguage;
  const texts = new Map((await revisionTexts(ctx.db, rows.map((r) => (r.ownRevisionId ?? r.sourceRevisionId)!))).map((t) => [t.id, t]));
  const chapters = new Map<string, PdfChapter>();
  for (const row of rows) {
    let chapter = chapters.get(row.chapterId);
    if (!chapter) {
      chapter = { slug: row.chapterSlug, number: row.chapterPosition, title: titleIn(row.chapterTitles, lang, source, row.chapterSlug), sections: [] };
      chapters.set(row.chapterId, chapter);
    }
    const text = texts.get((row.ownRevisionId ?? row.sourceRevisionId)!)!;
    chapter.sections.push({ slug: row.sectionSlug, title: text.title, bodyMd: text.bodyMd, fallbackFrom: row.ownRevisionId ? null : source });
  }
  const omitted = variant === 'public' ? (await professionalChapters(ctx.db, publication.id)).map((c) => titleIn(c.titles, lang, source, '')) : [];
  const published = rows.map((r) => (r.ownRevisionId ? r.ownPublishedAt : r.sourcePublishedAt)).filter((d): d is Date => d !== null);
  return {
    language: lang,
    title: titleIn(publication.titles, lang, source, publication.slug),
    publishedAt: published.length > 0 ? new Date(Math.max(...published.map((d) => d.getTime()))) : null,
    omittedChapters: omitted.filter(Boolean),
    complete: variant === 'full',
    chapters: [...chapters.values()],
  };
}
