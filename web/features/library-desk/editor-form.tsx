// The section text being edited: title and Markdown body (Write tab) or the server-rendered Preview tab, an image
// upload, and Save, which makes a new revision and says which.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { SECTION_BODY_MAX, SECTION_TITLE_MAX, type SectionEdit, type SectionSave } from '#shared/library/library-edit.schema.ts';
import { ErrorSummary, apiError, focusSoon, type FieldErrors } from '#web/components/ui/form.tsx';
import { ImageUpload } from './image-upload.tsx';
import { insertText } from './markdown-edit.ts';
import { MarkdownField } from './markdown-field.tsx';
import { PreviewPanel } from './preview-panel.tsx';
import { conflictOf } from './section.api.ts';
import type { Draft } from './use-draft.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';

interface EditorFormProps {
  edit: SectionEdit;
  draft: Draft;
  onDraft(draft: Draft): void;
  dirty: boolean;
  pending: boolean;
  /** Rejects on failure; a 409 is shown by the page (the conflict dialog). */
  save(input: SectionSave): Promise<SectionEdit>;
}

function checkDraft(draft: Draft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.title.trim()) errors.title = 'errors.titleRequired';
  else if (draft.title.length > SECTION_TITLE_MAX) errors.title = 'errors.titleTooLong';
  if (draft.bodyMd.length > SECTION_BODY_MAX) errors.bodyMd = 'errors.bodyTooLong';
  return errors;
}

function serverErrors(error: unknown, draft: Draft): FieldErrors {
  const fields = apiError(error)?.status === 400 ? (apiError(error)?.body.fields ?? {}) : {};
  const errors: FieldErrors = {};
  if (fields.title) errors.title = 'errors.titleRequired';
  // NOTE: the length is checked here before sending; a body the server still refuses is one it cannot render in time
  // (nested too deeply, long runs of formatting marks) or one holding control characters.
  if (fields.bodyMd) errors.bodyMd = draft.bodyMd.length > SECTION_BODY_MAX ? 'errors.bodyTooLong' : 'errors.bodyRejected';
  if (Object.keys(errors).length === 0) errors.form = fields.sourceRevisionId ? 'errors.source' : 'common:error.generic';
  return errors;
}

