// Draws a section's Markdown blocks with pdfkit: headings, paragraphs, lists, quotes, simple tables, code, and the
// sources paragraph in smaller type; each block tagged (H3, P, L, Table…) for screen readers.
import { marked, type Token, type Tokens } from 'marked';
import { NESTING_MAX, nestingDepth } from '#server/lib/markdown-depth.ts';
import { inlineRuns, plainText, type Run } from './pdf-inline.ts';
import { FONT, SIZE, ensureSpace, type Page } from './pdf-page.ts';

export interface MarkdownOptions {
  sources: RegExp;
  image: (alt: string) => string;
}

const INDENT = 16;

/** Draws one section body at the current position, full content width. */
export function drawMarkdown(page: Page, markdown: string, options: MarkdownOptions): void {
  // NOTE: nested too deeply to parse in reasonable time (or at all): only a text saved before the editor's limits can
  // be like this. It is printed as written rather than failing, or holding up, the whole publication's PDF.
  const tokens = nestingDepth(markdown) > NESTING_MAX ? null : lexOrNull(markdown);
  if (!tokens) {
    for (const paragraph of markdown.split(/\n[ \t]*\n/).filter((p) => p.trim())) {
      drawRuns(page, [{ text: paragraph.trim() }], { indent: 0, size: SIZE.body, tag: 'P' });
      page.doc.moveDown(0.6);
    }
    return;
  }
  for (const token of tokens) drawBlock(page, token, 0, options);
}

