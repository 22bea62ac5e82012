// The answer to the last scan, large enough to read at arm's length: green for checked in, amber for already checked
// in (with the time), red for everything refused. A symbol and words carry the meaning, not the colour alone.
import { useTranslation } from 'react-i18next';
import type { CheckInResult } from '#shared/events/check-in.schema.ts';
import type { ScanOutcome } from './check-in-queue.ts';

const TONE: Record<CheckInResult, 'ok' | 'used' | 'refused'> = {
  ok: 'ok',
  already_used: 'used',
  cancelled: 'refused',
  not_confirmed: 'refused',
  unknown: 'refused',
  other_event: 'refused',
  invalid_code: 'refused',
};
const SYMBOL = { ok: '✓', used: '!', refused: '✕' } as const;

export function CheckInResultCard({ outcome, onNext }: { outcome: ScanOutcome; onNext(): void }) {
  const { t, i18n } = useTranslation('event-check-in');
  const tone = TONE[outcome.result];
  const time = outcome.checkedInAt ? new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(outcome.checkedInAt) : null;
  return (
    <div className={`check-in-result check-in-result-${tone}`}>
      <p className="check-in-result-title">
        <span aria-hidden="true" className="check-in-result-symbol">
          {SYMBOL[tone]}
        </span>{' '}
        {t(`result.${outcome.result}`)}
      </p>
      {outcome.fullName && <p className="check-in-result-name">{outcome.fullName}</p>}
      {outcome.result === 'already_used' && time && <p>{t('result.firstAt', { time })}</p>}
      {outcome.offline && <p className="hint">{t('result.offlineNote')}</p>}
      <button type="button" className="button" onClick={onNext}>
        {t('result.next')}
      </button>
    </div>
  );
}
