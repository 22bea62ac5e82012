// Lays out a whole publication as a PDF: title page, table of contents with page numbers and links, one chapter per
// new page, sections with their Markdown, and page numbers in the footer.
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import type { PrintedHelpContact } from '#server/features/help/help-pdf.ts';
import { drawHelpContacts } from './pdf-help.ts';
import { PDF_LABELS, type PdfLabels } from './pdf-labels.ts';
import { drawMarkdown } from './pdf-markdown.ts';
import { FONT, SIZE, createDocument, ensureSpace, toBuffer, type Page, type Position } from './pdf-page.ts';

export interface PdfSection {
  slug: string;
  title: string;
  bodyMd: string;
  /** Set when the section is shown in the source language because this language has none yet. */
  fallbackFrom: LibraryLanguage | null;
}

export interface PdfChapter {
  slug: string;
  number: number;
  title: string;
  sections: PdfSection[];
}

export interface PdfBook {
  language: LibraryLanguage;
  title: string;
  publishedAt: Date | null;
  /** Titles of professionals-only chapters left out of this copy (the public variant); empty otherwise. */
  omittedChapters: string[];
  /** True when professionals-only chapters are included. */
  complete: boolean;
  chapters: PdfChapter[];
  /** Emergency numbers and helplines printed on a "Help now" page at the end. */
  helpContacts?: PrintedHelpContact[];
}

interface TocEntry {
  destination: string;
  at: Position;
}

/** Renders the book; pure apart from the fonts it reads once. */
export async function renderPublicationPdf(book: PdfBook): Promise<Buffer> {
  const labels = PDF_LABELS[book.language];
  const page = createDocument({ title: book.title, lang: labels.locale });
  drawTitlePage(page, book, labels);
  const toc = drawContents(page, book, labels);
  const pages = new Map<string, number>();
  for (const chapter of book.chapters) drawChapter(page, chapter, labels, pages);
  drawHelpContacts(page, book.helpContacts ?? [], book.language);
  fillPageNumbers(page, toc, pages);
  drawFooters(page, book.title, labels);
  return toBuffer(page.doc);
}

function drawTitlePage(page: Page, book: PdfBook, labels: PdfLabels): void {
  const { doc } = page;
  doc.font(FONT.bold).fontSize(10).fillColor('#555555').text('Pro Health', page.left, page.top + 40);
  doc.moveDown(4);
  doc.font(FONT.bold).fontSize(SIZE.title).fillColor('#111111').text(book.title, { width: page.width });
  doc.moveDown(1);
  doc.font(FONT.regular).fontSize(12).text(labels.languageName);
  if (book.publishedAt) {
    const date = new Intl.DateTimeFormat(labels.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(book.publishedAt);
    doc.fontSize(10).fillColor('#444444').text(labels.publishedAsOf(date));
  }
  doc.moveDown(3);
  const note = book.omittedChapters.length > 0 ? labels.omitted(book.omittedChapters) : book.complete ? labels.complete : null;
  if (note) doc.font(FONT.italic).fontSize(10).fillColor('#333333').text(note, { width: page.width });
}

/** The contents, with page numbers left blank: they are known only once the chapters are laid out. */
function drawContents(page: Page, book: PdfBook, labels: PdfLabels): TocEntry[] {
  const { doc } = page;
  doc.addPage();
  doc.font(FONT.bold).fontSize(SIZE.chapter).fillColor('#111111').text(labels.contents, page.left, page.top);
  doc.moveDown(0.8);
  const entries: TocEntry[] = [];
  const entry = (text: string, destination: string, indent: number, font: string, size: number) => {
    ensureSpace(page, size * 2);
    entries.push({ destination, at: { page: page.current(), y: doc.y } });
    doc.font(font).fontSize(size).fillColor('#111111').text(text, page.left + indent, doc.y, { width: page.width - indent - 36, goTo: destination });
  };
  for (const chapter of book.chapters) {
    doc.moveDown(0.4);
    entry(`${chapter.number}. ${chapter.title}`, chapterDestination(chapter), 0, FONT.bold, 10.5);
    for (const section of chapter.sections) entry(section.title, sectionDestination(chapter, section), 16, FONT.regular, 9);
  }
  return entries;
}

const chapterDestination = (c: PdfChapter) => `chapter-${c.slug}`;
const sectionDestination = (c: PdfChapter, s: PdfSection) => `section-${c.slug}-${s.slug}`;

function drawChapter(page: Page, chapter: PdfChapter, labels: PdfLabels, pages: Map<string, number>): void {
  const { doc } = page;
  doc.addPage();
  const destination = chapterDestination(chapter);
  doc.addNamedDestination(destination);
  pages.set(destination, page.current());
  const outline = doc.outline.addItem(`${chapter.number}. ${chapter.title}`);
  doc.font(FONT.regular).fontSize(10).fillColor('#555555').text(labels.chapter(chapter.number), page.left, page.top);
  doc.font(FONT.bold).fontSize(SIZE.chapter).fillColor('#111111').text(chapter.title, { width: page.width });
  doc.moveDown(1);
  for (const section of chapter.sections) {
    ensureSpace(page, 90);
    const sectionDest = sectionDestination(chapter, section);
    doc.addNamedDestination(sectionDest, 'XYZ', page.left, doc.page.height - doc.y, null);
    pages.set(sectionDest, page.current());
    outline.addItem(section.title);
    doc.font(FONT.bold).fontSize(SIZE.section).fillColor('#111111').text(section.title, page.left, doc.y, { width: page.width });
    doc.moveDown(0.4);
    if (section.fallbackFrom) {
      doc.font(FONT.italic).fontSize(SIZE.small).fillColor('#555555').text(labels.fallback(section.fallbackFrom), { width: page.width });
      doc.moveDown(0.3);
    }
    drawMarkdown(page, section.bodyMd, { sources: labels.sources, image: labels.image });
    doc.moveDown(0.6);
  }
}

function fillPageNumbers(page: Page, toc: TocEntry[], pages: Map<string, number>): void {
  const { doc } = page;
  const last = page.current();
  for (const entry of toc) {
    const target = pages.get(entry.destination);
    if (target === undefined) continue;
    doc.switchToPage(entry.at.page);
    doc.font(FONT.regular).fontSize(9).fillColor('#111111');
    doc.text(String(target + 1), page.left + page.width - 32, entry.at.y, { width: 32, align: 'right', lineBreak: false, goTo: entry.destination });
  }
  doc.switchToPage(last);
}

function drawFooters(page: Page, title: string, labels: PdfLabels): void {
  const { doc } = page;
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // NOTE: writing below the bottom margin would make pdfkit open a new page; lift the margin while writing the footer.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 44;
    doc.font(FONT.regular).fontSize(SIZE.footer).fillColor('#666666');
    doc.text(title, page.left, y, { width: page.width * 0.7, lineBreak: false, ellipsis: true });
    doc.text(labels.page(i + 1, range.count), page.left + page.width * 0.5, y, { width: page.width * 0.5, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}
