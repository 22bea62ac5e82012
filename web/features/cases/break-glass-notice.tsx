// What the case page says above every part about the case's workflow: emergency (break-glass) access — to the team,
// who opened the case, when, until when and why; to the coordinator holding it, until when, and a way to end it —
// and a closure waiting for a coordinator's approval.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '#shared/cases/case.schema.ts';
import type { BreakGlassView } from '#shared/cases/case-workflow.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { useEndBreakGlass, useWorkflow } from './case-workflow.api.ts';

/** Openings shown in the banner: open ones, and those of the last two weeks (the full list is in the section). */
const RECENT_MS = 14 * 24 * 3_600_000;

export function BreakGlassList({ openings }: { openings: BreakGlassView[] }) {
  const { t, i18n } = useTranslation('case-workflow');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ul className="stack">
      {openings.map((b) => (
        <li key={b.id}>
          <p>
            {t(b.open ? 'breakGlass.lineOpen' : 'breakGlass.lineClosed', {
              name: b.accountName,
              opened: date.format(b.openedAt),
              until: date.format(b.endedAt && b.endedAt < b.expiresAt ? b.endedAt : b.expiresAt),
            })}
          </p>
          <p>
            {t('breakGlass.reason')} {b.reason}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function CaseWorkflowNotices({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('case-workflow');
  const workflow = useWorkflow(detail.id, detail.grant.categories.includes('general'));
  const end = useEndBreakGlass(detail.id);
  const [error, setError] = useState<string | null>(null);
  if (!workflow.data) return null;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const mine = workflow.data.breakGlass.find((b) => b.mine && b.open);
  const now = Date.now();
  const others = workflow.data.breakGlass.filter((b) => !b.mine && (b.open || now - b.openedAt.getTime() < RECENT_MS));
  const waiting = workflow.data.closureBlockers.includes('closure_waiting_for_approval');
  const endNow = async () => {
    setError(null);
    try {
      await end.mutateAsync();
    } catch (e) {
      setError(apiError(e)?.body.message ?? t('common:error.generic'));
    }
  };
  return (
    <>
      {mine && (
        <Banner tone="warning" title={t('breakGlass.mineTitle')}>
          <p>{t('breakGlass.mineText', { until: date.format(mine.expiresAt) })}</p>
          {error && <p role="alert">{error}</p>}
          <BusyButton className="secondary" busy={end.isPending} onClick={() => void endNow()}>
            {t('breakGlass.end')}
          </BusyButton>
        </Banner>
      )}
      {others.length > 0 && (
        <Banner tone="warning" title={t('breakGlass.bannerTitle')}>
          <BreakGlassList openings={others} />
        </Banner>
      )}
      {waiting && <Banner>{t('status.waitingBanner')}</Banner>}
    </>
  );
}
