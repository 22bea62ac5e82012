// A referral's facts (service, organisations, dates, reason, letter) and its history, for both sides.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_WITHDRAWN_REASON, type ReferralDetail } from '#shared/referrals/referral.schema.ts';
import { Card } from '#web/components/ui/card.tsx';
import { FactList } from '#web/components/ui/fact-list.tsx';
import { SelectField } from '#web/components/ui/form.tsx';
import { Time } from '#web/features/library-desk/desk-frame.tsx';
import { ReferralTags } from './referral-badges.tsx';

/** The one reason the platform writes itself is shown in the reader's language; people's reasons as written. */
function useReason(): (reason: string) => string {
  const { t } = useTranslation('referrals');
  return (reason) => (reason === CONSENT_WITHDRAWN_REASON ? t('detail.consentWithdrawnReason') : reason);
}

export function ReferralSummary({ referral }: { referral: ReferralDetail }) {
  const reasonText = useReason();
  const { t, i18n } = useTranslation('referrals');
  const [letterLang, setLetterLang] = useState(['en', 'ro', 'nb'].includes(i18n.language) ? i18n.language : 'en');
  const none = t('detail.none');
  const rows: [string, ReactNode][] = [
    [t('detail.service'), referral.serviceName],
    [t('detail.from'), referral.senderOrganisationName],
    [t('detail.to'), referral.receiverOrganisationName],
    [t('filters.urgency'), t(`urgency.${referral.urgency}`)],
    [t('detail.sentAt'), referral.sentAt ? <Time date={referral.sentAt} /> : none],
    [t('detail.dueAt'), referral.dueAt ? <Time date={referral.dueAt} /> : none],
    [t('detail.answeredAt'), referral.answeredAt ? <Time date={referral.answeredAt} /> : none],
  ];
  if (referral.statusReason) rows.push([t('detail.reason'), reasonText(referral.statusReason)]);
  return (
    <Card labelledBy="referral-summary">
      <h2 id="referral-summary">{t('detail.summary')}</h2>
      <ReferralTags overdue={referral.overdue} urgency={referral.urgency} external={referral.external} consentWithdrawn={referral.consentState === 'withdrawn'} escalated={!!referral.escalatedAt} />
      <FactList className="referral-facts" rows={rows} />
      {referral.external && referral.side === 'sender' && (
        <div className="actions-row">
          <SelectField id="letter-language" label={t('detail.letterLanguage')} value={letterLang} onChange={setLetterLang} options={[{ value: 'ro', label: 'Română' }, { value: 'en', label: 'English' }, { value: 'nb', label: 'Norsk bokmål' }]} />
          <a className="button secondary" href={`/api/referrals/${referral.id}/letter.pdf?lang=${letterLang}`} target="_blank" rel="noopener">
            {t('detail.letter')}
          </a>
        </div>
      )}
    </Card>
  );
}

export function ReferralHistory({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation('referrals');
  const reasonText = useReason();
  const describe = (e: ReferralDetail['history'][number]) => {
    if (e.kind === 'status') return t('detail.event.status', { from: e.fromStatus ? t(`status.${e.fromStatus}`) : '', to: e.toStatus ? t(`status.${e.toStatus}`) : '' });
    if (e.kind === 'package' && e.toStatus === 'draft') return t('detail.event.created');
    return t(`detail.event.${e.kind}`);
  };
  return (
    <Card labelledBy="referral-history">
      <h2 id="referral-history">{t('detail.history')}</h2>
      {referral.history.length === 0 && <p className="muted">{t('detail.historyEmpty')}</p>}
      <ol className="referral-history">
        {referral.history.map((e, i) => (
          <li key={i}>
            <Time date={e.at} /> · {describe(e)} <span className="muted">({t(`detail.side.${e.side}`)})</span>
            {e.outcome && <> · {t(`outcome.${e.outcome}`)}</>}
            {e.reason && <div className="muted">{reasonText(e.reason)}</div>}
          </li>
        ))}
      </ol>
    </Card>
  );
}
