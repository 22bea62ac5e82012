// /cases/:id/team — who works on the case and what each may see (grants per category), the owner marked. Those who
// may manage the team add people by e-mail, change grants, remove members and hand the case to a new owner.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseMemberView } from '#shared/cases/case.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { Tag } from '#web/components/ui/tag.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import type { CaseSectionProps } from './case-sections.ts';
import { AddMemberForm, GrantsDialog, HandOverDialog, RemoveDialog } from './team-dialogs.tsx';

type Dialog = { kind: 'grants' | 'remove' | 'owner'; member: CaseMemberView } | null;

export function CaseTeam({ detail }: CaseSectionProps) {
  const { t } = useTranslation('cases');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const manage = detail.grant.canManageTeam;
  // NOTE: nobody changes their own access (the server refuses it): one's own line offers no actions.
  const myAccountId = useMe().data?.account.id;
  // NOTE: only someone of the case's own organisation can own it (the server refuses anyone else).
  const ownerOrganisation = detail.team.find((m) => m.isOwner)?.organisationName;
  const finish = (message: string) => (setDialog(null), setDone(message));
  return (
    <Card labelledBy="team-title">
      <h2 id="team-title">{t('team.title')}</h2>
      <p className="hint">{t('team.lead')}</p>
      {done && (
        <Banner tone="success" role="status">
          <p>{done}</p>
        </Banner>
      )}
      <ul className="case-team">
        {detail.team.map((m) => (
          <MemberItem key={m.accountId} member={m} manage={manage && m.accountId !== myAccountId} mayOwn={m.organisationName === ownerOrganisation} onDialog={(kind) => (setDone(null), setDialog({ kind, member: m }))} />
        ))}
      </ul>
      {manage && <AddMemberForm detail={detail} onAdded={(name) => setDone(t('team.added', { name }))} />}
      {dialog?.kind === 'grants' && <GrantsDialog detail={detail} member={dialog.member} onClose={() => setDialog(null)} onDone={() => finish(t('team.grantsSaved', { name: dialog.member.displayName }))} />}
      {dialog?.kind === 'remove' && <RemoveDialog detail={detail} member={dialog.member} onClose={() => setDialog(null)} onDone={() => finish(t('team.removed', { name: dialog.member.displayName }))} />}
      {dialog?.kind === 'owner' && <HandOverDialog detail={detail} member={dialog.member} onClose={() => setDialog(null)} onDone={() => finish(t('team.handedOver', { name: dialog.member.displayName }))} />}
    </Card>
  );
}

function MemberItem({ member, manage, mayOwn, onDialog }: { member: CaseMemberView; manage: boolean; mayOwn: boolean; onDialog(kind: 'grants' | 'remove' | 'owner'): void }) {
  const { t } = useTranslation('cases');
  const roles = member.roles.map((r) => t(`organisations:roles.${r}`, { defaultValue: r })).join(', ');
  return (
    <li className="case-member">
      <p className="case-member-name">
        <strong>{member.displayName}</strong> {member.isOwner && <Tag tone="published">{t('team.owner')}</Tag>}
      </p>
      <p className="muted">
        {member.organisationName}
        {roles && ` · ${roles}`}
      </p>
      <p>
        {t('team.sees')} {member.grants.map((g) => t(`category.${g}`)).join(', ')}
      </p>
      {manage && !member.isOwner && (
        <div className="actions-row">
          <button type="button" className="secondary" onClick={() => onDialog('grants')}>
            {t('team.changeGrants')}
            <span className="visually-hidden"> {member.displayName}</span>
          </button>
          {mayOwn && (
            <button type="button" className="secondary" onClick={() => onDialog('owner')}>
              {t('team.makeOwner')}
              <span className="visually-hidden"> {member.displayName}</span>
            </button>
          )}
          <button type="button" className="secondary" onClick={() => onDialog('remove')}>
            {t('team.remove')}
            <span className="visually-hidden"> {member.displayName}</span>
          </button>
        </div>
      )}
    </li>
  );
}

