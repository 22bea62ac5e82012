// /cases/:id/consent — the consent ledger: what is covered now, the records in force and their history, the
// referrals made from the case, recording a new consent and withdrawing one (case-consent-form, -withdraw).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseConsentLedger } from '#shared/cases/case-consent.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { formatDate, useReaderLanguage } from '#web/features/library/reader-language.ts';
import { useConsentLedger } from './case-consent.api.ts';
import { ConsentForm } from './case-consent-form.tsx';
import { ConsentRecord } from './case-consent-record.tsx';
import { WithdrawConsentDialog } from './case-consent-withdraw.tsx';
import type { CaseSectionProps } from './case-sections.ts';

export function CaseConsentSection({ detail }: CaseSectionProps) {
  const { t } = useTranslation('case-consent');
  const ledger = useConsentLedger(detail.id);
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState(false);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  if (ledger.isPending) return <Loading />;
  if (ledger.isError)
    return (
      <Banner tone="error" role="alert">
        {t('loadError')}
      </Banner>
    );
  const data = ledger.data;
  const current = data.records.filter((r) => !r.superseded);
  const history = data.records.filter((r) => r.superseded);
  return (
    <div className="stack case-consent">
      <h2>{t('section')}</h2>
      <p className="lead">{t('lead')}</p>
      {saved && (
        <Banner tone="success" role="status">
          {t('form.saved')}
        </Banner>
      )}
      <Covers covers={data.covers} />
      {data.canRecord && !recording && (
        <p>
          <button type="button" onClick={() => (setRecording(true), setSaved(false))}>
            {t('form.open')}
          </button>
        </p>
      )}
      {recording && <ConsentForm caseId={detail.id} lastSeenId={data.records[0]?.id ?? null} onDone={(ok) => (setRecording(false), setSaved(ok))} />}
      <section aria-labelledby="consent-current" className="stack">
        <h3 id="consent-current">{t('current')}</h3>
        {current.length === 0 && <p className="muted">{t('empty')}</p>}
        <ul className="consent-list">
          {current.map((r) => (
            <li key={r.id}>
              <ConsentRecord record={r} onWithdraw={data.canWithdraw && r.state === 'active' ? () => setWithdrawing(r.id) : null} />
            </li>
          ))}
        </ul>
      </section>
      {history.length > 0 && (
        <details>
          <summary>{t('history', { count: history.length })}</summary>
          <ul className="consent-list">
            {history.map((r) => (
              <li key={r.id}>
                <ConsentRecord record={r} onWithdraw={data.canWithdraw && r.state === 'active' ? () => setWithdrawing(r.id) : null} />
              </li>
            ))}
          </ul>
        </details>
      )}
      <OutgoingReferrals caseId={detail.id} referrals={data.referrals} canRefer={data.canRecord} />
      {withdrawing && <WithdrawConsentDialog caseId={detail.id} consentId={withdrawing} onClose={() => setWithdrawing(null)} />}
    </div>
  );
}

function Covers({ covers }: { covers: CaseConsentLedger['covers'] }) {
  const { t } = useTranslation('case-consent');
  return (
    <Card labelledBy="consent-covers">
      <h3 id="consent-covers">{t('covers.title')}</h3>
      <dl className="facts">
        {(['services', 'statistics', 'research'] as const).map((scope) => (
          <div key={scope}>
            <dt>{t(`scope.${scope}`)}</dt>
            <dd>{covers[scope] === null ? t('covers.yes') : t(`covers.reason.${covers[scope]}`)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function OutgoingReferrals(props: { caseId: string; referrals: CaseConsentLedger['referrals']; canRefer: boolean }) {
  const { t } = useTranslation('case-consent');
  const lang = useReaderLanguage();
  return (
    <section aria-labelledby="consent-referrals" className="stack">
      <h3 id="consent-referrals">{t('referrals.title')}</h3>
      {props.canRefer && (
        <p>
          <Link className="button secondary" to={`/referrals/new?case=${props.caseId}`}>
            {t('referrals.refer')}
          </Link>
        </p>
      )}
      {props.referrals.length === 0 ? (
        <p className="muted">{t('referrals.empty')}</p>
      ) : (
        <TableWrap label={t('referrals.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('referrals.reference')}</th>
                <th scope="col">{t('referrals.receiver')}</th>
                <th scope="col">{t('referrals.status')}</th>
                <th scope="col">{t('referrals.sent')}</th>
              </tr>
            </thead>
            <tbody>
              {props.referrals.map((r) => (
                <tr key={r.id}>
                  <td data-label={t('referrals.reference')}>
                    <Link to={`/referrals/${r.id}`}>{r.reference}</Link>
                  </td>
                  <td data-label={t('referrals.receiver')}>{r.receiverName}</td>
                  <td data-label={t('referrals.status')}>{t(`referrals:status.${r.status}`)}</td>
                  <td data-label={t('referrals.sent')}>{formatDate(r.createdAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
