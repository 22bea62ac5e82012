// What changed between two revisions, with bounded effort (runs in a worker thread): lines first, then each replaced
// run of lines word by word while the time budget lasts; what does not fit in the budget stays as whole lines, and
// two texts too different for even a line diff are shown as one removal and one addition.
import { diffLines, diffWords, type ChangeObject } from 'diff';
import type { DiffPart } from '#shared/library/library-edit.schema.ts';

/** Myers' diff is quadratic in the number of changes; this caps the CPU one comparison may take. */
const BUDGET_MS = 400;

export interface TextDiff {
  /** 'words' only when every change could be compared word by word. */
  mode: 'words' | 'lines';
  title: DiffPart[];
  body: DiffPart[];
}

const part = (c: ChangeObject<string>): DiffPart => ({ value: c.value, added: c.added, removed: c.removed });

function replaced(from: string, to: string): DiffPart[] {
  return [
    { value: from, added: false, removed: true },
    { value: to, added: true, removed: false },
  ].filter((p) => p.value !== '');
}

function byLines(from: string, to: string, deadline: number): DiffPart[] {
  const lines = diffLines(from, to, { timeout: Math.max(1, deadline - Date.now()) });
  return lines ? lines.map(part) : replaced(from, to);
}

/** Refines each removal followed by an addition word by word; false when the budget ran out for one of them. */
function refine(lines: DiffPart[], deadline: number): { parts: DiffPart[]; complete: boolean } {
  const parts: DiffPart[] = [];
  let complete = true;
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1];
    if (!(b && a.removed && b.added)) {
      parts.push(a);
      continue;
    }
    const left = deadline - Date.now();
    const words = left > 0 ? diffWords(a.value, b.value, { timeout: left }) : undefined;
    if (words) parts.push(...words.map(part));
    else {
      parts.push(a, b);
      complete = false;
    }
    i++;
  }
  return { parts, complete };
}

/** Compares title and body of two revisions, word by word or line by line as asked, within the budget. */
export function diffTexts(input: { fromTitle: string; toTitle: string; fromBody: string; toBody: string; mode: 'words' | 'lines' }): TextDiff {
  const deadline = Date.now() + BUDGET_MS;
  const title = refine(byLines(input.fromTitle, input.toTitle, deadline), deadline).parts;
  const lines = byLines(input.fromBody, input.toBody, deadline);
  if (input.mode === 'lines') return { mode: 'lines', title, body: lines };
  const body = refine(lines, deadline);
  return { mode: body.complete ? 'words' : 'lines', title, body: body.parts };
}
