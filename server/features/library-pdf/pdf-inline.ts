// Markdown inline tokens → styled runs of text for pdfkit (bold, italic, code, links), without any HTML.
import type { Token } from 'marked';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  mono?: boolean;
  strike?: boolean;
  link?: string;
  /** An image's alternative text (the run prints its label). */
  alt?: string;
}

type Style = Omit<Run, 'text'>;

const SAFE_LINK = /^(https?:|mailto:)/i;

/** Flattens inline tokens into runs; images become their alt text (the PDF carries text only). */
export function inlineRuns(tokens: Token[] | undefined, style: Style = {}, imageLabel: (alt: string) => string = (a) => a): Run[] {
  const runs: Run[] = [];
  for (const token of tokens ?? []) runs.push(...tokenRuns(token, style, imageLabel));
  return runs.filter((r) => r.text.length > 0);
}

function tokenRuns(token: Token, style: Style, imageLabel: (alt: string) => string): Run[] {
  const nested = (extra: Style) => inlineRuns('tokens' in token ? (token.tokens as Token[]) : [], { ...style, ...extra }, imageLabel);
  switch (token.type) {
    case 'strong':
      return nested({ bold: true });
    case 'em':
      return nested({ italic: true });
    case 'del':
      return nested({ strike: true });
    case 'codespan':
      return [{ ...style, mono: true, text: decodeEntities(token.text) }];
    case 'link':
      return nested(SAFE_LINK.test(token.href) ? { link: token.href } : {});
    case 'br':
      return [{ ...style, text: '\n' }];
    case 'image':
      return [{ ...style, italic: true, text: imageLabel(token.text), alt: token.text }];
    default:
      if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) return nested({});
      return 'text' in token && typeof token.text === 'string' ? [{ ...style, text: decodeEntities(token.text) }] : [];
  }
}

/** The runs' text without styles (table cells, measuring). */
export const plainText = (runs: Run[]) => runs.map((r) => r.text).join('');

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Markdown may spell characters as HTML entities; the PDF prints the characters. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 31 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
  });
}
