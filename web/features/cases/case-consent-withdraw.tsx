// Withdrawing a consent: an alert dialog that first lists what will stop (open referrals cancelled, team members of
// the named organisation leaving, assistance records citing it), then, once withdrawn, what did stop.
import { useState } from 'react';
import { Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseConsentWithdrawal, ConsentReliance } from '#shared/cases/case-consent.schema.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { useConsentReliance, useWithdrawCaseConsent } from './case-consent.api.ts';

export function WithdrawConsentDialog(props: { caseId: string; consentId: string; onClose(): void }) {
  const { t } = useTranslation('case-consent');
  const reliance = useConsentReliance(props.caseId, props.consentId);
  const withdraw = useWithdrawCaseConsent(props.caseId);
  const [done, setDone] = useState<CaseConsentWithdrawal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    try {
      setDone(await withdraw.mutateAsync(props.consentId));
    } catch (e) {
      setError(apiError(e)?.body.message ?? t('common:error.generic'));
    }
  };
  return (
    <ModalDialog onClose={props.onClose} role="alertdialog">
      <Heading slot="title" level={2}>
        {done ? t('withdraw.done') : t('withdraw.title')}
      </Heading>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      {done ? (
        <>
          <p role="status">{t('withdraw.stopped')}</p>
          <Stopped affected={done.affected} />
          <div className="actions-row">
            <button type="button" onClick={props.onClose}>
              {t('withdraw.close')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('withdraw.lead')}</p>
          {reliance.isPending ? <Loading /> : reliance.data && <WillStop reliance={reliance.data.reliance} />}
          <div className="actions-row">
            <BusyButton busy={withdraw.isPending} className="danger" onClick={() => void confirm()}>
              {t('withdraw.confirm')}
            </BusyButton>
            <button type="button" className="secondary" onClick={props.onClose}>
              {t('common:form.cancel')}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}

function AssistanceLines({ assistance }: { assistance: ConsentReliance['assistance'] }) {
  const { t } = useTranslation('case-consent');
  return assistance.map((a) => <li key={a.type}>{t('withdraw.assistance', { count: a.count, type: t(`assistanceType.${a.type}`) })}</li>);
}

function WillStop({ reliance }: { reliance: ConsentReliance }) {
  const { t } = useTranslation('case-consent');
  if (reliance.referrals.length + reliance.members.length + reliance.assistance.length === 0) return <p>{t('withdraw.nothing')}</p>;
  return (
    <>
      <p>{t('withdraw.willStop')}</p>
      <ul>
        {reliance.referrals.map((r) => (
          <li key={r.id}>{t(r.open ? 'withdraw.referralsOpen' : 'withdraw.referralClosed', { reference: r.reference, status: t(`referrals:status.${r.status}`) })}</li>
        ))}
        {reliance.members.map((m) => (
          <li key={m.accountId}>{t('withdraw.member', { name: m.displayName, organisation: m.organisationName })}</li>
        ))}
        <AssistanceLines assistance={reliance.assistance} />
      </ul>
    </>
  );
}

function Stopped({ affected }: { affected: ConsentReliance }) {
  const { t } = useTranslation('case-consent');
  if (affected.referrals.length + affected.members.length + affected.assistance.length === 0) return <p>{t('withdraw.nothing')}</p>;
  return (
    <ul>
      {affected.referrals.map((r) => (
        <li key={r.id}>{r.open ? t('withdraw.cancelled', { reference: r.reference }) : t('withdraw.referralClosed', { reference: r.reference, status: t(`referrals:status.${r.status}`) })}</li>
      ))}
      {affected.members.map((m) => (
        <li key={m.accountId}>{t('withdraw.removed', { name: m.displayName, organisation: m.organisationName })}</li>
      ))}
      <AssistanceLines assistance={affected.assistance} />
    </ul>
  );
}
