// Dialogs of the members table: change a member's roles, and confirm removing a member. Focus stays inside the
// dialog while it is open (react-aria) and Escape closes it.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'react-aria-components';
import type { Role } from '#shared/auth/roles.ts';
import type { Member } from '#shared/organisations/member.schema.ts';
import { SubmitOrCancel, apiError, focusSoon } from '#web/components/ui/form.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { RoleCheckboxes } from './role-fields.tsx';
import { useChangeRoles, useRemoveMember } from './members.api.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';

/** 409 with `current` = someone else saved first; 409 without = the organisation would lose its last admin. */
function errorKey(error: unknown): string {
  const api = apiError(error);
  if (api?.status === 409) return api.body.current ? 'members.conflict' : 'members.lastAdmin';
  if (api?.status === 404) return 'members.gone';
  return 'common:error.generic';
}

/** Rendered only while open; the parent keys it by member so each opening starts from the member's roles. */
export function RolesDialog(props: { member: Member; onClose(): void; onSaved(member: Member): void }) {
  const { t } = useTranslation('organisations');
  const change = useChangeRoles();
  const id = useId();
  const [roles, setRoles] = useState<Role[]>(props.member.roles);
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const { member } = props;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0) return setError('members.noRoles');
    try {
      const saved = await change.mutateAsync({ id: member.id, roles, version: member.version });
      props.onSaved(saved);
    } catch (err) {
      setError(errorKey(err));
      focusSoon(errorRef);
    }
  };
  return (
    <ModalDialog onClose={props.onClose}>
      <Heading slot="title" level={2}>{t('members.rolesDialog', { name: member.displayName })}</Heading>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {error && (
          <p className="alert error" role="alert" tabIndex={-1} ref={errorRef}>
            {t(error)}
          </p>
        )}
        <RoleCheckboxes id={`${id}-roles`} legend={t('members.roles')} value={roles} onChange={setRoles} />
        <SubmitOrCancel pending={change.isPending} pendingLabel={t('common:form.saving')} onCancel={props.onClose}>
          {t('common:form.save')}
        </SubmitOrCancel>
      </form>
    </ModalDialog>
  );
}

export function RemoveDialog(props: { member: Member; onClose(): void; onRemoved(member: Member): void }) {
  const { t } = useTranslation('organisations');
  const remove = useRemoveMember();
  const [error, setError] = useState<string | null>(null);
  const { member } = props;

  const confirm = async () => {
    try {
      await remove.mutateAsync(member.id);
      props.onRemoved(member);
    } catch (err) {
      setError(errorKey(err));
    }
  };
  return (
    <ModalDialog onClose={props.onClose} role="alertdialog">
      <Heading slot="title" level={2}>{t('members.removeDialog', { name: member.displayName })}</Heading>
      <p>{t('members.removeText')}</p>
      {error && (
        <p className="alert error" role="alert">
          {t(error)}
        </p>
      )}
      <div className="actions-row">
        <BusyButton className="danger" onClick={() => void confirm()} busy={remove.isPending}>
          {t('members.removeConfirm')}
        </BusyButton>
        <button type="button" className="secondary" onClick={props.onClose} autoFocus>
          {t('common:form.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
