// Labels each body cell of a table with its column's header (data-label), so that on a phone, where the stylesheet
// stacks every row into a block, each value is shown with its column's name (styles.css, "Tables").
import { useLayoutEffect, type RefObject } from 'react';

/** Column header texts of a table's last header row, one entry per column (a colspan repeats its text). */
function columnLabels(table: HTMLTableElement): string[] {
  const row = table.tHead?.rows[table.tHead.rows.length - 1];
  if (!row) return [];
  return [...row.cells].flatMap((cell) => Array<string>(cell.colSpan || 1).fill(cell.textContent.replace(/\s+/g, ' ').trim()));
}

/** Sets data-label on every body cell of every table with a header inside root. */
export function labelTableCells(root: HTMLElement): void {
  for (const table of root.querySelectorAll('table')) {
    const labels = columnLabels(table);
    if (labels.length === 0) continue;
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        let column = 0;
        for (const cell of row.cells) {
          const label = labels[column] ?? '';
          if (cell.dataset.label !== label) cell.dataset.label = label;
          column += cell.colSpan || 1;
        }
      }
    }
  }
}

/** Keeps the cells under ref labelled as rows come and go (pages of a list, a new section text). */
export function useLabelledTableCells(ref: RefObject<HTMLElement | null>, content?: unknown): void {
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    labelTableCells(root);
    const observer = new MutationObserver(() => labelTableCells(root));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [ref, content]);
}
