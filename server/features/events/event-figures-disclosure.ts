// Disclosure control for the events report (domain.md §9.3): a count below MIN_CELL is withheld (shown "< 3"), and
// when exactly one cell of a breakdown is withheld, the next smallest goes too, so the total minus the others cannot
// give it back. Pure.
import type { ReportCell } from '#shared/events/evaluation.schema.ts';
import type { Count } from './event-figures.ts';

export const MIN_CELL = 3;

/** The breakdown as it may be shown: small cells null, plus one more when a lone small cell could be worked out. */
export function withholdSmallCells(counts: readonly Count[], min = MIN_CELL): ReportCell[] {
  const small = new Set(counts.filter((c) => c.count > 0 && c.count < min).map((c) => c.key));
  if (small.size === 1) {
    const next = counts.filter((c) => !small.has(c.key) && c.count > 0).sort((a, b) => a.count - b.count)[0];
    if (next) small.add(next.key);
  }
  return counts.map((c) => ({ key: c.key, count: small.has(c.key) ? null : c.count }));
}
