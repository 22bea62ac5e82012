// Lays out a whole publication as a PDF: title page, table of contents with page numbers and links, one chapter per
// new page, sections with their Markdown, and page numbers in the footer. Tagged for screen readers: book, contents and
// chapter titles H1, section titles H2, the contents a TOC of links, the footers artifacts.
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
  /** The entry's Link element, left open until its page number is written. */
  link: PDFKit.PDFStructureElement;
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
  fillPageNumbers(page, toc.entries, pages);
  toc.element.end();
  drawFooters(page, book.title, labels);
  return toBuffer(page.doc);
}

/** Draws one block of text as a structure element of `type` (P, H1…). */
function tagged(page: Page, type: string, draw: () => void): void {
  page.tags.block(type, () => page.tags.content(draw));
}

function drawTitlePage(page: Page, book: PdfBook, labels: PdfLabels): void {
  const { doc } = page;
  tagged(page, 'P', () => doc.font(FONT.bold).fontSize(10).fillColor('#555555').text('Pro Health', page.left, page.top + 40));
  doc.moveDown(4);
  tagged(page, 'H1', () => doc.font(FONT.bold).fontSize(SIZE.title).fillColor('#111111').text(book.title, { width: page.width }));
  doc.moveDown(1);
  tagged(page, 'P', () => doc.font(FONT.regular).fontSize(12).text(labels.languageName));
  if (book.publishedAt) {
    const date = new Intl.DateTimeFormat(labels.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(book.publishedAt);
    tagged(page, 'P', () => doc.fontSize(10).fillColor('#444444').text(labels.publishedAsOf(date)));
  }
  doc.moveDown(3);
  const note = book.omittedChapters.length > 0 ? labels.omitted(book.omittedChapters) : book.complete ? labels.complete : null;
  if (note) tagged(page, 'P', () => doc.font(FONT.italic).fontSize(10).fillColor('#333333').text(note, { width: page.width }));
}

/**
 * The contents, with page numbers left blank: they are known only once the chapters are laid out. The TOC element
 * and each entry's Link stay open until then (returned to be ended).
 */
function drawContents(page: Page, book: PdfBook, labels: PdfLabels): { element: PDFKit.PDFStructureElement; entries: TocEntry[] } {
  const { doc, tags } = page;
  doc.addPage();
  tagged(page, 'H1', () => doc.font(FONT.bold).fontSize(SIZE.chapter).fillColor('#111111').text(labels.contents, page.left, page.top));
  doc.moveDown(0.8);
  const entries: TocEntry[] = [];
  const element = tags.open('TOC');
  const entry = (text: string, destination: string, indent: number, font: string, size: number) => {
    ensureSpace(page, size * 2);
    const at = { page: page.current(), y: doc.y };
    const link = tags.open('Link');
    tags.contentOf(link, () => doc.font(font).fontSize(size).fillColor('#111111').text(text, page.left + indent, at.y, { width: page.width - indent - 36 }));
    // NOTE: one link annotation over the whole entry, its page number included, inside the Link element (PDF/UA).
    doc.goTo(page.left + indent, at.y, page.width - indent, doc.y - at.y, destination, linkAnnotation(link, text));
    entries.push({ destination, at, link });
  };
  tags.inside(element, () => {
    for (const chapter of book.chapters) {
      doc.moveDown(0.4);
      tags.inside(tags.open('TOCI'), () => entry(`${chapter.number}. ${chapter.title}`, chapterDestination(chapter), 0, FONT.bold, 10.5));
      for (const section of chapter.sections) tags.inside(tags.open('TOCI'), () => entry(section.title, sectionDestination(chapter, section), 16, FONT.regular, 9));
    }
  });
  return { element, entries };
}

/**
 * A link annotation filed under its Link element, its text as Contents. NOTE: pdfkit writes a String object as a PDF
 * text string (a primitive string would become a name); its type declarations know neither field.
 */
function linkAnnotation(link: PDFKit.PDFStructureElement, text: string): PDFKit.Mixins.AnnotationOption {
  return { structParent: link, Contents: new String(text) } as unknown as PDFKit.Mixins.AnnotationOption;
}

const chapterDestination = (c: PdfChapter) => `chapter-${c.slug}`;
const sectionDestination = (c: PdfChapter, s: PdfSection) => `section-${c.slug}-${s.slug}`;

function drawChapter(page: Page, chapter: PdfChapter, labels: PdfLabels, pages: Map<string, number>): void {
  page.tags.block('Sect', () => drawChapterPages(page, chapter, labels, pages));
}

function drawChapterPages(page: Page, chapter: PdfChapter, labels: PdfLabels, pages: Map<string, number>): void {
  const { doc } = page;
  doc.addPage();
  const destination = chapterDestination(chapter);
  doc.addNamedDestination(destination);
  pages.set(destination, page.current());
  const outline = doc.outline.addItem(`${chapter.number}. ${chapter.title}`);
  tagged(page, 'P', () => doc.font(FONT.regular).fontSize(10).fillColor('#555555').text(labels.chapter(chapter.number), page.left, page.top));
  tagged(page, 'H1', () => doc.font(FONT.bold).fontSize(SIZE.chapter).fillColor('#111111').text(chapter.title, { width: page.width }));
  doc.moveDown(1);
  for (const section of chapter.sections) page.tags.block('Sect', () => drawSection(page, chapter, section, labels, pages, outline));
}

function drawSection(page: Page, chapter: PdfChapter, section: PdfSection, labels: PdfLabels, pages: Map<string, number>, outline: PDFKit.PDFOutline): void {
  const { doc } = page;
  ensureSpace(page, 90);
  const sectionDest = sectionDestination(chapter, section);
  doc.addNamedDestination(sectionDest, 'XYZ', page.left, doc.page.height - doc.y, null);
  pages.set(sectionDest, page.current());
  outline.addItem(section.title);
  tagged(page, 'H2', () => doc.font(FONT.bold).fontSize(SIZE.section).fillColor('#111111').text(section.title, page.left, doc.y, { width: page.width }));
  doc.moveDown(0.4);
  if (section.fallbackFrom) {
    const notice = labels.fallback(section.fallbackFrom);
    tagged(page, 'P', () => doc.font(FONT.italic).fontSize(SIZE.small).fillColor('#555555').text(notice, { width: page.width }));
    doc.moveDown(0.3);
  }
  drawMarkdown(page, section.bodyMd, { sources: labels.sources, image: labels.image });
  doc.moveDown(0.6);
}

function fillPageNumbers(page: Page, toc: TocEntry[], pages: Map<string, number>): void {
  const { doc } = page;
  const last = page.current();
  for (const entry of toc) {
    const target = pages.get(entry.destination);
    if (target === undefined) continue;
    doc.switchToPage(entry.at.page);
    doc.font(FONT.regular).fontSize(9).fillColor('#111111');
    page.tags.contentOf(entry.link, () => doc.text(String(target + 1), page.left + page.width - 32, entry.at.y, { width: 32, align: 'right', lineBreak: false }));
    // NOTE: ended on its own page: pdfkit files the link annotation under the page being written when it ends.
    entry.link.end();
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
    page.tags.artifact(() => {
      doc.text(title, page.left, y, { width: page.width * 0.7, lineBreak: false, ellipsis: true });
      doc.text(labels.page(i + 1, range.count), page.left + page.width * 0.5, y, { width: page.width * 0.5, align: 'right', lineBreak: false });
    }, 'Pagination');
    doc.page.margins.bottom = margin;
  }
}
