// Writes a benchmark's figures into docs/performance.md, between its own pair of markers.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const DOC = path.resolve('docs/performance.md');

export function writeDocSection(start: string, end: string, markdown: string): void {
  const doc = readFileSync(DOC, 'utf8');
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${DOC} has no ${start} … ${end} section`);
  writeFileSync(DOC, `${doc.slice(0, from + start.length)}\n${markdown}\n${doc.slice(to)}`);
}

/** Prints a benchmark's table and writes it into docs/performance.md where that file has the benchmark's markers. */
export function publishTable(start: string, end: string, markdown: string): string {
  console.log(`\n${markdown}\n`);
  if (readFileSync(DOC, 'utf8').includes(start)) writeDocSection(start, end, markdown);
  return markdown;
}
