// How deeply a Markdown text nests its containers (quotes, list items), counted in one linear pass over the lines.
// NOTE: the Markdown parser recurses once per level and re-reads the rest of the line at each: 99,000 ">" took
// seconds before running out of stack. Texts nested deeper than any real one are refused before they are parsed.

/** Real texts nest two or three levels; this leaves ample room and keeps every parse shallow. */
export const NESTING_MAX = 32;

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Quote markers, list markers and every two columns of indentation before them, on the line that has the most. */
export function nestingDepth(markdown: string): number {
  let deepest = 0;
  let start = 0;
  while (start <= markdown.length) {
    const end = markdown.indexOf('\n', start);
    const stop = end === -1 ? markdown.length : end;
    deepest = Math.max(deepest, lineDepth(markdown, start, stop));
    if (deepest > NESTING_MAX) return deepest;
    start = stop + 1;
  }
  return deepest;
}

function lineDepth(s: string, from: number, to: number): number {
  let depth = 0;
  let columns = 0;
  let i = from;
  while (i < to) {
    if (isSpace(s[i])) {
      columns += s[i] === '\t' ? 4 : 1;
      i++;
      continue;
    }
    const marker = markerLength(s, i, to);
    if (marker === 0) break;
    depth += 1 + Math.floor(columns / 2);
    columns = 0;
    i += marker;
  }
  return depth;
}

/** Length of the quote or list marker at `i` (">" or "-", "*", "+", "1." "1)" followed by a space), or 0. */
function markerLength(s: string, i: number, to: number): number {
  const c = s[i];
  if (c === '>') return 1;
  if ((c === '-' || c === '*' || c === '+') && (i + 1 === to || isSpace(s[i + 1]))) return 1;
  let j = i;
  while (j < to && j - i < 9 && isDigit(s[j])) j++;
  if (j > i && (s[j] === '.' || s[j] === ')') && (j + 1 === to || isSpace(s[j + 1]))) return j - i + 1;
  return 0;
}

/** Throws a RangeError, as a stack overflow in the parser would, for a text nested deeper than NESTING_MAX. */
export function assertNesting(markdown: string): void {
  if (nestingDepth(markdown) > NESTING_MAX) throw new RangeError(`Markdown nested more than ${NESTING_MAX} levels deep`);
}
