// The HTML of a section text: Markdown rendered in a worker thread under a time limit (never on the event loop), once
// per revision, then stored with it and served as stored. Editors are refused a text that cannot be rendered in time;
// readers of an old revision that cannot be rendered get its text escaped, never an error.
import type { Db } from '#server/db/db.ts';
import { AppError } from '#server/errors.ts';
import { PoolBusyError, isInputFailure, shortTasks } from '#server/lib/worker-pool.ts';
import type { renderMarkdown } from './markdown.ts';
import { findRevisionHtml } from './text.queries.ts';

const MARKDOWN = new URL('./markdown.ts', import.meta.url);

/**
 * The renderer version stored with each HTML. NOTE: bump it whenever markdown.ts changes what it outputs (a tighter
 * sanitiser allowlist above all): every stored HTML of an older version is then rendered again on its next read.
 */
export const HTML_VERSION = 1;

export interface StoredHtml {
  bodyHtml: string | null;
  htmlVersion: number | null;
}

/** The stored HTML when the current renderer made it, else null (render it again). */
export function currentHtml(row: StoredHtml): string | null {
  return row.htmlVersion === HTML_VERSION ? row.bodyHtml : null;
}

/** A revision's stored HTML when the current renderer made it, else null. */
export async function storedHtml(db: Db, revisionId: string): Promise<string | null> {
  const [row] = await findRevisionHtml(db, [revisionId], HTML_VERSION);
  return row ? currentHtml(row) : null;
}

export function busy(): AppError {
  return new AppError('unavailable', 'The server is busy. Try again in a moment.');
}

function tooComplex(): AppError {
  return new AppError('invalid', 'This text is too complex to display. Simplify its formatting.', {
    fields: { bodyMd: 'Too complex to display: quotes or lists nested very deeply, or long runs of formatting marks' },
  });
}

function render(markdown: string, idPrefix: string): Promise<string> {
  return shortTasks.call<typeof renderMarkdown>(MARKDOWN, 'renderMarkdown', [markdown, idPrefix]);
}

/** For editors (save, preview, publish): the HTML, or 400 on the body field when the text cannot be rendered in time. */
export async function renderForEditor(markdown: string, idPrefix: string): Promise<string> {
  try {
    return await render(markdown, idPrefix);
  } catch (error) {
    if (error instanceof PoolBusyError) throw busy();
    if (isInputFailure(error)) throw tooComplex();
    throw error;
  }
}

/** For readers of a stored revision without current HTML: rendered if possible, else the Markdown shown as plain text. */
export async function renderForReaders(markdown: string, idPrefix: string): Promise<string> {
  try {
    return await render(markdown, idPrefix);
  } catch (error) {
    if (error instanceof PoolBusyError) throw busy();
    if (isInputFailure(error)) return plainHtml(markdown);
    throw error;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Paragraphs of escaped text: what a text that no Markdown parse finishes for is shown as (linear, on any input). */
export function plainHtml(markdown: string): string {
  return markdown
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/[&<>"']/g, (c) => ESCAPES[c]!).replace(/\n/g, '<br />')}</p>`)
    .join('\n');
}
