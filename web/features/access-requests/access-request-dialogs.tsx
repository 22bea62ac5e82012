// Dialogs of the requests page: approve (roles, and for platform admins the organisation), and confirm declining.
// Focus stays inside the dialog while it is open (react-aria) and Escape closes it.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'react-aria-components';
import { SUGGESTED_ROLE, type AccessRequest } from '#shared/access-requests/access-request.schema.ts';
import type { Role } from '#shared/auth/roles.ts';
import { SelectField, SubmitOrCancel, apiError, focusSoon } from '#web/components/ui/form.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { useOrganisations } from '#web/features/organisations/organisations.api.ts';
import { RoleCheckboxes } from '#web/features/organisations/role-fields.tsx';
import { useApproveRequest, useDeclineRequest } from './access-requests.api.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';

/** 409: someone else decided first; 404: gone (purged, or moved out of reach); 409 with a field: already a member. */
function errorKey(error: unknown): string {
  const api = apiError(error);
  if (api?.body.fields?.email) return 'admin.alreadyInvited';
  if (api?.body.fields?.organisationId) return 'admin.chooseOrganisation';
  if (api?.status === 409) return 'admin.alreadyHandled';
  if (api?.status === 404) return 'admin.gone';
  return 'common:error.generic';
}

export function ApproveDialog(props: { request: AccessRequest; placesAnywhere: boolean; onClose(): void; onDone(): void }) {
  const { t } = useTranslation('access');
  const approve = useApproveRequest();
  const id = useId();
  const { request } = props;
  const [roles, setRoles] = useState<Role[]>([SUGGESTED_ROLE[request.profession]]);
  const [organisationId, setOrganisationId] = useState(request.organisationId ?? '');
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fail = (key: string) => {
      setError(key);
      focusSoon(errorRef);
    };
    if (roles.length === 0) return fail('admin.noRoles');
    if (props.placesAnywhere && !organisationId) return fail('admin.chooseOrganisation');
    try {
      await approve.mutateAsync({ id: request.id, roles, ...(props.placesAnywhere ? { organisationId } : {}) });
      props.onDone();
    } catch (err) {
      fail(errorKey(err));
    }
  };
  return (
    <ModalDialog onClose={props.onClose}>
      <Heading slot="title" level={2}>{t('admin.approveDialog', { name: request.name })}</Heading>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {error && (
          <p className="alert error" role="alert" tabIndex={-1} ref={errorRef}>
            {t(error)}
          </p>
        )}
        <p>{t('admin.approveText')}</p>
        {props.placesAnywhere && <OrganisationPicker id={`${id}-organisation`} value={organisationId} onChange={setOrganisationId} />}
        <RoleCheckboxes id={`${id}-roles`} legend={t('admin.roles')} value={roles} onChange={setRoles} />
        <SubmitOrCancel pending={approve.isPending} pendingLabel={t('admin.approving')} onCancel={props.onClose}>
          {t('admin.approveConfirm')}
        </SubmitOrCancel>
      </form>
    </ModalDialog>
  );
}

/** Every organisation, for platform admins only (the list is theirs alone, so nobody else asks for it). */
function OrganisationPicker(props: { id: string; value: string; onChange(value: string): void }) {
  const { t } = useTranslation('access');
  const organisations = useOrganisations();
  const options = [{ value: '', label: t('form.choose') }, ...(organisations.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))];
  return <SelectField id={props.id} label={t('admin.organisation')} hint={t('admin.organisationHint')} value={props.value} onChange={props.onChange} options={options} />;
}

export function DeclineDialog(props: { request: AccessRequest; onClose(): void; onDone(): void }) {
  const { t } = useTranslation('access');
  const decline = useDeclineRequest();
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    try {
      await decline.mutateAsync(props.request.id);
      props.onDone();
    } catch (err) {
      setError(errorKey(err));
    }
  };
  return (
    <ModalDialog onClose={props.onClose} role="alertdialog">
      <Heading slot="title" level={2}>{t('admin.declineDialog', { name: props.request.name })}</Heading>
      <p>{t('admin.declineText')}</p>
      {error && (
        <p className="alert error" role="alert">
          {t(error)}
        </p>
      )}
      <div className="actions-row">
        <BusyButton className="danger" onClick={() => void confirm()} busy={decline.isPending} busyLabel={t('admin.declining')}>
          {t('admin.declineConfirm')}
        </BusyButton>
        <button type="button" className="secondary" onClick={props.onClose} autoFocus>
          {t('common:form.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