export function EditorForm({ edit, draft, onDraft, dirty, pending, save }: EditorFormProps) {
  const { t, i18n } = useTranslation('library-desk');
  const id = useId();
  const [tab, setTab] = useState<Key>('write');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [followSource, setFollowSource] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const selection = useRef<{ start: number; end: number } | null>(null);
  // NOTE: a text in review is what the reviewer reads: its editors withdraw it first (the server refuses a save too).
  const inReview = edit.can.edit && edit.state === 'in_review';
  const readOnly = !edit.can.edit || inReview;
  const sourceNow = edit.translation?.outdated ? edit.translation.sourcePublishedRevisionId : null;

  const fail = (found: FieldErrors) => {
    setErrors(found);
    focusSoon(summary);
  };
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setStatus('');
    const found = checkDraft(draft);
    if (Object.keys(found).length > 0) return fail(found);
    setErrors({});
    if (!dirty && !(followSource && sourceNow) && edit.current) return setStatus(t('editor.nothingToSave', { number: edit.current.number }));
    try {
      const saved = await save({ title: draft.title.trim(), bodyMd: draft.bodyMd, version: edit.version, sourceRevisionId: followSource && sourceNow ? sourceNow : undefined });
      setFollowSource(false);
      setStatus(t('editor.saved', { number: saved.current?.number ?? 0 }));
    } catch (error) {
      if (conflictOf(error)) setStatus(t('editor.notSaved'));
      else fail(serverErrors(error, draft));
    }
  };
  const insert = (markdown: string) => {
    const area = textarea.current;
    const next = insertText({ value: draft.bodyMd, start: area?.selectionStart ?? draft.bodyMd.length, end: area?.selectionEnd ?? draft.bodyMd.length }, markdown);
    selection.current = { start: next.start, end: next.end };
    setTab('write');
    onDraft({ ...draft, bodyMd: next.value });
  };
  const max = new Intl.NumberFormat(i18n.language).format(SECTION_BODY_MAX);
  const message = (key: string) => t(key, { max });
  const items = (['title', 'bodyMd'] as const)
    .filter((f) => errors[f])
    .map((f) => ({ id: `${id}-${f}`, label: t(f === 'title' ? 'editor.titleLabel' : 'editor.body'), message: message(errors[f]!) }));

  return (
    <>
    <form className="editor-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('editor.formLabel')}>
      {inReview && <p className="alert notice">{t('editor.inReviewLocked')}</p>}
      {items.length > 0 ? (
        <ErrorSummary items={items} summaryRef={summary} />
      ) : (
        errors.form && (
          <div className="alert error" role="alert" tabIndex={-1} ref={summary}>
            <p>{t(errors.form)}</p>
          </div>
        )
      )}
      <Tabs selectedKey={tab} onSelectionChange={setTab}>
        <TabList aria-label={t('editor.tabs')} className="tab-list">
          <Tab id="write" className="tab">
            {readOnly ? t('editor.markdown') : t('editor.write')}
          </Tab>
          <Tab id="preview" className="tab">
            {t('editor.preview')}
          </Tab>
        </TabList>
        <TabPanel id="write" shouldForceMount className="tab-panel">
          <div className="field">
            <label htmlFor={`${id}-title`}>{t('editor.titleLabel')}</label>
            <input
              id={`${id}-title`}
              lang={edit.language}
              value={draft.title}
              readOnly={readOnly}
              maxLength={SECTION_TITLE_MAX}
              onChange={(e) => onDraft({ ...draft, title: e.target.value })}
              aria-invalid={errors.title ? true : undefined}
              aria-describedby={errors.title ? `${id}-title-error` : undefined}
            />
            {errors.title && (
              <span className="field-error" id={`${id}-title-error`}>
                {t(errors.title)}
              </span>
            )}
          </div>
          <MarkdownField
            id={`${id}-bodyMd`}
            lang={edit.language}
            value={draft.bodyMd}
            readOnly={readOnly}
            onChange={(bodyMd) => onDraft({ ...draft, bodyMd })}
            textareaRef={textarea}
            selectionRef={selection}
            error={errors.bodyMd ? message(errors.bodyMd) : undefined}
            onSaveShortcut={() => void submit()}
          />
        </TabPanel>
        <TabPanel id="preview" className="tab-panel">
          <PreviewPanel title={draft.title} bodyMd={draft.bodyMd} lang={edit.language} active={tab === 'preview'} />
        </TabPanel>
      </Tabs>
      {!readOnly && sourceNow && (
        <div className="checkbox-field">
          <input type="checkbox" id={`${id}-follow`} checked={followSource} onChange={(e) => setFollowSource(e.target.checked)} aria-describedby={`${id}-follow-hint`} />
          <label htmlFor={`${id}-follow`}>{t('translation.markCurrent')}</label>
          <span className="hint" id={`${id}-follow-hint`}>
            {t('translation.markCurrentHint', { language: t(`library:languages.${edit.translation?.sourceLanguage ?? 'en'}`) })}
          </span>
        </div>
      )}
      {!readOnly && (
        <div className="actions-row">
          <BusyButton type="submit" busy={pending} busyLabel={t('common:form.saving')} aria-keyshortcuts="Control+S Meta+S">
            {t('editor.save')}
          </BusyButton>
          {dirty && <span className="muted">{t('editor.unsaved')}</span>}
        </div>
      )}
      <p role="status" className="save-status">
        {status}
      </p>
    </form>
    {/* NOTE: its own form, so outside this one (forms cannot nest); it inserts at the body's last caret position. */}
    {!readOnly && <ImageUpload publicationId={edit.publication.id} lang={edit.language} onInsert={insert} />}
    </>
  );
}
