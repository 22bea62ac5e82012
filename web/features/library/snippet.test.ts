// Search snippets are rebuilt as text + <mark>, never injected: table-driven checks of the parser.
import { describe, expect, test } from 'vitest';
import { decodeEntities, snippetParts } from './snippet.tsx';

describe('snippetParts', () => {
  test.each([
    ['plain text', 'no marks here', [{ text: 'no marks here', marked: false }]],
    [
      'marks around matches',
      'Statutul de <mark>victimă</mark> nu depinde',
      [
        { text: 'Statutul de ', marked: false },
        { text: 'victimă', marked: true },
        { text: ' nu depinde', marked: false },
      ],
    ],
    ['escaped markup stays text', '&lt;script&gt;alert(1)&lt;/script&gt;', [{ text: '<script>alert(1)</script>', marked: false }]],
    ['any other tag is dropped, its text kept', 'a <img src=x onerror=alert(1)><b>bold</b>', [{ text: 'a bold', marked: false }]],
    ['entities inside a mark', '<mark>R&amp;D</mark>', [{ text: 'R&D', marked: true }]],
  ])('%s', (_name, html, parts) => {
    expect(snippetParts(html)).toEqual(parts);
  });
});

describe('decodeEntities', () => {
  test.each([
    ['&quot;a&quot; &#39;b&#39; &#x219;', '"a" \'b\' ș'],
    ['&unknown; stays', '&unknown; stays'],
    ['&#0; and &#x110000; stay', '&#0; and &#x110000; stay'],
  ])('%s', (input, output) => {
    expect(decodeEntities(input)).toBe(output);
  });
});
