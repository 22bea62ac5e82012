// One record of the consent ledger: its scopes and state in words, who recorded it and how it was explained, the
// seven guidance items each with its own answer, and the withdraw action while it is in force.
import { useTranslation } from 'react-i18next';
import type { CaseConsentView } from '#shared/cases/case-consent.schema.ts';
import { CONSENT_GUIDANCE_ITEMS } from '#shared/cases/case-vocabulary.ts';
import { Card } from '#web/components/ui/card.tsx';
import { Tag, type TagTone } from '#web/components/ui/tag.tsx';
import { formatDate, useReaderLanguage } from '#web/features/library/reader-language.ts';

const TONE: Record<CaseConsentView['state'], TagTone> = { active: 'published', refused: 'warning', withdrawn: 'warning', expired: 'draft' };

export function ConsentRecord({ record, onWithdraw }: { record: CaseConsentView; onWithdraw: (() => void) | null }) {
  const { t, i18n } = useTranslation('case-consent');
  const lang = useReaderLanguage();
  const languageName = (code: string) => new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
  const titleId = `consent-${record.id}`;
  const recorded = formatDate(record.recordedAt, lang);
  return (
    <Card as="article" labelledBy={titleId} className="consent-record">
      <h4 id={titleId}>
        {record.scopes.map((s) => t(`scope.${s}`)).join(' · ')} <Tag tone={TONE[record.state]}>{t(`state.${record.state}`)}</Tag>
      </h4>
      <dl className="facts">
        {record.receiverName && (
          <div>
            <dt>{t('record.receiver')}</dt>
            <dd>{record.receiverName}</dd>
          </div>
        )}
        <div>
          <dt>{t('record.language')}</dt>
          <dd>{languageName(record.language)}</dd>
        </div>
        <div>
          <dt>{t('record.interpreter')}</dt>
          <dd>{record.withInterpreter ? t('record.interpreterIn', { language: languageName(record.interpreterLanguage ?? record.language) }) : t('record.noInterpreter')}</dd>
        </div>
        <div>
          <dt>{t('record.expires')}</dt>
          <dd>{formatDate(new Date(record.expiresAt.getTime() - 1), lang)}</dd>
        </div>
      </dl>
      <p className="muted">
        {record.recordedByName ? t('record.recorded', { date: recorded, name: record.recordedByName }) : t('record.recordedNoName', { date: recorded })}
        {record.withdrawnAt && (
          <>
            {' · '}
            {record.withdrawnByName
              ? t('record.withdrawnBy', { date: formatDate(record.withdrawnAt, lang), name: record.withdrawnByName })
              : t('record.withdrawn', { date: formatDate(record.withdrawnAt, lang) })}
          </>
        )}
      </p>
      {record.coversIdentity && <p>{t('record.identity')}</p>}
      <details>
        <summary>{t('guidance.title')}</summary>
        <dl className="facts">
          {CONSENT_GUIDANCE_ITEMS.map((item) => (
            <div key={item}>
              <dt>{t(`guidance.${item}`)}</dt>
              <dd>{t(`guidance.${record.guidance[item]?.informed ?? 'not_asked'}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
      {record.note && (
        <>
          <h5>{t('record.note')}</h5>
          <p className="preserve-lines">{record.note}</p>
        </>
      )}
      {onWithdraw && (
        <p>
          <button type="button" className="danger" onClick={onWithdraw}>
            {t('record.withdraw')}
          </button>
        </p>
      )}
    </Card>
  );
}
