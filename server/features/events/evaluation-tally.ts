// Counting the anonymous answers of one questionnaire: per item the count of each value on its scale, the number of
// answers on the scale and their mean ("not applicable" and skipped items left out); comments listed with their
// language. Pure, over the rows evaluation.queries.ts reads.
import { COMMENTS_OF, ITEMS_OF, SCALE_VALUES, type EvaluationKind, type EvaluationItem } from '#shared/events/evaluation-items.ts';
import type { ItemResult, SectionResult } from '#shared/events/evaluation.schema.ts';
import type { ResponseRow } from './evaluation.queries.ts';

function tallyItem(item: EvaluationItem, rows: readonly ResponseRow[]): ItemResult {
  const values = rows.map((r) => r.answers[item.key]).filter((v) => v !== undefined);
  const counts = SCALE_VALUES[item.scale].map((value) => ({ value: String(value), count: values.filter((v) => v === value).length }));
  const numbers = values.filter((v): v is number => typeof v === 'number');
  // NOTE: the practice scale (yes / no / not sure) has no mean; n counts every answer given on it.
  const onScale = item.scale === 'practice' ? values.length : numbers.length;
  const mean = item.scale === 'practice' || numbers.length === 0 ? null : round2(numbers.reduce((a, b) => a + b, 0) / numbers.length);
  return { key: item.key, scale: item.scale, n: onScale, mean, counts };
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function tallyItems(kind: EvaluationKind, rows: readonly ResponseRow[]): ItemResult[] {
  return ITEMS_OF[kind].map((item) => tallyItem(item, rows));
}

export function listComments(kind: EvaluationKind, rows: readonly ResponseRow[]): SectionResult['comments'] {
  return COMMENTS_OF[kind].map((key) => ({
    key,
    texts: rows.flatMap((r) => (r.comments[key] ? [{ text: r.comments[key], language: r.language }] : [])),
  }));
}
