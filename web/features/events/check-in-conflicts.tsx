// Scans the phone showed as checked in that the server decided otherwise once synced: a place cancelled meanwhile, or
// a code another phone had already used. Listed until the organiser has dealt with each.
import { useTranslation } from 'react-i18next';
import type { Conflict } from './check-in-queue.ts';

export function CheckInConflicts({ conflicts, onDismiss }: { conflicts: readonly Conflict[]; onDismiss(key: string): void }) {
  const { t, i18n } = useTranslation('event-check-in');
  if (conflicts.length === 0) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  return (
    <section className="alert error check-in-conflicts" aria-labelledby="check-in-conflicts-heading">
      <h2 id="check-in-conflicts-heading" className="alert-title">
        {t('conflicts.heading', { count: conflicts.length })}
      </h2>
      <p>{t('conflicts.intro')}</p>
      <ul>
        {conflicts.map((c) => (
          <li key={c.idempotencyKey}>
            <strong>{c.fullName ?? t('conflicts.noName')}</strong>: {t(`conflicts.${c.serverResult}`, { defaultValue: t(`result.${c.serverResult}`) })}
            {c.checkedInAt && ` ${t('conflicts.firstAt', { time: time.format(c.checkedInAt) })}`}{' '}
            <span className="hint">{t('conflicts.scannedAt', { time: time.format(new Date(c.scannedAt)) })}</span>{' '}
            <button type="button" className="link-button" onClick={() => onDismiss(c.idempotencyKey)}>
              {t('conflicts.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
