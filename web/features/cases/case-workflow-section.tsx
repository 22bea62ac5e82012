// /cases/:id/workflow — the case's status and its moves, what blocks closure, the approvals it waits for or got,
// and every emergency (break-glass) opening: who, when, until when and why.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CLOSED_STATUSES } from '#shared/cases/case-vocabulary.ts';
import type { ApprovalView, CaseWorkflow } from '#shared/cases/case-workflow.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { Tag } from '#web/components/ui/tag.tsx';
import { BreakGlassList } from './break-glass-notice.tsx';
import type { CaseSectionProps } from './case-sections.ts';
import { useChangeStatus, useDecideApproval, useWorkflow } from './case-workflow.api.ts';
import { StatusDialog, type StatusMove } from './status-dialog.tsx';

export function CaseWorkflowSection({ detail }: CaseSectionProps) {
  const { t } = useTranslation('case-workflow');
  const workflow = useWorkflow(detail.id);
  if (workflow.isPending) return <Loading />;
  if (workflow.isError) {
    return (
      <Banner tone="error" role="alert">
        {t('loadError')}
      </Banner>
    );
  }
  const w = workflow.data;
  return (
    <div className="stack">
      <StatusCard w={w} />
      <Part title={t('approvals.title')}>{w.approvals.length === 0 ? <p>{t('approvals.none')}</p> : <ApprovalList approvals={w.approvals} />}</Part>
      <Part title={t('breakGlass.historyTitle')}>{w.breakGlass.length === 0 ? <p>{t('breakGlass.none')}</p> : <BreakGlassList openings={w.breakGlass} />}</Part>
    </div>
  );
}

/** One part of the section: a card labelled by its heading. */
function Part({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card labelledBy={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </Card>
  );
}

function movesOf(w: CaseWorkflow): StatusMove[] {
  if (CLOSED_STATUSES.includes(w.status)) return ['reopen'];
  return [w.status === 'Active' ? 'FollowUp' : 'Active', 'close'];
}

function StatusCard({ w }: { w: CaseWorkflow }) {
  const { t, i18n } = useTranslation('case-workflow');
  const change = useChangeStatus(w.caseId);
  const [move, setMove] = useState<StatusMove | null>(null);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const waiting = w.closureBlockers.includes('closure_waiting_for_approval');
  return (
    <Part title={t('status.title')}>
      <p>
        {t('status.current')} <strong>{t(`cases:status.${w.status}`)}</strong> {waiting && <Tag tone="warning">{t('status.waiting')}</Tag>}
      </p>
      {w.closedAt && w.closureReason && <p>{t('status.closedOn', { date: date.format(w.closedAt), reason: t(`closureReason.${w.closureReason}`) })}</p>}
      {w.closureNote && (
        <p>
          {t('status.note')} {w.closureNote}
        </p>
      )}
      {w.closureBlockers.length > 0 && (
        <Banner tone="warning" title={t('status.blockedTitle')}>
          <ul>
            {w.closureBlockers.map((b) => (
              <li key={b}>{t(`blocker.${b}`)}</li>
            ))}
          </ul>
        </Banner>
      )}
      {w.canChangeStatus && (
        <div className="actions-row">
          {movesOf(w).map((m) => (
            <button key={m} type="button" className={m === 'close' ? 'secondary' : undefined} disabled={m === 'close' && w.closureBlockers.length > 0} onClick={() => setMove(m)}>
              {t(`action.${m}`)}
            </button>
          ))}
        </div>
      )}
      {move && <StatusDialog move={move} version={w.version} needsApproval={w.closureNeedsApproval} onClose={() => setMove(null)} onSubmit={(body) => change.mutateAsync(body)} />}
    </Part>
  );
}

function ApprovalList({ approvals }: { approvals: ApprovalView[] }) {
  const { t, i18n } = useTranslation('case-workflow');
  const decide = useDecideApproval();
  const [error, setError] = useState<string | null>(null);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const withdraw = async (id: string) => {
    setError(null);
    try {
      await decide.mutateAsync({ id, verb: 'withdraw' });
    } catch (e) {
      setError(apiError(e)?.body.message ?? t('common:error.generic'));
    }
  };
  return (
    <>
      {error && (
        <Banner tone="error" role="alert">
          {error}
        </Banner>
      )}
      <ul className="stack">
        {approvals.map((a) => (
          <li key={a.id}>
            <p>
              <strong>{t(`kind.${a.kind}`)}</strong> <Tag tone={a.status === 'pending' ? 'warning' : 'neutral'}>{t(`approvalStatus.${a.status}`)}</Tag>
            </p>
            {a.to && a.reason && <p>{t('approvals.asked', { status: t(`cases:status.${a.to}`), reason: t(`closureReason.${a.reason}`) })}</p>}
            <p>{t('approvals.requested', { name: a.requestedByName ?? t('someone'), date: date.format(a.requestedAt) })}</p>
            {a.decidedAt && <p>{t('approvals.decided', { name: a.decidedByName ?? t('someone'), date: date.format(a.decidedAt) })}</p>}
            {a.decisionNote && (
              <p>
                {t('approvals.note')} {a.decisionNote}
              </p>
            )}
            {a.status === 'pending' && a.mine && (
              <BusyButton className="secondary" busy={decide.isPending} onClick={() => void withdraw(a.id)}>
                {t('approvals.withdraw')}
              </BusyButton>
            )}
            {a.status === 'pending' && !a.mine && <Link to="/cases/approvals">{t('approvals.decideThere')}</Link>}
          </li>
        ))}
      </ul>
    </>
  );
}
