// The page geometry, fonts and type sizes of the library PDF, and small helpers over pdfkit's page buffer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { createTags, type Tags } from './pdf-tags.ts';

// NOTE: pdfkit's built-in Helvetica has no ș/ț (comma below); DejaVu (npm dejavu-fonts-ttf, Bitstream Vera licence:
// free to embed and redistribute) covers Romanian, Norwegian and English. pdfkit embeds only the glyphs used.
export const FONT = { regular: 'regular', bold: 'bold', italic: 'italic', boldItalic: 'bold-italic', mono: 'mono' } as const;
const FONT_FILES: Record<string, string> = {
  [FONT.regular]: 'DejaVuSans.ttf',
  [FONT.bold]: 'DejaVuSans-Bold.ttf',
  [FONT.italic]: 'DejaVuSans-Oblique.ttf',
  [FONT.boldItalic]: 'DejaVuSans-BoldOblique.ttf',
  [FONT.mono]: 'DejaVuSansMono.ttf',
};

export const SIZE = { title: 24, chapter: 18, section: 13, h3: 11, h4: 10, body: 9.5, small: 8, footer: 7.5 } as const;

let fonts: Map<string, Buffer> | null = null;
function fontBuffers(): Map<string, Buffer> {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    fonts = new Map(Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))]));
  }
  return fonts;
}

export interface Position {
  page: number;
  y: number;
}

export interface Page {
  doc: PDFKit.PDFDocument;
  left: number;
  width: number;
  top: number;
  bottom: number;
  /** The structure tree (tagged PDF) that what is drawn is added to. */
  tags: Tags;
  /** Index of the page being written (0 = the title page). */
  current(): number;
  /** A vertical bar at x from one position to another, over as many pages as lie between. */
  drawBar(x: number, from: Position, to: Position): void;
}

/** A tagged document; A4 with 60 pt margins unless told otherwise (the identification aid's cards are A6). */
export function createDocument(info: { title: string; lang: string; size?: string; layout?: 'portrait' | 'landscape'; margin?: number }): Page {
  const margin = info.margin ?? 60;
  const footerRoom = info.margin === undefined ? 12 : 0;
  const doc = new PDFDocument({
    size: info.size ?? 'A4',
    layout: info.layout ?? 'portrait',
    margins: { top: margin, bottom: margin + footerRoom, left: margin, right: margin },
    bufferPages: true,
    // NOTE: a tagged PDF (structure tree, /MarkInfo /Marked true) with the language and the title shown in the window
    // bar, so screen readers read headings, lists and tables as such; tagged PDF needs PDF 1.4 or later.
    pdfVersion: '1.7',
    tagged: true,
    lang: info.lang,
    displayTitle: true,
    info: { Title: info.title, Author: 'Pro Health', Creator: 'Pro Health' },
  });
  for (const [name, buffer] of fontBuffers()) doc.registerFont(name, buffer);
  doc.font(FONT.regular);
  const page: Page = {
    doc,
    left: margin,
    width: doc.page.width - 2 * margin,
    top: margin,
    bottom: doc.page.height - margin - footerRoom,
    tags: createTags(doc),
    current: () => {
      const range = doc.bufferedPageRange();
      return range.start + range.count - 1;
    },
    drawBar: (x, from, to) => drawBar(page, x, from, to),
  };
  return page;
}

function drawBar(page: Page, x: number, from: Position, to: Position): void {
  const { doc } = page;
  for (let p = from.page; p <= to.page; p++) {
    doc.switchToPage(p);
    const y1 = p === from.page ? from.y : page.top;
    const y2 = p === to.page ? to.y : page.bottom;
    if (y2 > y1) page.tags.artifact(() => doc.moveTo(x, y1).lineTo(x, y2).lineWidth(2).strokeColor('#b8b8b8').stroke());
  }
  doc.switchToPage(to.page);
}

/** Starts a new page when less than `height` points are left on this one. */
export function ensureSpace(page: Page, height: number): void {
  if (page.doc.y + height > page.bottom) page.doc.addPage();
}

/** The finished file. */
export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
