// Library Markdown → safe HTML: marked renders, raw HTML is escaped (shown as text, never interpreted), and a strict
// sanitize-html allowlist has the last word, so a mistake in one layer cannot let script into a reader's page.
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { assertNesting } from '#server/lib/markdown-depth.ts';

const IMAGE_SRC = /^\/api\/library\/images\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A heading's anchor: lower case, letters and digits kept (diacritics folded), the rest joined by dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

function markedFor(idPrefix: string, topLevel: number): Marked {
  const used = new Map<string, number>();
  const uniqueId = (text: string) => {
    const base = [idPrefix, slugify(text) || 'heading'].filter(Boolean).join('--');
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
  return new Marked({
    gfm: true,
    renderer: {
      // NOTE: section titles are h2 on the page, so headings inside a body start at h3 at the latest: clamp to h2–h4,
      // then shift the three levels down to start at `topLevel` for bodies shown under a deeper heading.
      heading(this: { parser: { parseInline(t: Tokens.Heading['tokens']): string } }, token: Tokens.Heading) {
        const level = Math.min(4, Math.max(2, token.depth)) + topLevel - 2;
        return `<h${level} id="${uniqueId(token.text)}">${this.parser.parseInline(token.tokens)}</h${level}>\n`;
      },
      html(token: Tokens.HTML | Tokens.Tag) {
        return 'block' in token && token.block ? `<p>${escapeHtml(token.text.trim())}</p>\n` : escapeHtml(token.text);
      },
    },
  });
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
    'strong', 'em', 'del', 'code', 'pre', 'a', 'img'],
  allowedAttributes: {
    h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    th: ['align'], td: ['align'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
  // Images only from our own image store, and only with a description.
  exclusiveFilter: (frame) => frame.tag === 'img' && (!IMAGE_SRC.test(frame.attribs.src ?? '') || !(frame.attribs.alt ?? '').trim()),
};

/**
 * Renders one section body. `idPrefix` (the section slug) keeps heading ids unique on a chapter page; `topLevel` (2–4)
 * is the level its first heading level becomes, one below the heading the body sits under. CPU-heavy on
 * pathological input: the server calls it in a worker thread under a time limit (section-html.ts), never inline.
 */
export function renderMarkdown(markdown: string, idPrefix = '', topLevel: 2 | 3 | 4 = 2): string {
  assertNesting(markdown);
  const html = markedFor(idPrefix, topLevel).parse(markdown, { async: false });
  return keepRangesWhole(sanitizeHtml(html, SANITIZE).trim());
}

/**
 * A word joiner after the dash of a number range ("9–17", "2009–2014"): browsers may break a line after an en dash,
 * which on a phone leaves "9–" at the end of one line and "17," on the next. Invisible, and not in the search text.
 */
function keepRangesWhole(html: string): string {
  return html.replace(/(\d)–(?=\d)/g, '$1–\u2060');
}

