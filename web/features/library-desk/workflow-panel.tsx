// The review steps of a section text: submit a draft, publish it after a confirmation (a reviewer who neither wrote
// nor submitted this version), return it to draft with a note, or withdraw it from review to change it. Only the
// steps the server allows this account are shown.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX, type SectionEdit } from '#shared/library/library-edit.schema.ts';
import { ErrorSummary, apiError, focusSoon } from '#web/components/ui/form.tsx';
import { StateBadge, Time, statusOf } from './desk-frame.tsx';
import { whyNotPublish } from './desk-rules.ts';
import { conflictOf, type WorkflowAction } from './section.api.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';

interface WorkflowPanelProps {
  edit: SectionEdit;
  accountId: string;
  dirty: boolean;
  pending: boolean;
  run(action: WorkflowAction): Promise<SectionEdit>;
}

export function WorkflowPanel({ edit, accountId, dirty, pending, run }: WorkflowPanelProps) {
  const { t } = useTranslation('library-desk');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [running, setRunning] = useState<WorkflowAction['kind'] | null>(null);
  const step = async (action: WorkflowAction, done: string): Promise<boolean> => {
    setMessage(null);
    setRunning(action.kind);
    try {
      await run(action);
      setMessage({ text: t(done), error: false });
      return true;
    } catch (error) {
      setMessage({ text: t(stepError(error, edit, accountId)), error: true });
      return false;
    } finally {
      setRunning(null);
    }
  };
  const blocked = whyNotPublish(edit, accountId);
  const canSubmit = edit.can.edit && edit.state === 'draft';
  const canReview = edit.can.review && edit.state === 'in_review';
  const canWithdraw = edit.can.edit && edit.state === 'in_review';
  return (
    <section aria-labelledby="workflow-heading" className="workflow card">
      <h2 id="workflow-heading">{t('workflow.title')}</h2>
      <p>
        <StateBadge state={edit.state} outdated={edit.translation?.outdated ?? false} /> <StateText edit={edit} />
      </p>
      <div role="status">
        {message && <p className={message.error ? 'alert error' : 'alert success'}>{message.text}</p>}
      </div>
      {canSubmit && (
        <div className="workflow-step">
          <BusyButton busy={running === 'submit'} disabled={dirty || pending} aria-describedby="submit-hint" onClick={() => void step({ kind: 'submit', version: edit.version }, 'workflow.submitted')}>
            {t('workflow.submit')}
          </BusyButton>
          <p id="submit-hint" className="hint">
            {dirty ? t('workflow.saveFirst') : t('workflow.submitHint')}
          </p>
        </div>
      )}
      {canReview && (
        <PublishStep
          edit={edit}
          pending={pending}
          busy={running === 'publish'}
          hint={blocked ? t(`workflow.blocked.${blocked}`) : dirty ? t('workflow.saveFirst') : t('workflow.publishHint')}
          allowed={!blocked && !dirty}
          onPublish={() => step({ kind: 'publish', version: edit.version }, 'workflow.published')}
        />
      )}
      {canWithdraw && (
        <div className="workflow-step">
          <BusyButton className="secondary" busy={running === 'withdraw'} disabled={pending} aria-describedby="withdraw-hint" onClick={() => void step({ kind: 'withdraw', version: edit.version }, 'workflow.withdrawn')}>
            {t('workflow.withdraw')}
          </BusyButton>
          <p id="withdraw-hint" className="hint">
            {t('workflow.withdrawHint')}
          </p>
        </div>
      )}
      {canReview && <ReturnForm pending={pending} busy={running === 'return'} onReturn={(note) => step({ kind: 'return', version: edit.version, note }, 'workflow.returned')} />}
      {edit.state === 'in_review' && !edit.can.review && <p className="muted">{t('workflow.waitingForReviewer')}</p>}
    </section>
  );
}

/** Publishing asks once more, naming the revision: readers see it the moment it is confirmed. */
function PublishStep({ edit, pending, busy, hint, allowed, onPublish }: { edit: SectionEdit; pending: boolean; busy: boolean; hint: string; allowed: boolean; onPublish(): Promise<boolean> }) {
  const { t } = useTranslation('library-desk');
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const ask = () => {
    if (!allowed) return;
    setConfirming(true);
    focusSoon(question);
  };
  if (confirming) {
    return (
      <div className="workflow-step confirm-step" role="group" aria-labelledby="publish-question">
        <p id="publish-question" ref={question} tabIndex={-1}>
          {t('workflow.confirmPublish', { number: edit.current?.number ?? '' })}
        </p>
        <div className="actions-row">
          <BusyButton busy={busy} disabled={pending} onClick={() => void onPublish().then(() => setConfirming(false))}>
            {t('workflow.confirmYes')}
          </BusyButton>
          <button type="button" className="secondary" disabled={pending} onClick={() => setConfirming(false)}>
            {t('workflow.confirmNo')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="workflow-step">
      <button type="button" aria-disabled={allowed ? undefined : true} disabled={pending} aria-describedby="publish-hint" onClick={ask}>
        {t('workflow.publish')}
      </button>
      <p id="publish-hint" className="hint">
        {hint}
      </p>
    </div>
  );
}

function StateText({ edit }: { edit: SectionEdit }) {
  const { t } = useTranslation('library-desk');
  if (edit.state === 'in_review' && edit.submittedAt) {
    return (
      <span>
        {t('workflow.inReviewSince')} <Time date={edit.submittedAt} />
      </span>
    );
  }
  if (edit.state === 'published') return <span>{t('workflow.publishedText')}</span>;
  if (edit.state === 'draft') return <span>{edit.published ? t('workflow.draftOverPublished', { number: edit.published.number }) : t('workflow.draftText')}</span>;
  return <span>{t('workflow.newText')}</span>;
}

function stepError(error: unknown, edit: SectionEdit, accountId: string): string {
  if (conflictOf(error)) return 'workflow.changed';
  const status = statusOf(error);
  const blocked = whyNotPublish(edit, accountId);
  if (status === 403) return blocked ? `workflow.blocked.${blocked}` : 'errors.forbidden';
  // NOTE: a 400 on the body is a text the server cannot render in time (one saved before the editor checked it).
  if (status === 400) return apiError(error)?.body.fields?.bodyMd ? 'workflow.tooComplex' : 'workflow.wrongState';
  return 'common:error.generic';
}

function ReturnForm({ pending, busy, onReturn }: { pending: boolean; busy: boolean; onReturn(note: string): Promise<boolean> }) {
  const { t } = useTranslation('library-desk');
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setError(true);
      return focusSoon(summary);
    }
    setError(false);
    if (await onReturn(note.trim())) setNote('');
  };
  return (
    <details className="return-form">
      <summary>{t('workflow.return')}</summary>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary items={error ? [{ id: `${id}-note`, label: t('workflow.note'), message: t('workflow.noteRequired') }] : []} summaryRef={summary} />
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('workflow.note')}</label>
          <span className="hint" id={`${id}-note-hint`}>
            {t('workflow.noteHint')}
          </span>
          <textarea
            id={`${id}-note`}
            rows={4}
            maxLength={NOTE_MAX}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-note-hint${error ? ` ${id}-note-error` : ''}`}
          />
          {error && (
            <span className="field-error" id={`${id}-note-error`}>
              {t('workflow.noteRequired')}
            </span>
          )}
        </div>
        <p>
          <BusyButton type="submit" className="secondary" busy={busy} disabled={pending}>
            {t('workflow.returnSubmit')}
          </BusyButton>
        </p>
      </form>
    </details>
  );
}
