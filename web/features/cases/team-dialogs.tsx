// Changing the case team: adding someone by e-mail (grants prefilled from the role they will work in, the manager
// ticks the rest), changing a member's grants (optimistic locking), removing a member and handing the case over, each
// confirmed in a dialog. General is always held: nobody works on a case without its context.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'react-aria-components';
import { CASE_CATEGORIES, DEFAULT_GRANTS, type CaseCategory } from '#shared/cases/case-vocabulary.ts';
import type { CaseDetail, CaseMemberView } from '#shared/cases/case.schema.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { apiError, ErrorSummary, SelectField, SubmitButton, SubmitOrCancel, TextField, useFormErrors } from '#web/components/ui/form.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { useTeamChange } from './cases.api.ts';

const ROLES_WITH_DEFAULTS = Object.keys(DEFAULT_GRANTS);

function GrantTicks({ legend, chosen, onChange, idPrefix }: { legend: string; chosen: CaseCategory[]; onChange(g: CaseCategory[]): void; idPrefix: string }) {
  const { t } = useTranslation('cases');
  const toggle = (c: CaseCategory) => onChange(chosen.includes(c) ? chosen.filter((x) => x !== c) : [...chosen, c]);
  return (
    <fieldset className="case-answer" aria-describedby={`${idPrefix}-grants-hint`}>
      <legend>{legend}</legend>
      <p className="hint" id={`${idPrefix}-grants-hint`}>
        {t('team.grantsHint')}
      </p>
      <div className="check-grid">
        {CASE_CATEGORIES.map((c) => (
          <label key={c} className="checkbox">
            <input type="checkbox" checked={c === 'general' || chosen.includes(c)} disabled={c === 'general'} onChange={() => toggle(c)} /> {t(`category.${c}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const errorText = (error: unknown, fallback: string) => apiError(error)?.body.message ?? fallback;

export function AddMemberForm({ detail, onAdded }: { detail: CaseDetail; onAdded(email: string): void }) {
  const { t } = useTranslation('cases');
  const id = useId();
  const { add } = useTeamChange(detail.id);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('medical_professional');
  const [grants, setGrants] = useState<CaseCategory[]>([...DEFAULT_GRANTS.medical_professional!]);
  const { errors, formError, summaryRef, fail, clear } = useFormErrors();
  const chooseRole = (r: string) => (setRole(r), setGrants([...(DEFAULT_GRANTS[r] ?? ['general'])]));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim()) return fail({ email: t('team.emailRequired') });
    clear();
    try {
      await add.mutateAsync({ email: email.trim(), grants: ['general', ...grants.filter((g) => g !== 'general')] });
      onAdded(email.trim());
      setEmail('');
    } catch (error) {
      const api = apiError(error);
      if (api?.body.fields?.email) return fail({ email: t('team.noSuchAccount') });
      // NOTE: a member from another organisation is a share of the case: the person's consent must name it first.
      if (api?.body.fields?.consent) return fail({}, t('team.needsConsent'));
      if (api?.body.fields?.grants) return fail({}, t('team.identityNeedsConsent'));
      fail({}, api?.status === 409 ? t('team.alreadyMember') : errorText(error, t('common:error.generic')));
    }
  };
  return (
    <form className="case-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('team.addTitle')}</h3>
      <ErrorSummary items={errors.email ? [{ id: `${id}-email`, label: t('team.email'), message: errors.email }] : []} formError={formError} summaryRef={summaryRef} />
      <TextField id={`${id}-email`} type="email" label={t('team.email')} hint={t('team.emailHint')} value={email} onChange={setEmail} error={errors.email} maxLength={254} />
      <SelectField id={`${id}-role`} label={t('team.role')} hint={t('team.roleHint')} value={role} onChange={chooseRole} options={ROLES_WITH_DEFAULTS.map((r) => ({ value: r, label: t(`organisations:roles.${r}`) }))} />
      <GrantTicks legend={t('team.grants')} chosen={grants} onChange={setGrants} idPrefix={id} />
      <SubmitButton pending={add.isPending}>{t('team.add')}</SubmitButton>
    </form>
  );
}

interface MemberDialogProps {
  detail: CaseDetail;
  member: CaseMemberView;
  onClose(): void;
  onDone(): void;
}

export function GrantsDialog({ detail, member, onClose, onDone }: MemberDialogProps) {
  const { t } = useTranslation('cases');
  const id = useId();
  const { update } = useTeamChange(detail.id);
  const [grants, setGrants] = useState<CaseCategory[]>(member.grants);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await update.mutateAsync({ accountId: member.accountId, grants: ['general', ...grants.filter((g) => g !== 'general')], version: member.version });
      onDone();
    } catch (err) {
      const api = apiError(err);
      // NOTE: a member of another organisation gets identity only under a share consent that covers it (422 on grants).
      setError(api?.status === 409 ? t('team.grantsConflict') : api?.body.fields?.grants ? t('team.identityNeedsConsent') : errorText(err, t('common:error.generic')));
    }
  };
  return (
    <ModalDialog onClose={onClose}>
      <Heading slot="title" level={2}>
        {t('team.grantsTitle', { name: member.displayName })}
      </Heading>
      <form className="stack" onSubmit={submit} noValidate>
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
        <GrantTicks legend={t('team.grants')} chosen={grants} onChange={setGrants} idPrefix={id} />
        <SubmitOrCancel pending={update.isPending} onCancel={onClose}>
          {t('team.saveGrants')}
        </SubmitOrCancel>
      </form>
    </ModalDialog>
  );
}

/** A confirmation of something that changes who may see the case: an alert dialog with the action and Cancel. */
function Confirm(props: { title: string; text: string; action: string; busy: boolean; error: string | null; onClose(): void; onConfirm(): void }) {
  const { t } = useTranslation();
  return (
    <ModalDialog onClose={props.onClose} role="alertdialog">
      <Heading slot="title" level={2}>
        {props.title}
      </Heading>
      {props.error && (
        <p className="alert error" role="alert">
          {props.error}
        </p>
      )}
      <p>{props.text}</p>
      <div className="actions-row">
        <BusyButton busy={props.busy} onClick={props.onConfirm}>
          {props.action}
        </BusyButton>
        <button type="button" className="secondary" onClick={props.onClose}>
          {t('common:form.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}

export function RemoveDialog({ detail, member, onClose, onDone }: MemberDialogProps) {
  const { t } = useTranslation('cases');
  const { remove } = useTeamChange(detail.id);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    try {
      await remove.mutateAsync(member.accountId);
      onDone();
    } catch (err) {
      setError(errorText(err, t('common:error.generic')));
    }
  };
  const name = member.displayName;
  return <Confirm title={t('team.removeTitle', { name })} text={t('team.removeText', { name })} action={t('team.remove')} busy={remove.isPending} error={error} onClose={onClose} onConfirm={() => void confirm()} />;
}

export function HandOverDialog({ detail, member, onClose, onDone }: MemberDialogProps) {
  const { t } = useTranslation('cases');
  const { handOver } = useTeamChange(detail.id);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    try {
      await handOver.mutateAsync({ accountId: member.accountId, version: detail.version });
      onDone();
    } catch (err) {
      setError(apiError(err)?.status === 409 ? t('team.handOverConflict') : errorText(err, t('common:error.generic')));
    }
  };
  const name = member.displayName;
  return <Confirm title={t('team.handOverTitle', { name })} text={t('team.handOverText', { name })} action={t('team.makeOwner')} busy={handOver.isPending} error={error} onClose={onClose} onConfirm={() => void confirm()} />;
}
