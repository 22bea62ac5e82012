// Plain text of a section's Markdown for the search index: syntax stripped, words kept, headings kept apart
// (they are weighted between the title and the body).
import { marked, type Token } from 'marked';
import { assertNesting } from '#server/lib/markdown-depth.ts';

export interface SectionText {
  /** Headings inside the body (### and lower), one per line. */
  headings: string;
  /** Everything else: paragraphs, list items, quotes, table cells, one block per line. */
  body: string;
  /** Headings and body in reading order: the text snippets are cut from. */
  plain: string;
}

// NOTE: U+0001/U+0002 mark highlights in search snippets; stripping control characters here means content can never
// forge a highlight (search.service.ts turns only those markers into <mark>).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const HEADING_ID = /\s*\{#[^}]*\}\s*$/;
const TAG = /<[^>]*>/g;

/**
 * Runs without spaces longer than this are cut with spaces. NOTE: PostgreSQL's text-search parser takes time quadratic
 * in the length of some such runs ("_a_a_a…": 20,000 characters took 3.5 s in to_tsvector on the embedded database,
 * blocking the process; cut every 32 characters, 13 ms). Apart from web addresses, no run in content/ is this long.
 */
const RUN_MAX = 32;
const LONG_RUN = new RegExp(`\\S{${RUN_MAX + 1},}`, 'gu');
const RUN_PIECE = new RegExp(`\\S{1,${RUN_MAX}}`, 'gu');

/** Text safe to give to to_tsvector and ts_headline: no run without spaces longer than RUN_MAX. */
export function breakLongRuns(text: string): string {
  return text.replace(LONG_RUN, (run) => run.match(RUN_PIECE)!.join(' '));
}

/** The text of a body no Markdown parse finishes for (only ever an old one, saved before the limits): as written. */
export function rawSectionText(markdown: string): SectionText {
  const body = squash(breakLongRuns(markdown.replace(CONTROL, ' ')));
  return { headings: '', body, plain: body };
}

/** Splits a section body into heading text and body text, without Markdown syntax or raw HTML tags. */
export function markdownText(markdown: string): SectionText {
  assertNesting(markdown);
  const headings: string[] = [];
  const body: string[] = [];
  const plain: string[] = [];
  for (const token of marked.lexer(markdown.replace(CONTROL, ' '))) {
    const text = squash(token.type === 'heading' ? inlineText(token).replace(HEADING_ID, '') : inlineText(token));
    if (!text) continue;
    (token.type === 'heading' ? headings : body).push(text);
    plain.push(text);
  }
  return { headings: breakLongRuns(headings.join('\n')), body: breakLongRuns(body.join('\n')), plain: breakLongRuns(plain.join('\n')) };
}

function inlineText(token: Token): string {
  if (token.type === 'space' || token.type === 'hr' || token.type === 'image') return '';
  if (token.type === 'html') return ` ${token.text.replace(TAG, ' ')} `;
  if (token.type === 'list') return (token.items as Token[]).map(inlineText).join('\n');
  if (token.type === 'table') {
    const cells = [...token.header, ...token.rows.flat()] as { tokens: Token[] }[];
    return cells.map((c) => c.tokens.map(inlineText).join('')).join(' ');
  }
  if ('tokens' in token && Array.isArray(token.tokens)) {
    const sep = token.type === 'blockquote' || token.type === 'list_item' ? '\n' : '';
    return token.tokens.map(inlineText).join(sep);
  }
  return 'text' in token && typeof token.text === 'string' ? decodeEntities(token.text) : '';
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Markdown may spell characters as HTML entities; the index wants the characters. */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 31 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
  });
}

const squash = (s: string) =>
  s
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
