// Writes the library back to content/ (the inverse of content-import): the published text, or with `drafts` the
// latest saved one. Files whose content is unchanged are not touched, so a round trip leaves git clean.
import { readFile, readdir, unlink, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Ctx } from '#server/context.ts';
import { LIBRARY_LANGUAGES } from '#shared/lib/languages.ts';
import type { Audience, LibraryLanguage } from '#shared/library/library.schema.ts';
import { chapterFilePath, formatChapterFile, formatOutline } from './content-files.ts';
import { DEFAULT_CONTENT_DIR } from './content-import.ts';
import { listChapters, listPublications } from './structure.queries.ts';
import { listPublicationTexts } from './text.queries.ts';

export interface ExportSummary {
  written: string[];
  unchanged: number;
}

type Texts = Awaited<ReturnType<typeof listPublicationTexts>>;
type Chapters = Awaited<ReturnType<typeof listChapters>>;

/** Exports every publication to `dir` (content/ by default). */
export async function exportContent(ctx: Ctx, options: { dir?: string; drafts?: boolean } = {}): Promise<ExportSummary> {
  const dir = options.dir ?? DEFAULT_CONTENT_DIR;
  const summary: ExportSummary = { written: [], unchanged: 0 };
  const outline: { slug: string; title: Record<string, string>; chapters: Chapters; texts: Texts; source: string }[] = [];
  for (const publication of await listPublications(ctx.db)) {
    const chapters = await listChapters(ctx.db, publication.id);
    const texts = await listPublicationTexts(ctx.db, publication.id, options.drafts ? 'current' : 'published');
    outline.push({ slug: publication.slug, title: publication.titles, chapters, texts, source: publication.sourceLanguage });
    for (const chapter of chapters) {
      for (const lang of LIBRARY_LANGUAGES) await exportChapter(dir, publication.slug, lang, chapter, texts, summary);
    }
  }
  await exportOutline(dir, outline, summary);
  return summary;
}

async function exportChapter(dir: string, publication: string, lang: LibraryLanguage, chapter: Chapters[number], texts: Texts, summary: ExportSummary): Promise<void> {
  const sections = texts.filter((t) => t.chapterId === chapter.id && t.language === lang);
  if (sections.length === 0) return;
  const text = formatChapterFile({
    title: chapter.titles[lang] ?? '',
    summary: chapter.summaries[lang] ?? '',
    audience: chapter.audience as Audience,
    ...reasonOf(chapter, lang),
    sections: sections.map((s) => ({ slug: s.slug, title: s.title, bodyMd: s.bodyMd })),
  });
  const relative = chapterFilePath(publication, lang, chapter.position, chapter.slug);
  await writeIfChanged(dir, relative, text, summary);
  // A chapter that moved leaves its file under the old number behind: remove it.
  const folder = path.dirname(path.join(dir, relative));
  for (const name of await readdir(folder)) {
    if (name !== path.basename(relative) && new RegExp(`^\\d+-${chapter.slug}\\.md$`).test(name)) await unlink(path.join(folder, name));
  }
}

async function writeIfChanged(dir: string, relative: string, text: string, summary: ExportSummary): Promise<void> {
  const file = path.join(dir, relative);
  const before = await readFile(file, 'utf8').catch(() => null);
  if (before === text) {
    summary.unchanged++;
    return;
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  summary.written.push(relative);
}

interface OutlineEntry {
  slug: string;
  title: Record<string, string>;
  chapters: Chapters;
  texts: Texts;
  source: string;
}

/** outline.json: the structure with source-language titles; keys the file has beyond ours are kept. */
async function exportOutline(dir: string, entries: OutlineEntry[], summary: ExportSummary): Promise<void> {
  const before = await readFile(path.join(dir, 'outline.json'), 'utf8').catch(() => null);
  const old = before ? (JSON.parse(before) as { publications?: Record<string, unknown>[] }) : {};
  const publications = entries.map((p) => {
    const previous = old.publications?.find((o) => o.slug === p.slug) ?? {};
    return { ...previous, slug: p.slug, title: p.title, chapters: p.chapters.map((c) => outlineChapter(c, p)) };
  });
  await writeIfChanged(dir, 'outline.json', formatOutline({ ...old, publications }, before === null || before.endsWith('\n')), summary);
}

/** The reason in this language, else in any language it was recorded in (a professionals-only file needs one). */
function reasonOf(chapter: Chapters[number], lang: LibraryLanguage): { audienceReason?: string } {
  if (chapter.audience !== 'professionals') return {};
  const reason = chapter.audienceReasons[lang] || Object.values(chapter.audienceReasons).find(Boolean);
  return reason ? { audienceReason: reason } : {};
}

function outlineChapter(c: Chapters[number], p: OutlineEntry) {
  const sections = p.texts.filter((t) => t.chapterId === c.id && t.language === p.source);
  return {
    id: c.slug,
    order: c.position,
    title: c.titles[p.source] ?? '',
    audience: c.audience,
    sections: sections.map((s) => ({ id: s.slug, title: s.title })),
  };
}
