// Invitations on the members page: the invite form (email + roles) and the open invitations with resend / revoke.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '#shared/auth/roles.ts';
import { InvitationCreateSchema, type Invitation } from '#shared/organisations/invitation.schema.ts';
import { ErrorSummary, TextField, apiError, focusSoon, type FieldErrors } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { RoleCheckboxes, RoleList } from './role-fields.tsx';
import { LoadError } from './load-error.tsx';
import { useInvitationAction, useInvitations, useInvite } from './members.api.ts';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';

export function InvitationsSection() {
  const { t } = useTranslation('organisations');
  return (
    <>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('invite.heading')}</h2>
        <p>{t('invite.intro')}</p>
        <InviteForm />
      </section>
      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t('invitations.heading')}</h2>
        <InvitationsTable />
      </section>
    </>
  );
}

function InviteForm() {
  const { t } = useTranslation('organisations');
  const id = useId();
  const invite = useInvite();
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sent, setSent] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const fail = (next: FieldErrors) => {
    setErrors(next);
    setSent(false);
    focusSoon(summary);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = InvitationCreateSchema.safeParse({ email, roles });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((i) => String(i.path[0])));
      return fail({ email: fields.has('email') ? t('invite.errors.email') : undefined, roles: fields.has('roles') ? t('invite.errors.roles') : undefined });
    }
    try {
      await invite.mutateAsync(parsed.data);
      setEmail('');
      setRoles([]);
      setErrors({});
      setSent(true);
    } catch (error) {
      const status = apiError(error)?.status;
      fail(status === 409 ? { email: t('invite.errors.taken') } : { form: t(status === 403 ? 'common:error.forbidden' : 'common:error.generic') });
    }
  };

  const items = [
    errors.form ? { id: `${id}-email`, label: t('invite.heading'), message: errors.form } : null,
    errors.email ? { id: `${id}-email`, label: t('invite.email'), message: errors.email } : null,
    errors.roles ? { id: `${id}-roles`, label: t('invite.roles'), message: errors.roles } : null,
  ].filter((i) => i !== null);
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary items={items} summaryRef={summary} />
      <div role="status">{sent && <p className="alert success">{t('invite.sent')}</p>}</div>
      <TextField id={`${id}-email`} label={t('invite.email')} type="email" autoComplete="off" value={email} onChange={setEmail} error={errors.email} required />
      <RoleCheckboxes id={`${id}-roles`} legend={t('invite.roles')} value={roles} onChange={setRoles} error={errors.roles} />
      <p>
        <BusyButton type="submit" busy={invite.isPending} busyLabel={t('invite.sending')}>
          {t('invite.submit')}
        </BusyButton>
      </p>
    </form>
  );
}

function InvitationsTable() {
  const { t, i18n } = useTranslation('organisations');
  const invitations = useInvitations();
  const action = useInvitationAction();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const now = Date.now();

  const run = async (invitation: Invitation, kind: 'revoke' | 'resend') => {
    try {
      await action.mutateAsync({ id: invitation.id, action: kind });
      setNotice({ ok: true, text: t(kind === 'revoke' ? 'invitations.revoked' : 'invitations.resent', { email: invitation.email }) });
    } catch {
      setNotice({ ok: false, text: t('common:error.generic') });
    }
  };

  if (invitations.isPending) return <Loading />;
  if (invitations.isError) return <LoadError status={apiError(invitations.error)?.status ?? null} />;
  return (
    <>
      <div role="status">{notice?.ok && <p className="alert success">{notice.text}</p>}</div>
      {notice && !notice.ok && (
        <p className="alert error" role="alert">
          {notice.text}
        </p>
      )}
      {invitations.data.invitations.length === 0 ? (
        <p>{t('invitations.none')}</p>
      ) : (
        <TableWrap label={t('invitations.heading')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('invite.email')}</th>
                <th scope="col">{t('invite.roles')}</th>
                <th scope="col">{t('invitations.invitedBy')}</th>
                <th scope="col">{t('invitations.expires')}</th>
                <th scope="col">{t('members.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.invitations.map((inv) => (
                <tr key={inv.id}>
                  <th scope="row" className="nowrap">
                    {inv.email}
                  </th>
                  <td>
                    <RoleList roles={inv.roles} />
                  </td>
                  <td>{inv.invitedByName ?? '—'}</td>
                  <td>{inv.expiresAt.getTime() < now ? <strong>{t('invitations.expired')}</strong> : date.format(inv.expiresAt)}</td>
                  <td>
                    <div className="actions-row">
                      <BusyButton
                        className="secondary"
                        busy={action.isPending && action.variables.id === inv.id && action.variables.action === 'resend'}
                        disabled={action.isPending}
                        onClick={() => void run(inv, 'resend')}
                        aria-label={`${t('invitations.resend')}: ${inv.email}`}
                      >
                        {t('invitations.resend')}
                      </BusyButton>
                      <BusyButton
                        className="secondary"
                        busy={action.isPending && action.variables.id === inv.id && action.variables.action === 'revoke'}
                        disabled={action.isPending}
                        onClick={() => void run(inv, 'revoke')}
                        aria-label={`${t('invitations.revoke')}: ${inv.email}`}
                      >
                        {t('invitations.revoke')}
                      </BusyButton>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
