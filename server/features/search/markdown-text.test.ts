// Text for the search index: long runs without spaces are cut (PostgreSQL's parser is quadratic in them), and a text
// too deeply nested to parse is refused in the parse and indexed as written.
import { describe, expect, test } from 'vitest';
import { breakLongRuns, markdownText, rawSectionText } from './markdown-text.ts';

describe('search text', () => {
  test('runs longer than 32 characters are cut into pieces; words and short runs stay as they are', () => {
    expect(breakLongRuns('Ordinary words, ș and ț.')).toBe('Ordinary words, ș and ț.');
    const cut = breakLongRuns('_a'.repeat(40));
    expect(cut.split(' ').map((piece) => piece.length)).toEqual([32, 32, 16]);
    expect(cut.replaceAll(' ', '')).toBe('_a'.repeat(40));
    expect(markdownText('_a'.repeat(100)).body.split(' ').every((piece) => piece.length <= 32)).toBe(true);
  });

  test('a text nested too deeply is refused by markdownText and indexed as written by rawSectionText', () => {
    expect(() => markdownText('>'.repeat(99_000))).toThrow(RangeError);
    const raw = rawSectionText(`Title words\u0001 ${'>'.repeat(100)}`);
    expect(raw.headings).toBe('');
    expect(raw.body.startsWith('Title words >>>')).toBe(true);
    expect(raw.body.split(' ').every((piece) => piece.length <= 32)).toBe(true);
    expect(raw.plain).toBe(raw.body);
  });
});
