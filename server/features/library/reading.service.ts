// Knowledge library, reading side: publications, tables of contents and chapter pages in the reader's language,
// falling back to the source language per section; professionals-only chapters need a signed-in reader.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import type { ChapterLink, ChapterPage, LibraryLanguage, PublicationList, PublicationToc, TocChapter } from '#shared/library/library.schema.ts';
import { canReadChapter, canWorkOn } from './library.policy.ts';
import { chapterCounts, publishedLanguages, publishedSections, type PublishedSectionRow } from './reading.queries.ts';
import { HTML_VERSION, currentHtml, renderForReaders } from './section-html.ts';
import { findPublicationBySlug, listChapters, listPublications } from './structure.queries.ts';
import { findRevisionHtml, setRevisionHtml } from './text.queries.ts';
import { recordLibraryUsage } from './usage.service.ts';

const WORDS_PER_MINUTE = 200;
const minutes = (words: number) => Math.max(1, Math.round(words / WORDS_PER_MINUTE));

type Publication = NonNullable<Awaited<ReturnType<typeof findPublicationBySlug>>>;
type Chapter = Awaited<ReturnType<typeof listChapters>>[number];

function label(values: Record<string, string>, lang: string, fallback: string): string {
  return values[lang] || values[fallback] || Object.values(values)[0] || '';
}

const byLanguageOrder = (langs: string[]) => (['en', 'ro', 'nb'] as const).filter((l) => langs.includes(l));

/** Every publication, titled in the reader's language. */
export async function listReaderPublications(ctx: Ctx, lang: LibraryLanguage): Promise<PublicationList> {
  const [publications, counts, languages] = await Promise.all([listPublications(ctx.db), chapterCounts(ctx.db), publishedLanguages(ctx.db)]);
  return {
    publications: publications.map((p) => ({
      slug: p.slug,
      title: label(p.titles, lang, p.sourceLanguage),
      sourceLanguage: p.sourceLanguage as LibraryLanguage,
      chapterCount: counts.find((c) => c.publicationId === p.id)?.n ?? 0,
      languages: byLanguageOrder(languages.filter((l) => l.publicationId === p.id).map((l) => l.language)),
    })),
  };
}

async function publicationOrThrow(ctx: Ctx, slug: string): Promise<Publication> {
  const publication = await findPublicationBySlug(ctx.db, slug);
  if (!publication) throw new AppError('not_found', 'No such publication.');
  return publication;
}

/** One shown section: the requested language when published, else the source language (flagged as fallback). */
function shown(row: PublishedSectionRow, lang: string, source: string) {
  const own = row.revisionId !== null;
  if (!own && row.sourceRevisionId === null) return null;
  const outdated = own && lang !== source && row.sourceNumber !== null && (row.linkedSourceNumber === null || row.linkedSourceNumber < row.sourceNumber);
  return {
    revisionId: (own ? row.revisionId : row.sourceRevisionId)!,
    title: (own ? row.title : row.sourceTitle) ?? '',
    words: (own ? row.words : row.sourceWords) ?? 0,
    language: (own ? lang : source) as LibraryLanguage,
    fallback: !own,
    outdated,
    publishedAt: own ? row.publishedAt : row.sourcePublishedAt,
  };
}

/**
 * The table of contents in the reader's language; professionals-only chapters are listed but marked locked, and
 * without their section titles for a reader who may not open them.
 */
export async function getPublicationToc(ctx: Ctx, slug: string, lang: LibraryLanguage): Promise<PublicationToc> {
  const publication = await publicationOrThrow(ctx, slug);
  const source = publication.sourceLanguage;
  const [chapters, rows, languages] = await Promise.all([
    listChapters(ctx.db, publication.id),
    publishedSections(ctx.db, { publicationId: publication.id, language: lang, sourceLanguage: source }),
    publishedLanguages(ctx.db, { publicationId: publication.id }),
  ]);
  return {
    slug: publication.slug,
    title: label(publication.titles, lang, source),
    language: lang,
    sourceLanguage: source as LibraryLanguage,
    languages: byLanguageOrder(languages.map((l) => l.language)),
    chapters: chapters.map((c) => tocChapter(ctx, c, rows.filter((r) => r.chapterId === c.id), lang, source)),
  };
}

