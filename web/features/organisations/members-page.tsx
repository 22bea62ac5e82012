// /admin/members: the members of the organisation (roles, two-factor, last sign-in), invitations, and the invite form.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '#shared/organisations/member.schema.ts';
import { Page } from '#web/components/page.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import { apiError, focusSoon } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { RoleList } from './role-fields.tsx';
import { InvitationsSection } from './invitations-section.tsx';
import { LoadError } from './load-error.tsx';
import { RemoveDialog, RolesDialog } from './member-dialogs.tsx';
import { useMembers } from './members.api.ts';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';

export function MembersPage() {
  const { t } = useTranslation('organisations');
  const me = useMe();
  const organisationName = me.data?.memberships.find((m) => m.organisationId === me.data?.organisationId)?.organisationName;
  return (
    <Page title={t('members.title')}>
      {organisationName && <p className="lead">{organisationName}</p>}
      <MembersSection />
      <InvitationsSection />
    </Page>
  );
}

function MembersSection() {
  const { t, i18n } = useTranslation('organisations');
  const members = useMembers();
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const done = (message: string) => {
    setEditing(null);
    setRemoving(null);
    setNotice(message);
    // NOTE: a removed member's buttons are gone, so focus goes back to the section heading.
    focusSoon(heading);
  };

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading" tabIndex={-1} ref={heading}>
        {t('members.heading')}
      </h2>
      <div role="status">{notice && <p className="alert success">{notice}</p>}</div>
      {members.isPending && <Loading />}
      {members.isError && <LoadError status={apiError(members.error)?.status ?? null} />}
      {members.data && (
        <TableWrap label={t('members.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('members.member')}</th>
                <th scope="col">{t('members.roles')}</th>
                <th scope="col">{t('members.twoFactor')}</th>
                <th scope="col">{t('members.lastSignIn')}</th>
                <th scope="col">{t('members.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {members.data.members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.displayName}
                    <span className="member-email">{m.email}</span>
                  </th>
                  <td>
                    <RoleList roles={m.roles} />
                  </td>
                  <td>{m.twoFactorEnabled ? t('members.twoFactorOn') : t('members.twoFactorOff')}</td>
                  <td>{m.lastSignInAt ? dateTime.format(m.lastSignInAt) : t('members.never')}</td>
                  <td>
                    <div className="actions-row">
                      <button type="button" className="secondary" onClick={() => setEditing(m)} aria-label={`${t('members.changeRoles')}: ${m.displayName}`}>
                        {t('members.changeRoles')}
                      </button>
                      <button type="button" className="secondary" onClick={() => setRemoving(m)} aria-label={`${t('members.remove')}: ${m.displayName}`}>
                        {t('members.remove')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {editing && (
        <RolesDialog key={editing.id} member={editing} onClose={() => setEditing(null)} onSaved={(m) => done(t('members.rolesSaved', { name: m.displayName }))} />
      )}
      {removing && (
        <RemoveDialog key={removing.id} member={removing} onClose={() => setRemoving(null)} onRemoved={(m) => done(t('members.removed', { name: m.displayName }))} />
      )}
    </section>
  );
}
