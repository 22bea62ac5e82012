// The body field: a plain textarea for Markdown with a toolbar (bold, italic, heading, list, link, quote) and the
// usual shortcuts; the toolbar changes the text around the selection and keeps the selection where it makes sense.
// Under it, how many of the allowed characters the text uses.
import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTION_BODY_MAX } from '#shared/library/library-edit.schema.ts';
import { applyAction, type TextState, type ToolbarAction } from './markdown-edit.ts';

const ACTIONS: { action: ToolbarAction; shortcut?: string }[] = [
  { action: 'bold', shortcut: 'b' },
  { action: 'italic', shortcut: 'i' },
  { action: 'heading' },
  { action: 'list' },
  { action: 'link', shortcut: 'k' },
  { action: 'quote' },
];

interface MarkdownFieldProps {
  id: string;
  lang: string;
  value: string;
  onChange(value: string): void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** Where the caret goes after the next render (set by a toolbar action or an inserted image). */
  selectionRef: RefObject<{ start: number; end: number } | null>;
  error?: string | undefined;
  readOnly?: boolean;
  onSaveShortcut(): void;
}

export function MarkdownField(props: MarkdownFieldProps) {
  const { t } = useTranslation('library-desk');
  const { textareaRef, selectionRef } = props;
  const apply = (action: ToolbarAction) => {
    const area = textareaRef.current;
    if (!area) return;
    const next = applyAction(action, { value: props.value, start: area.selectionStart, end: area.selectionEnd }, t('toolbar.placeholder'));
    change(next);
  };
  const change = (next: TextState) => {
    selectionRef.current = { start: next.start, end: next.end };
    props.onChange(next.value);
  };
  useLayoutEffect(() => {
    const area = textareaRef.current;
    const selection = selectionRef.current;
    if (!area || !selection) return;
    selectionRef.current = null;
    area.focus();
    area.setSelectionRange(selection.start, selection.end);
  });
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || props.readOnly) return;
    const key = event.key.toLowerCase();
    if (key === 's') {
      event.preventDefault();
      props.onSaveShortcut();
      return;
    }
    const found = ACTIONS.find((a) => a.shortcut === key);
    if (found) {
      event.preventDefault();
      apply(found.action);
    }
  };
  const described = [`${props.id}-hint`, `${props.id}-count`, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ');
  const over = props.value.length > SECTION_BODY_MAX;
  return (
    <div className="field markdown-field">
      <label htmlFor={props.id}>{t('editor.body')}</label>
      <span className="hint" id={`${props.id}-hint`}>
        {props.readOnly ? t('editor.readOnlyHint') : t('editor.bodyHint')}
      </span>
      {!props.readOnly && (
        <div role="toolbar" aria-label={t('toolbar.label')} aria-controls={props.id} className="md-toolbar">
          <ToolbarButtons onAction={apply} />
        </div>
      )}
      <textarea
        id={props.id}
        ref={textareaRef}
        lang={props.lang}
        rows={18}
        value={props.value}
        readOnly={props.readOnly}
        spellCheck
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
      />
      <CharacterCount id={`${props.id}-count`} used={props.value.length} over={over} />
      {props.error && (
        <span className="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}

/**
 * "1,234 of 20,000 characters", marked when over. NOTE: no maxLength on the textarea: the browser would cut a pasted
 * text short without a word; the editor sees the count instead, and the form refuses to save until it fits. Screen
 * readers hear the count with the field, and once (a status message) when the text goes over the limit.
 */
function CharacterCount({ id, used, over }: { id: string; used: number; over: boolean }) {
  const { t, i18n } = useTranslation('library-desk');
  const number = new Intl.NumberFormat(i18n.language);
  const max = number.format(SECTION_BODY_MAX);
  return (
    <>
      <span id={id} className={over ? 'hint char-count over' : 'hint char-count'}>
        {t('editor.bodyCount', { used: number.format(used), max })}
      </span>
      <span role="status" className="visually-hidden">
        {over ? t('editor.bodyOver', { max }) : ''}
      </span>
    </>
  );
}

/** A toolbar is one tab stop; the arrow keys move between its buttons (WAI-ARIA toolbar pattern). */
function ToolbarButtons({ onAction }: { onAction(action: ToolbarAction): void }) {
  const { t } = useTranslation('library-desk');
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const active = useRef(0);
  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = ACTIONS.length - 1;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = (next + ACTIONS.length) % ACTIONS.length;
    buttons.current.forEach((b, i) => b?.setAttribute('tabindex', i === target ? '0' : '-1'));
    active.current = target;
    buttons.current[target]?.focus();
  };
  return ACTIONS.map(({ action, shortcut }, index) => (
    <button
      key={action}
      ref={(el) => {
        buttons.current[index] = el;
      }}
      type="button"
      className="secondary"
      tabIndex={index === active.current ? 0 : -1}
      onClick={() => onAction(action)}
      onKeyDown={(e) => move(e, index)}
      // NOTE: keep the textarea's selection: a mouse press on the button would otherwise take focus first.
      onMouseDown={(e) => e.preventDefault()}
      aria-keyshortcuts={shortcut ? `Control+${shortcut.toUpperCase()} Meta+${shortcut.toUpperCase()}` : undefined}
    >
      {t(`toolbar.${action}`)}
    </button>
  ));
}
