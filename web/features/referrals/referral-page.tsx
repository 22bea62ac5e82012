// /referrals/:id — one referral as the caller's side sees it: the receiver reads the package; the sender sees
// status, outcome and history. Buttons only for the moves the shared state machine allows this side now.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ReferralDetail } from '#shared/referrals/referral.schema.ts';
import type { Outcome } from '#shared/referrals/referral-vocabulary.ts';
import { TERMINAL_STATUSES, type TaskStatus } from '#shared/referrals/task-status.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import { ReferralHistory, ReferralSummary } from './referral-summary.tsx';
import { PackageVersionForm } from './package-version-form.tsx';
import { PackageView } from './referral-package-view.tsx';
import { StatusText } from './referral-badges.tsx';
import { useChangeStatus, useReferral, useWithdrawConsent } from './referrals.api.ts';
import { StatusDialog, WithdrawDialog, needsDialog } from './status-dialog.tsx';

export function ReferralPage() {
  const { t } = useTranslation('referrals');
  const { id = '' } = useParams();
  const referral = useReferral(id);
  return (
    <Page title={t('detail.title')}>
      <p>
        <Link to={referral.data?.side === 'sender' ? '/referrals?box=outgoing' : '/referrals'}>{t('detail.back')}</Link>
      </p>
      {referral.isPending && <Loading />}
      {referral.isError && (
        <Banner tone="error" role="alert">
          {apiError(referral.error)?.status === 404 ? t('detail.notFound') : t('detail.loadError')}
        </Banner>
      )}
      {referral.data && <ReferralBody referral={referral.data} />}
    </Page>
  );
}

function ConsentNotice({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation('referrals');
  if (referral.consentState === 'withdrawn') {
    return (
      <Banner tone="warning" title={t('badge.consentWithdrawn')}>
        <p>{referral.side === 'receiver' ? t('detail.consentWithdrawnReceiver') : t('detail.consentWithdrawnSender')}</p>
      </Banner>
    );
  }
  if (referral.consentState === 'expired') return <Banner tone="warning">{t('detail.consentExpired')}</Banner>;
  return null;
}

function ReferralBody({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation('referrals');
  const [versioning, setVersioning] = useState(false);
  const [versioned, setVersioned] = useState(false);
  const canVersion = referral.side === 'sender' && !!referral.package && referral.consentState === 'active' && !TERMINAL_STATUSES.includes(referral.status);
  return (
    <div className="referral-detail">
      <p className="referral-reference">{t('detail.reference', { reference: referral.reference })}</p>
      <p className="referral-status-line">
        {t('detail.statusLabel')}{' '}
        <strong>
          <StatusText status={referral.status} outcome={referral.outcome} />
        </strong>
      </p>
      <ConsentNotice referral={referral} />
      {referral.external && <Banner>{t('detail.external')}</Banner>}
      <Actions referral={referral} />
      <ReferralSummary referral={referral} />
      {versioned && (
        <Banner tone="success" role="status">
          <p>{t('detail.versionSaved')}</p>
        </Banner>
      )}
      {versioning ? (
        <Card>
          <PackageVersionForm referral={referral} onDone={() => (setVersioning(false), setVersioned(true))} onCancel={() => setVersioning(false)} />
        </Card>
      ) : (
        referral.package && <PackageView pack={referral.package} />
      )}
      {canVersion && !versioning && (
        <p>
          <button type="button" className="secondary" onClick={() => (setVersioned(false), setVersioning(true))}>
            {t('detail.newVersion')}
          </button>
        </p>
      )}
      <CaseLink referral={referral} />
      <ReferralHistory referral={referral} />
    </div>
  );
}

/** The receiver's way from an accepted referral to its case: open one (case managers, coordinators) or go to it. */
function CaseLink({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation('referrals');
  const me = useMe();
  if (referral.side !== 'receiver') return null;
  if (referral.caseId) {
    return (
      <p>
        <Link to={`/cases/${referral.caseId}`}>{t('detail.goToCase')}</Link>
      </p>
    );
  }
  const mayOpen = me.data?.roles.some((r) => r === 'case_manager' || r === 'coordinator') ?? false;
  if (!mayOpen || (referral.status !== 'accepted' && referral.status !== 'in-progress')) return null;
  // NOTE: the referral id travels in router state, never in the address (nothing about a person in URLs or history).
  return (
    <p>
      <Link className="button" to="/cases/new" state={{ referralId: referral.id }}>
        {t('detail.openCase')}
      </Link>
    </p>
  );
}

function Actions({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation('referrals');
  const change = useChangeStatus(referral.id);
  const withdraw = useWithdrawConsent();
  const [asking, setAsking] = useState<TaskStatus | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);

  const run = async (to: TaskStatus, extra: { reason: string | null; outcome: Outcome | null } = { reason: null, outcome: null }) => {
    try {
      await change.mutateAsync({ to, ...extra });
      setAsking(null);
      setMessage({ tone: 'success', text: t('dialog.done', { status: t(`status.${to}`) }) });
    } catch (error) {
      const api = apiError(error);
      const current = (api?.body.current as { status?: TaskStatus } | undefined)?.status;
      const text = api?.status === 409 && current ? t('dialog.conflict', { status: t(`status.${current}`) }) : (api?.body.message ?? t('common:error.generic'));
      if (asking) setDialogError(text);
      else setMessage({ tone: 'error', text });
    }
  };
  const onWithdraw = async () => {
    try {
      const result = await withdraw.mutateAsync(referral.consentId!);
      setWithdrawing(false);
      setMessage({ tone: 'success', text: t('dialog.withdrawn', { count: result.cancelledReferrals ?? 0 }) });
    } catch (error) {
      setDialogError(apiError(error)?.body.message ?? t('common:error.generic'));
    }
  };
  // NOTE: a consent recorded in a case is withdrawn in the case (its team and the members it let in go with it).
  const fromCase = referral.side === 'sender' ? (referral.sourceCaseId ?? null) : null;
  const canWithdraw = referral.side === 'sender' && !fromCase && referral.consentId && referral.consentState === 'active';
  return (
    <Card labelledBy="referral-actions">
      <h2 id="referral-actions">{t('detail.actions')}</h2>
      {message && (
        <Banner tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
        </Banner>
      )}
      {referral.nextStatuses.length === 0 && !canWithdraw && <p className="muted">{t('detail.noActions')}</p>}
      <div className="actions-row">
        {referral.nextStatuses.map((to) => (
          <BusyButton
            key={to}
            busy={change.isPending && change.variables?.to === to}
            className={to === 'cancelled' || to === 'entered-in-error' || to === 'rejected' ? 'secondary' : undefined}
            onClick={() => (setDialogError(null), needsDialog(to) ? setAsking(to) : void run(to))}
          >
            {t(`action.${to}`)}
          </BusyButton>
        ))}
        {fromCase && referral.consentState === 'active' && (
          <Link className="button danger" to={`/cases/${fromCase}/consent`}>
            {t('detail.withdrawConsent')}
          </Link>
        )}
        {canWithdraw && (
          <button type="button" className="danger" onClick={() => (setDialogError(null), setWithdrawing(true))}>
            {t('detail.withdrawConsent')}
          </button>
        )}
      </div>
      {asking && <StatusDialog to={asking} busy={change.isPending} error={dialogError} onClose={() => setAsking(null)} onConfirm={(v) => void run(asking, v)} />}
      {withdrawing && <WithdrawDialog busy={withdraw.isPending} error={dialogError} onClose={() => setWithdrawing(false)} onConfirm={() => void onWithdraw()} />}
    </Card>
  );
}
