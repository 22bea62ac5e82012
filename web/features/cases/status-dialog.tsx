// The dialog of a status move: follow-up, back to active and reopening ask only for confirmation; closing asks how
// (closed, or closed and referred on), why (a reason code) and an optional note, kept encrypted. The server decides
// again (422 with the reason when the status or the child path says no; 409 when someone changed the case).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'react-aria-components';
import { CLOSURE_REASONS, type CaseStatus } from '#shared/cases/case-vocabulary.ts';
import type { CaseStatusChange } from '#shared/cases/case-workflow.schema.ts';
import { ErrorSummary, SelectField, SubmitOrCancel, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { Banner } from '#web/components/ui/banner.tsx';

export type StatusMove = 'FollowUp' | 'Active' | 'close' | 'reopen';

export function StatusDialog(props: { move: StatusMove; version: number; needsApproval: boolean; onClose(): void; onSubmit(body: CaseStatusChange): Promise<unknown> }) {
  const { t } = useTranslation('case-workflow');
  const id = useId();
  const form = useFormErrors();
  const [to, setTo] = useState<CaseStatus>('Closed');
  const [reason, setReason] = useState<string>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const closing = props.move === 'close';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (closing && !reason) return form.fail({ reason: t('common:form.required') });
    setBusy(true);
    try {
      const target: CaseStatus = props.move === 'close' ? to : props.move === 'reopen' ? 'Active' : props.move;
      await props.onSubmit({ to: target, version: props.version, ...(closing ? { reason: reason as CaseStatusChange['reason'], ...(note.trim() ? { note: note.trim() } : {}) } : {}) });
      props.onClose();
    } catch (error) {
      const api = apiError(error);
      form.fail(api?.body.fields ?? {}, api?.status === 409 ? t('dialog.conflict') : (api?.body.message ?? t('common:error.generic')));
    } finally {
      setBusy(false);
    }
  };
  const items = Object.entries(form.errors).map(([k, message]) => ({ id: `${id}-${k === 'note' ? 'note' : 'reason'}`, label: t(k === 'note' ? 'dialog.note' : 'dialog.reason'), message: message ?? '' }));
  return (
    <ModalDialog onClose={props.onClose}>
      <Heading slot="title" level={2}>
        {t(`dialog.title.${props.move}`)}
      </Heading>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
        {closing && props.needsApproval && <Banner>{t('dialog.approvalNeeded')}</Banner>}
        {!closing && <p>{t(`dialog.text.${props.move}`)}</p>}
        {closing && (
          <>
            <SelectField id={`${id}-to`} label={t('dialog.closeAs')} value={to} onChange={(v) => setTo(v as CaseStatus)} options={(['Closed', 'ClosedReferred'] as const).map((s) => ({ value: s, label: t(`cases:status.${s}`) }))} />
            <SelectField
              id={`${id}-reason`}
              label={t('dialog.reason')}
              value={reason}
              onChange={setReason}
              error={form.errors.reason}
              options={[{ value: '', label: t('dialog.choose') }, ...CLOSURE_REASONS.map((r) => ({ value: r, label: t(`closureReason.${r}`) }))]}
            />
            <div className="field">
              <label htmlFor={`${id}-note`}>{t('dialog.note')}</label>
              <span className="hint" id={`${id}-note-hint`}>
                {t('dialog.noteHint')}
              </span>
              <textarea id={`${id}-note`} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={`${id}-note-hint`} aria-invalid={form.errors.note ? true : undefined} />
            </div>
          </>
        )}
        <SubmitOrCancel pending={busy} onCancel={props.onClose}>
          {t(`action.${props.move}`)}
        </SubmitOrCancel>
      </form>
    </ModalDialog>
  );
}
