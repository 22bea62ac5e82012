// The Markdown toolbar's text changes, as pure functions over the textarea's value and selection.

export interface TextState {
  value: string;
  start: number;
  end: number;
}

export type ToolbarAction = 'bold' | 'italic' | 'heading' | 'list' | 'link' | 'quote';

/** Replaces the selection with `text`; the caret lands after it. */
export function insertText(state: TextState, text: string): TextState {
  const value = state.value.slice(0, state.start) + text + state.value.slice(state.end);
  const caret = state.start + text.length;
  return { value, start: caret, end: caret };
}

/** Wraps the selection in `mark` (or a placeholder when nothing is selected); the wrapped text stays selected. */
function wrap(state: TextState, mark: string, placeholder: string): TextState {
  const selected = state.value.slice(state.start, state.end) || placeholder;
  const value = state.value.slice(0, state.start) + mark + selected + mark + state.value.slice(state.end);
  const start = state.start + mark.length;
  return { value, start, end: start + selected.length };
}

/** Puts `prefix` at the start of every line the selection touches (a heading, a list, a quote). */
function prefixLines(state: TextState, prefix: string): TextState {
  const lineStart = state.value.lastIndexOf('\n', state.start - 1) + 1;
  const nextBreak = state.value.indexOf('\n', Math.max(state.end - (state.end > state.start ? 1 : 0), state.start));
  const lineEnd = nextBreak === -1 ? state.value.length : nextBreak;
  const lines = state.value.slice(lineStart, lineEnd).split('\n');
  const changed = lines.map((line) => (line.startsWith(prefix) ? line : prefix + line)).join('\n');
  const value = state.value.slice(0, lineStart) + changed + state.value.slice(lineEnd);
  return { value, start: lineStart, end: lineStart + changed.length };
}

/** A link around the selection (its text), with the address selected so it can be typed over. */
function link(state: TextState, placeholder: string): TextState {
  const label = state.value.slice(state.start, state.end) || placeholder;
  const url = 'https://';
  const inserted = `[${label}](${url})`;
  const value = state.value.slice(0, state.start) + inserted + state.value.slice(state.end);
  const start = state.start + label.length + 3;
  return { value, start, end: start + url.length };
}

/** `placeholder` is the word shown when nothing is selected ("text", in the editor's language). */
export function applyAction(action: ToolbarAction, state: TextState, placeholder: string): TextState {
  switch (action) {
    case 'bold':
      return wrap(state, '**', placeholder);
    case 'italic':
      return wrap(state, '_', placeholder);
    // NOTE: the section title is the h2 readers see; a heading inside the body is one level below it.
    case 'heading':
      return prefixLines(state, '### ');
    case 'list':
      return prefixLines(state, '- ');
    case 'quote':
      return prefixLines(state, '> ');
    case 'link':
      return link(state, placeholder);
  }
}

/** Markdown for an uploaded image; brackets in the description would end the alt text early. */
export function imageMarkdown(alt: string, url: string): string {
  return `![${alt.replace(/[[\]]/g, '')}](${url})`;
}
