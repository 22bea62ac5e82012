// /cases/:id/plans — the support plans of the categories the grant reads (goals, status, reviews over time) and the
// risk assessments of the case, oldest first so the change shows.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planCategoryOf, type SupportPlan } from '#shared/cases/follow-up.schema.ts';
import { PLAN_TYPES } from '#shared/cases/case-vocabulary.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { Tag } from '#web/components/ui/tag.tsx';
import { usePlanChanges, usePlans } from './assistance.api.ts';
import { writableOf } from './assistance-section.tsx';
import { saveFailure } from './case-form-parts.tsx';
import type { CaseSectionProps } from './case-sections.ts';
import { PlanForm, ReviewForm } from './plan-form.tsx';
import { RiskPanel } from './risk-panel.tsx';

type Dialog = { kind: 'plan'; plan: SupportPlan | null } | { kind: 'review'; plan: SupportPlan } | null;

export function PlansSection({ detail }: CaseSectionProps) {
  const { t } = useTranslation('case-assistance');
  const list = usePlans(detail.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const writable = writableOf(detail);
  const mayDraft = PLAN_TYPES.some((type) => writable.includes(planCategoryOf(type)));
  return (
    <>
      <Card labelledBy="plans-heading">
        <h2 id="plans-heading">{t('plans.heading')}</h2>
        {list.isPending && <Loading />}
        {list.isError && <Banner tone="error">{t('common.loadError')}</Banner>}
        {list.data && (
          <>
            <p>{t('plans.intro', { categories: list.data.categories.map((c) => t(`category.${c}`)).join(', ') })}</p>
            {mayDraft && (
              <p>
                <button type="button" onClick={() => setDialog({ kind: 'plan', plan: null })}>
                  {t('plans.add')}
                </button>
              </p>
            )}
            {list.data.plans.length === 0 ? (
              <p>{t('common.none')}</p>
            ) : (
              <ul className="case-records">
                {list.data.plans.map((p) => (
                  <li key={p.id} className="case-record">
                    <PlanView caseId={detail.id} plan={p} writable={writable.includes(p.category)} onDialog={setDialog} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Card>
      <RiskPanel detail={detail} writable={writable.includes('general')} />
      {dialog?.kind === 'plan' && <PlanForm caseId={detail.id} plan={dialog.plan} writable={writable} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'review' && <ReviewForm caseId={detail.id} plan={dialog.plan} onClose={() => setDialog(null)} />}
    </>
  );
}

function PlanView({ caseId, plan: p, writable, onDialog }: { caseId: string; plan: SupportPlan; writable: boolean; onDialog(d: Dialog): void }) {
  const { t, i18n } = useTranslation('case-assistance');
  const date = (day: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const { status } = usePlanChanges(caseId);
  const [error, setError] = useState<string | null>(null);
  const move = async (to: 'active' | 'completed' | 'discontinued') => {
    setError(null);
    try {
      await status.mutateAsync({ id: p.id, status: to, actualEnd: null, version: p.version });
    } catch (e) {
      setError(saveFailure(e, t).message);
    }
  };
  const headingId = `plan-${p.id}`;
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`plans.types.${p.type}`)} <Tag tone={p.status === 'active' ? 'published' : p.status === 'draft' ? 'draft' : 'neutral'}>{t(`plans.statuses.${p.status}`)}</Tag>
      </h3>
      {p.status === 'pending_approval' && <p className="hint">{t('plans.pendingNote')}</p>}
      {error && <Banner tone="error" role="alert">{error}</Banner>}
      {p.goals.length > 0 && (
        <>
          <h4>{t('plans.goals')}</h4>
          <ul>
            {p.goals.map((g, i) => (
              <li key={i}>
                {g.text} {g.done && <Tag tone="published">{t('tasks.done')}</Tag>}
              </li>
            ))}
          </ul>
        </>
      )}
      <dl className="facts">
        {p.objectives && (
          <>
            <dt>{t('plans.objectives')}</dt>
            <dd className="case-text">{p.objectives}</dd>
          </>
        )}
        {p.actionPlan && (
          <>
            <dt>{t('plans.actionPlan')}</dt>
            <dd className="case-text">{p.actionPlan}</dd>
          </>
        )}
        <dt>{t('plans.plannedEnd')}</dt>
        <dd>{p.plannedEnd ? date(p.plannedEnd) : t('common.notRecorded')}</dd>
        {p.actualEnd && (
          <>
            <dt>{t('plans.actualEnd')}</dt>
            <dd>{date(p.actualEnd)}</dd>
          </>
        )}
      </dl>
      <h4>{t('plans.reviews')}</h4>
      {p.reviews.length === 0 ? (
        <p>{t('plans.noReviews')}</p>
      ) : (
        <ol>
          {p.reviews.map((r) => (
            <li key={r.id}>
              {date(r.reviewedOn)}: <strong>{t(`plans.progressOf.${r.progress}`)}</strong>
              {r.note && <span className="case-text"> — {r.note}</span>}
            </li>
          ))}
        </ol>
      )}
      {writable && <PlanActions plan={p} busy={status.isPending} onDialog={onDialog} onMove={(to) => void move(to)} />}
    </article>
  );
}

function PlanActions({ plan: p, busy, onDialog, onMove }: { plan: SupportPlan; busy: boolean; onDialog(d: Dialog): void; onMove(to: 'active' | 'completed' | 'discontinued'): void }) {
  const { t } = useTranslation('case-assistance');
  return (
    <div className="actions-row">
      {(p.status === 'draft' || p.status === 'active') && (
        <button type="button" className="secondary" onClick={() => onDialog({ kind: 'plan', plan: p })}>
          {t('common.edit')}
        </button>
      )}
      {p.status === 'active' && (
        <button type="button" className="secondary" onClick={() => onDialog({ kind: 'review', plan: p })}>
          {t('plans.review')}
        </button>
      )}
      {p.status === 'draft' && (
        <BusyButton busy={busy} onClick={() => onMove('active')}>
          {t('plans.start')}
        </BusyButton>
      )}
      {p.status === 'active' && (
        <BusyButton busy={busy} onClick={() => onMove('completed')}>
          {t('plans.complete')}
        </BusyButton>
      )}
      {p.status !== 'completed' && p.status !== 'discontinued' && (
        <BusyButton busy={busy} className="secondary" onClick={() => onMove('discontinued')}>
          {t('plans.discontinue')}
        </BusyButton>
      )}
    </div>
  );
}