function tocChapter(ctx: Ctx, c: Chapter, rows: PublishedSectionRow[], lang: string, source: string): TocChapter {
  const sections = rows.flatMap((r) => {
    const s = shown(r, lang, source);
    return s ? [{ slug: r.slug, ...s }] : [];
  });
  const locked = !canReadChapter(ctx.actor, c.audience);
  return {
    slug: c.slug,
    position: c.position,
    title: label(c.titles, lang, source),
    summary: label(c.summaries, lang, source),
    audience: c.audience as TocChapter['audience'],
    locked,
    audienceReason: c.audience === 'professionals' ? label(c.audienceReasons, lang, source) : '',
    readingMinutes: minutes(sections.reduce((n, s) => n + s.words, 0)),
    outdated: sections.some((s) => s.outdated),
    // NOTE: section titles say what a professionals-only chapter covers in detail; the chapter title and summary
    // (public anyway in the PDF's list of what it leaves out) are all an anonymous reader gets.
    sections: locked ? [] : sections.map((s) => ({ slug: s.slug, title: s.title })),
  };
}

/** A chapter page with rendered, sanitised sections; counts one anonymous view (never for the library's own editors). */
export async function getChapterPage(ctx: Ctx, input: { slug: string; chapter: string; lang: LibraryLanguage; preview: boolean }): Promise<ChapterPage> {
  const publication = await publicationOrThrow(ctx, input.slug);
  const source = publication.sourceLanguage;
  const chapters = await listChapters(ctx.db, publication.id);
  const index = chapters.findIndex((c) => c.slug === input.chapter);
  const chapter = chapters[index];
  if (!chapter) throw new AppError('not_found', 'No such chapter.');
  if (!canReadChapter(ctx.actor, chapter.audience)) throw new AppError('unauthorized', 'Please sign in: this chapter is for professionals.');
  const [sections, languages] = await Promise.all([chapterSections(ctx, publication, chapter, input.lang), publishedLanguages(ctx.db, { chapterId: chapter.id })]);
  const link = (c: Chapter | undefined): ChapterLink | null => (c ? { slug: c.slug, title: label(c.titles, input.lang, source), locked: !canReadChapter(ctx.actor, c.audience) } : null);
  const page: ChapterPage = {
    publication: { slug: publication.slug, title: label(publication.titles, input.lang, source) },
    slug: chapter.slug,
    language: input.lang,
    title: label(chapter.titles, input.lang, source),
    summary: label(chapter.summaries, input.lang, source),
    audience: chapter.audience as ChapterPage['audience'],
    sections: sections.map(({ words: _words, ...s }) => s),
    prev: link(chapters[index - 1]),
    next: link(chapters[index + 1]),
    readingMinutes: minutes(sections.reduce((n, s) => n + s.words, 0)),
    publishedAt: latest(sections.map((s) => s.publishedAt)),
    languages: byLanguageOrder(languages.map((l) => l.language)),
    relatedServices: [],
  };
  if (!input.preview && !canWorkOn(ctx.actor, publication)) {
    await recordLibraryUsage(ctx, { publicationId: publication.id, chapterSlug: chapter.slug, language: input.lang, kind: 'view' });
  }
  return page;
}

/** The chapter's sections as shown in `lang`, with their stored sanitised HTML and word counts. */
async function chapterSections(ctx: Ctx, publication: Publication, chapter: Chapter, lang: LibraryLanguage) {
  const source = publication.sourceLanguage;
  const rows = await publishedSections(ctx.db, { publicationId: publication.id, chapterId: chapter.id, language: lang, sourceLanguage: source });
  const sections = rows.flatMap((r) => {
    const s = shown(r, lang, source);
    return s ? [{ id: r.id, slug: r.slug, ...s }] : [];
  });
  const html = await htmlOf(ctx, sections);
  return sections.map((s) => ({
    id: s.id,
    slug: s.slug,
    title: s.title,
    html: html.get(s.revisionId) ?? '',
    language: s.language,
    fallback: s.fallback,
    outdated: s.outdated,
    sourceLanguage: source as LibraryLanguage,
    publishedAt: s.publishedAt,
    words: s.words,
  }));
}

/**
 * The HTML of each shown revision as stored. NOTE: a revision saved before HTML was stored (or by an older renderer)
 * is rendered once here, in a worker thread, and stored: readers never run the Markdown parser on the event loop.
 */
async function htmlOf(ctx: Ctx, sections: { revisionId: string; slug: string }[]): Promise<Map<string, string>> {
  const slugs = new Map(sections.map((s) => [s.revisionId, s.slug]));
  const rows = await findRevisionHtml(ctx.db, [...slugs.keys()], HTML_VERSION);
  const entries = await Promise.all(
    rows.map(async (row): Promise<[string, string]> => {
      const stored = currentHtml(row);
      if (stored !== null) return [row.id, stored];
      const html = await renderForReaders(row.bodyMd ?? '', slugs.get(row.id) ?? '');
      await setRevisionHtml(ctx.db, row.id, html, HTML_VERSION);
      return [row.id, html];
    }),
  );
  return new Map(entries);
}

function latest(dates: (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);
}
