// The bounded diff: word by word when it fits the budget, line by line (or whole) when not, and always a true diff:
// the unchanged and removed runs spell the old text, the unchanged and added runs the new one.
import { describe, expect, test } from 'vitest';
import type { DiffPart } from '#shared/library/library-edit.schema.ts';
import { diffTexts } from './revision-diff.ts';

const before = (parts: DiffPart[]) => parts.filter((p) => !p.added).map((p) => p.value).join('');
const after = (parts: DiffPart[]) => parts.filter((p) => !p.removed).map((p) => p.value).join('');

describe('diffTexts', () => {
  test('a small change is shown word by word', () => {
    const d = diffTexts({ fromTitle: 'Title', toTitle: 'Title', fromBody: 'one two three\nfour', toBody: 'one 2 three\nfour', mode: 'words' });
    expect(d.mode).toBe('words');
    expect(d.title).toEqual([{ value: 'Title', added: false, removed: false }]);
    expect(d.body.filter((p) => p.added).map((p) => p.value)).toEqual(['2']);
    expect(d.body.filter((p) => p.removed).map((p) => p.value)).toEqual(['two']);
  });

  test('line mode compares whole lines', () => {
    const d = diffTexts({ fromTitle: 'a', toTitle: 'b', fromBody: 'x\ny\nz', toBody: 'x\nY\nz', mode: 'lines' });
    expect(d).toMatchObject({ mode: 'lines', body: [{ value: 'x\n' }, { value: 'y\n', removed: true }, { value: 'Y\n', added: true }, { value: 'z' }] });
  });

  test('two large, entirely different texts finish within the budget, line by line or whole, and still spell both texts', () => {
    const from = Array.from({ length: 10_000 }, (_, i) => `a${i}`).join('\n');
    const to = Array.from({ length: 10_000 }, (_, i) => `b${i}`).join('\n');
    for (const mode of ['words', 'lines'] as const) {
      const started = performance.now();
      const d = diffTexts({ fromTitle: 'T', toTitle: 'T', fromBody: from, toBody: to, mode });
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(d.mode).toBe('lines');
      expect(before(d.body)).toBe(from);
      expect(after(d.body)).toBe(to);
    }
  });
});
