// The dialogs of a referral: a status change that needs a reason and/or an outcome, and withdrawing consent.
// Focus stays inside while open (react-aria) and Escape closes.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'react-aria-components';
import { OUTCOMES_FOR, OUTCOME_REQUIRED } from '#shared/referrals/referral.schema.ts';
import type { Outcome } from '#shared/referrals/referral-vocabulary.ts';
import { NEEDS_REASON, type TaskStatus } from '#shared/referrals/task-status.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { SelectField, SubmitOrCancel, focusSoon } from '#web/components/ui/form.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';

/** Whether moving to `to` asks for anything before it is sent. */
export const needsDialog = (to: TaskStatus) => NEEDS_REASON.includes(to) || !!OUTCOMES_FOR[to];

export function StatusDialog(props: { to: TaskStatus; busy: boolean; error: string | null; onClose(): void; onConfirm(v: { reason: string | null; outcome: Outcome | null }): void }) {
  const { t } = useTranslation('referrals');
  const id = useId();
  const fits = OUTCOMES_FOR[props.to] ?? [];
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<string>(fits[0] ?? '');
  const [missing, setMissing] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const needsReason = NEEDS_REASON.includes(props.to);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (needsReason && !reason.trim()) {
      setMissing(true);
      focusSoon(errorRef);
      return;
    }
    props.onConfirm({ reason: needsReason ? reason.trim() : null, outcome: fits.length > 0 || OUTCOME_REQUIRED.includes(props.to) ? (outcome as Outcome) : null });
  };
  const action = t(`action.${props.to}`);
  return (
    <ModalDialog onClose={props.onClose}>
      <Heading slot="title" level={2}>
        {t('dialog.title', { action })}
      </Heading>
      <form className="stack" onSubmit={submit} noValidate>
        {(missing || props.error) && (
          <p className="alert error" role="alert" tabIndex={-1} ref={errorRef}>
            {props.error ?? `${t('dialog.reason')}: ${t('common:form.required')}`}
          </p>
        )}
        {needsReason && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('dialog.reason')}</label>
            <span className="hint" id={`${id}-reason-hint`}>
              {t('dialog.reasonHint')}
            </span>
            <textarea id={`${id}-reason`} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={`${id}-reason-hint`} aria-invalid={missing || undefined} />
          </div>
        )}
        {fits.length > 0 && (
          <SelectField id={`${id}-outcome`} label={t('dialog.outcome')} value={outcome} onChange={setOutcome} options={fits.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
        )}
        <SubmitOrCancel pending={props.busy} onCancel={props.onClose}>
          {action}
        </SubmitOrCancel>
      </form>
    </ModalDialog>
  );
}

export function WithdrawDialog(props: { busy: boolean; error: string | null; onClose(): void; onConfirm(): void }) {
  const { t } = useTranslation('referrals');
  return (
    <ModalDialog onClose={props.onClose} role="alertdialog">
      <Heading slot="title" level={2}>
        {t('dialog.withdrawTitle')}
      </Heading>
      {props.error && (
        <p className="alert error" role="alert">
          {props.error}
        </p>
      )}
      <p>{t('dialog.withdrawText')}</p>
      <div className="actions-row">
        <BusyButton busy={props.busy} className="danger" onClick={props.onConfirm}>
          {t('dialog.withdrawConfirm')}
        </BusyButton>
        <button type="button" className="secondary" onClick={props.onClose}>
          {t('common:form.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
