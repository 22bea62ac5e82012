// The consent step of a referral made from a case: only the case's share record in force for the chosen service's
// organisation can be used; without one, the person's consent is recorded on the case's consent page first.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '#web/components/ui/loading.tsx';
import { formatDate, useReaderLanguage } from '#web/features/library/reader-language.ts';
import { useConsentLedger } from './case-consent.api.ts';

export function CaseConsentChooser(props: { caseId: string; serviceId: string; value: string | null; onChange(id: string | null): void }) {
  const { t } = useTranslation('case-consent');
  const lang = useReaderLanguage();
  const ledger = useConsentLedger(props.caseId, props.serviceId);
  const usable = (ledger.data?.records ?? []).filter((r) => ledger.data?.usableFor.includes(r.id));
  const only = usable.length === 1 ? usable[0]!.id : null;
  const { onChange, value } = props;
  // NOTE: at most one record is in force for an organisation: it is chosen for the user, and cleared when none is.
  useEffect(() => {
    if (ledger.data && value !== only) onChange(only);
  }, [ledger.data, only, value, onChange]);
  return (
    <fieldset className="stack">
      <legend>{t('chooser.title')}</legend>
      {ledger.isPending && <Loading />}
      {ledger.data && usable.length === 0 && (
        <p>
          {t('chooser.none')} <Link to={`/cases/${props.caseId}/consent`}>{t('chooser.record')}</Link>
        </p>
      )}
      {usable.map((r) => (
        <p key={r.id}>
          {t('chooser.using', { name: r.receiverName ?? '', until: formatDate(new Date(r.expiresAt.getTime() - 1), lang) })}
          {r.coversIdentity && ` ${t('record.identity')}.`}
        </p>
      ))}
    </fieldset>
  );
}
