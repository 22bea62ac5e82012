// Markdown nesting depth: real texts are shallow, pathological ones are caught in linear time before any parse.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { NESTING_MAX, assertNesting, nestingDepth } from './markdown-depth.ts';

describe('nestingDepth', () => {
  test('counts quote and list markers, and indentation before them', () => {
    expect(nestingDepth('Plain text.\n\nMore.')).toBe(0);
    expect(nestingDepth('> Say this.')).toBe(1);
    expect(nestingDepth('- one\n  - two\n    - three')).toBe(3);
    expect(nestingDepth('1. first\n2) second')).toBe(1);
    expect(nestingDepth('> > - quoted list')).toBe(3);
    expect(nestingDepth('-not a list, *not either*, 2.5 neither')).toBe(0);
  });

  test('every text in content/ is far from the limit', () => {
    const files = readdirSync('content', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    const deepest = Math.max(...files.map((f) => nestingDepth(readFileSync(path.join('content', f), 'utf8'))));
    expect(deepest).toBeLessThanOrEqual(NESTING_MAX / 4);
  });

  test('pathological nesting is refused at once, with the RangeError a stack overflow would give', () => {
    for (const text of ['>'.repeat(99_000), '1. '.repeat(10_000), '- '.repeat(10_000), `${' '.repeat(80)}- x`]) {
      const started = performance.now();
      expect(() => assertNesting(text)).toThrow(RangeError);
      expect(performance.now() - started).toBeLessThan(50);
    }
    expect(() => assertNesting('> fine')).not.toThrow();
  });
});
