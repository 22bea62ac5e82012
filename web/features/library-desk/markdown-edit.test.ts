// The toolbar's text changes: what is inserted and what stays selected, table-driven.
import { describe, expect, test } from 'vitest';
import { applyAction, imageMarkdown, insertText, type TextState, type ToolbarAction } from './markdown-edit.ts';

/** "a[b]c" notation: the brackets mark the selection. */
function state(marked: string): TextState {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { value: marked.replace('[', '').replace(']', ''), start, end };
}
function show(s: TextState): string {
  return `${s.value.slice(0, s.start)}[${s.value.slice(s.start, s.end)}]${s.value.slice(s.end)}`;
}

describe('applyAction', () => {
  test.each<[ToolbarAction, string, string]>([
    ['bold', 'Say [this] twice', 'Say **[this]** twice'],
    ['bold', 'Empty []here', 'Empty **[text]**here'],
    ['italic', '[word]', '_[word]_'],
    ['heading', 'one\ntw[]o\nthree', 'one\n[### two]\nthree'],
    ['list', '[a\nb]\nc', '[- a\n- b]\nc'],
    ['list', '- [a]', '[- a]'],
    ['quote', 'x\n[y]', 'x\n[> y]'],
    ['link', 'See [the guide] now', 'See [the guide]([https://]) now'],
    ['link', '[]', '[text]([https://])'],
  ])('%s on %j', (action, before, after) => {
    expect(show(applyAction(action, state(before), 'text'))).toBe(after);
  });
});

describe('insertText and imageMarkdown', () => {
  test('inserts at the caret, replacing a selection, and puts the caret after', () => {
    expect(show(insertText(state('ab[]c'), 'X'))).toBe('abX[]c');
    expect(show(insertText(state('a[bb]c'), 'X'))).toBe('aX[]c');
  });

  test('brackets cannot end the alt text early', () => {
    expect(imageMarkdown('A [body] map', '/api/library/images/1')).toBe('![A body map](/api/library/images/1)');
  });
});
