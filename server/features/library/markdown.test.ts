// Markdown rendering: the allowlist holds, and script, event handlers, javascript:/data: URLs and raw HTML are neutralised.
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from './markdown.ts';

const IMAGE = '/api/library/images/123e4567-e89b-12d3-a456-426614174000';

describe('renderMarkdown', () => {
  test('a number range never breaks after its dash (a word joiner follows the en dash), other dashes are left alone', () => {
    expect(renderMarkdown('Ages 0–8, 9–17; in 2009–2014 – a pause.')).toBe('<p>Ages 0–\u20608, 9–\u206017; in 2009–\u20602014 – a pause.</p>');
  });

  test('renders the allowed structure, with heading ids prefixed by the section and made unique', () => {
    const html = renderMarkdown('### Ask alone\n\nText with **bold**, *em* and `code`.\n\n> Say this.\n\n- one\n- two\n\n### Ask alone', 'talk');
    expect(html).toBe(
      '<h3 id="talk--ask-alone">Ask alone</h3>\n<p>Text with <strong>bold</strong>, <em>em</em> and <code>code</code>.</p>\n' +
        '<blockquote>\n<p>Say this.</p>\n</blockquote>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<h3 id="talk--ask-alone-2">Ask alone</h3>',
    );
  });

  test('headings are clamped to h2–h4; ids fold diacritics', () => {
    expect(renderMarkdown('# Victimă ș', 's')).toBe('<h2 id="s--victima-s">Victimă ș</h2>');
    expect(renderMarkdown('###### Deep', 's')).toBe('<h4 id="s--deep">Deep</h4>');
  });

  test('a body shown under a deeper heading shifts its three levels down to start at topLevel', () => {
    expect(renderMarkdown('# Top\n\n### Mid\n\n###### Deep', 'l', 4)).toBe('<h4 id="l--top">Top</h4>\n<h5 id="l--mid">Mid</h5>\n<h6 id="l--deep">Deep</h6>');
  });

  test('tables keep their alignment', () => {
    expect(renderMarkdown('| a | b |\n|:--|--:|\n| 1 | 2 |')).toContain('<th align="left">a</th>');
  });

  test('links get rel="noopener noreferrer"; http(s), mailto and relative links are kept', () => {
    const html = renderMarkdown('[a](https://example.org) [b](mailto:x@example.org) [c](/library/manual) [d](#part)');
    expect(html).toBe(
      '<p><a href="https://example.org" rel="noopener noreferrer">a</a> <a href="mailto:x@example.org" rel="noopener noreferrer">b</a> ' +
        '<a href="/library/manual" rel="noopener noreferrer">c</a> <a href="#part" rel="noopener noreferrer">d</a></p>',
    );
  });

  test.each([
    ['script tag', '<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['inline script', 'Hi <script>alert(1)</script> there', '<p>Hi &lt;script&gt;alert(1)&lt;/script&gt; there</p>'],
    ['onerror attribute', '<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
    ['raw HTML block', '<div onclick="alert(1)">x</div>', '<p>&lt;div onclick="alert(1)"&gt;x&lt;/div&gt;</p>'],
    ['iframe', '<iframe src="https://evil.example"></iframe>', '<p>&lt;iframe src="https://evil.example"&gt;&lt;/iframe&gt;</p>'],
    ['javascript: link', '[x](javascript:alert(1))', '<p><a rel="noopener noreferrer">x</a></p>'],
    ['JavaScript: link in mixed case', '[x](JaVaScRiPt:alert(1))', '<p><a rel="noopener noreferrer">x</a></p>'],
    ['data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', '<p><a rel="noopener noreferrer">x</a></p>'],
    ['protocol-relative link', '[x](//evil.example/path)', '<p><a rel="noopener noreferrer">x</a></p>'],
    ['data: image', '![pic](data:image/png;base64,AAAA)', '<p></p>'],
    ['foreign image', '![pic](https://evil.example/p.png)', '<p></p>'],
    ['image without alt text', `![](${IMAGE})`, '<p></p>'],
    ['autolinked javascript', '<javascript:alert(1)>', '<p><a rel="noopener noreferrer">javascript:alert(1)</a></p>'],
  ])('neutralises %s', (_name, markdown, expected) => {
    const html = renderMarkdown(markdown);
    expect(html).toBe(expected);
    // NOTE: text is escaped, so every "<" left in the output opens a real element: check those.
    expect(html).not.toMatch(/<(script|iframe|div|img src="[^/])/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/(href|src)="(javascript|data):/i);
  });

  test('images from the library image store with alt text are kept', () => {
    expect(renderMarkdown(`![Body map](${IMAGE})`)).toBe(`<p><img src="${IMAGE}" alt="Body map" /></p>`);
  });
});