function lexOrNull(markdown: string): Token[] | null {
  try {
    return marked.lexer(markdown);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function drawBlock(page: Page, token: Token, indent: number, options: MarkdownOptions): void {
  const { doc } = page;
  switch (token.type) {
    case 'heading':
      ensureSpace(page, 60);
      doc.moveDown(0.4);
      // NOTE: the section title is H2 (pdf-render.ts), so a heading in its text is H3 or below.
      drawRuns(page, runsOf(token, options), { indent, size: token.depth <= 3 ? SIZE.h3 : SIZE.h4, bold: true, tag: `H${Math.max(3, token.depth)}` });
      doc.moveDown(0.25);
      return;
    case 'paragraph': {
      const runs = runsOf(token, options);
      const isSources = options.sources.test(plainText(runs));
      drawRuns(page, runs, { indent, size: isSources ? SIZE.small : SIZE.body, color: isSources ? '#4a4a4a' : undefined, tag: 'P' });
      doc.moveDown(0.6);
      return;
    }
    case 'text':
      drawRuns(page, runsOf(token, options), { indent, size: SIZE.body, tag: 'P' });
      return;
    case 'list':
      drawList(page, token as Tokens.List, indent, options);
      doc.moveDown(0.4);
      return;
    case 'blockquote':
      drawQuote(page, token as Tokens.Blockquote, indent, options);
      return;
    case 'table':
      drawTable(page, token as Tokens.Table, options);
      doc.moveDown(0.6);
      return;
    case 'code':
      drawRuns(page, [{ text: token.text, mono: true }], { indent: indent + INDENT / 2, size: SIZE.small, tag: 'Code' });
      doc.moveDown(0.6);
      return;
    case 'html':
      drawRuns(page, [{ text: token.text.trim() }], { indent, size: SIZE.body, tag: 'P' });
      doc.moveDown(0.6);
      return;
    case 'hr':
      drawRule(page);
      return;
    default:
      return; // space, def: nothing to print
  }
}

function runsOf(token: Token, options: MarkdownOptions): Run[] {
  const tokens = 'tokens' in token && Array.isArray(token.tokens) ? (token.tokens as Token[]) : [];
  return tokens.length > 0 ? inlineRuns(tokens, {}, options.image) : inlineRuns([token], {}, options.image);
}

interface RunStyle {
  indent: number;
  size: number;
  bold?: boolean;
  italic?: boolean;
  color?: string | undefined;
  /** The structure element the runs form (P, H3…); null: content of the element being drawn (a list item's body). */
  tag: string | null;
}

/** Draws styled runs as one flowing paragraph starting at the left margin plus `indent`. */
/**
 * NOTE: pdfkit wraps a word wider than the line in time quadratic in its length (10,000 characters: 1.4 s, 20,000
 * "_a": 6 s); a break opportunity every 100 characters of a run without spaces keeps that linear. A zero-width space
 * in the proportional fonts (invisible); the monospaced font has no such glyph, so a space there.
 */
const LONG_WORD = /\S{101,}/gu;
const WORD_PIECE = /\S{1,100}/gu;
const breakable = (text: string, mono = false) => text.replace(LONG_WORD, (word) => word.match(WORD_PIECE)!.join(mono ? ' ' : '\u200b'));

export function drawRuns(page: Page, runs: Run[], style: RunStyle): void {
  if (runs.length === 0) return;
  if (style.tag === null) drawRunsIn(page, runs, style);
  else page.tags.block(style.tag, () => drawRunsIn(page, runs, style));
}

/** A link is a Link element (its annotation inside it) and an image's label a Figure with the image's alt text. */
function tagRun(page: Page, run: Run, draw: () => void): void {
  const { tags } = page;
  const figure = () => (run.alt === undefined ? tags.content(draw) : tags.block('Figure', () => tags.content(draw), { alt: run.alt || run.text }));
  if (run.link) tags.block('Link', figure);
  else figure();
}

function drawRunsIn(page: Page, runs: Run[], style: RunStyle): void {
  const { doc } = page;
  const x = page.left + style.indent;
  const width = page.width - style.indent;
  doc.fontSize(style.size);
  const draw = (run: Run, i: number) => {
    const bold = style.bold || run.bold;
    const italic = style.italic || run.italic;
    doc.font(run.mono ? FONT.mono : bold && italic ? FONT.boldItalic : bold ? FONT.bold : italic ? FONT.italic : FONT.regular);
    doc.fillColor(run.link ? '#0b4f8a' : (style.color ?? '#111111'));
    const options = { width, continued: i < runs.length - 1, link: run.link ?? null, underline: Boolean(run.link), strike: Boolean(run.strike), lineGap: 1.5 };
    const text = breakable(run.text, run.mono);
    if (i === 0) doc.text(text, x, doc.y, options);
    else doc.text(text, options);
  };
  // NOTE: plain runs side by side (bold, italic…) share one marked-content sequence, so a paragraph reads as one
  // piece of text; each link or image label is an element of its own.
  let plain: number[] = [];
  const flush = () => {
    const group = plain;
    plain = [];
    if (group.length > 0) page.tags.content(() => group.forEach((i) => draw(runs[i]!, i)));
  };
  runs.forEach((run, i) => {
    if (!run.link && run.alt === undefined) plain.push(i);
    else {
      flush();
      tagRun(page, run, () => draw(run, i));
    }
  });
  flush();
  doc.fillColor('#111111');
}

function drawList(page: Page, list: Tokens.List, indent: number, options: MarkdownOptions): void {
  page.tags.block('L', () => list.items.forEach((item, i) => page.tags.block('LI', () => drawItem(page, list, item, i, indent, options))));
}

/** One list item: its marker (Lbl) and its text and nested blocks (LBody). */
function drawItem(page: Page, list: Tokens.List, item: Tokens.ListItem, i: number, indent: number, options: MarkdownOptions): void {
  const { doc, tags } = page;
  const start = typeof list.start === 'number' ? list.start : 1;
  ensureSpace(page, 24);
  const marker = item.task ? (item.checked ? '☑' : '☐') : list.ordered ? `${start + i}.` : '•';
  const y = doc.y;
  tags.block('Lbl', () => tags.content(() => doc.font(FONT.regular).fontSize(SIZE.body).fillColor('#111111').text(marker, page.left + indent, y, { width: INDENT, lineBreak: false })));
  doc.y = y;
  tags.block('LBody', () => {
    for (const child of item.tokens) {
      if (child.type === 'list') drawList(page, child as Tokens.List, indent + INDENT, options);
      else if (child.type === 'text' || child.type === 'paragraph') drawRuns(page, runsOf(child, options), { indent: indent + INDENT, size: SIZE.body, tag: null });
      else if (child.type !== 'checkbox') drawBlock(page, child, indent + INDENT, options);
    }
  });
  doc.moveDown(0.15);
}

/** A quote (phrasings to use or avoid) gets a grey bar on its left, continued across page breaks. */
function drawQuote(page: Page, quote: Tokens.Blockquote, indent: number, options: MarkdownOptions): void {
  page.tags.block('BlockQuote', () => drawQuoted(page, quote, indent, options));
}

function drawQuoted(page: Page, quote: Tokens.Blockquote, indent: number, options: MarkdownOptions): void {
  const { doc } = page;
  ensureSpace(page, 30);
  const from = { page: page.current(), y: doc.y };
  for (const child of quote.tokens) {
    if (child.type === 'paragraph') {
      drawRuns(page, runsOf(child, options), { indent: indent + INDENT, size: SIZE.body, color: '#2b2b2b', tag: 'P' });
      doc.moveDown(0.3);
    } else drawBlock(page, child, indent + INDENT, options);
  }
  const to = { page: page.current(), y: doc.y };
  page.drawBar(page.left + indent + 4, from, to);
  doc.moveDown(0.4);
}

function drawTable(page: Page, table: Tokens.Table, options: MarkdownOptions): void {
  page.tags.block('Table', () => drawRows(page, table, options));
}

/** The first row holds column headers (TH); cell fills and borders are artifacts. */
function drawRows(page: Page, table: Tokens.Table, options: MarkdownOptions): void {
  const { doc, tags } = page;
  const columns = Math.max(1, table.header.length);
  const colWidth = page.width / columns;
  const pad = 4;
  const rows = [table.header, ...table.rows].map((row) => row.map((cell) => breakable(plainText(inlineRuns(cell.tokens, {}, options.image)))));
  rows.forEach((cells, r) => {
    doc.font(r === 0 ? FONT.bold : FONT.regular).fontSize(SIZE.small);
    const height = Math.max(...cells.map((text) => doc.heightOfString(text || ' ', { width: colWidth - 2 * pad }))) + 2 * pad;
    ensureSpace(page, height);
    const y = doc.y;
    tags.block('TR', () =>
      cells.forEach((text, c) => {
        const x = page.left + c * colWidth;
        tags.artifact(() => {
          if (r === 0) doc.rect(x, y, colWidth, height).fill('#eeeeee');
          doc.rect(x, y, colWidth, height).lineWidth(0.5).strokeColor('#999999').stroke();
        });
        const cell = () => tags.content(() => doc.fillColor('#111111').text(text, x + pad, y + pad, { width: colWidth - 2 * pad }));
        if (r === 0) tags.block('TH', cell, { scope: 'Column' });
        else tags.block('TD', cell);
      }),
    );
    doc.x = page.left;
    doc.y = y + height;
  });
}

function drawRule(page: Page): void {
  const { doc } = page;
  doc.moveDown(0.3);
  page.tags.artifact(() => doc.moveTo(page.left, doc.y).lineTo(page.left + page.width, doc.y).lineWidth(0.5).strokeColor('#999999').stroke());
  doc.moveDown(0.6);
}
