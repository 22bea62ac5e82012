// The words beside a referral: its status in plain language (with the outcome once it ended) and the tags that
// need attention — overdue, urgent, outside the platform, consent withdrawn. Words, never colour alone.
import { useTranslation } from 'react-i18next';
import type { Outcome } from '#shared/referrals/referral-vocabulary.ts';
import type { TaskStatus } from '#shared/referrals/task-status.ts';
import { Tag } from '#web/components/ui/tag.tsx';

export function StatusText({ status, outcome }: { status: TaskStatus; outcome: Outcome | null }) {
  const { t } = useTranslation('referrals');
  const name = t(`status.${status}`);
  return <>{outcome ? t('detail.outcomeLine', { status: name, outcome: t(`outcome.${outcome}`) }) : name}</>;
}

export function ReferralTags(p: { overdue: boolean; urgency: string; external: boolean; consentWithdrawn: boolean; escalated?: boolean }) {
  const { t } = useTranslation('referrals');
  if (!p.overdue && !p.escalated && p.urgency !== 'urgent' && !p.external && !p.consentWithdrawn) return null;
  return (
    <span className="referral-tags">
      {p.overdue && <Tag tone="warning">{t('badge.overdue')}</Tag>}
      {p.escalated && <Tag tone="warning">{t('badge.escalated')}</Tag>}
      {p.urgency === 'urgent' && <Tag tone="warning">{t('badge.urgent')}</Tag>}
      {p.external && <Tag>{t('badge.external')}</Tag>}
      {p.consentWithdrawn && <Tag tone="warning">{t('badge.consentWithdrawn')}</Tag>}
    </span>
  );
}
