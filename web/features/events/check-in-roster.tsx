// Manual check-in: find a person on the roster by name (accents ignored), check them in or take a check-in back.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '#shared/events/check-in.schema.ts';

const SHOWN = 30;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

interface Props {
  entries: readonly RosterEntry[];
  online: boolean;
  onCheckIn(entry: RosterEntry): void;
  onUndo(entry: RosterEntry): void;
}

export function CheckInRoster({ entries, online, onCheckIn, onUndo }: Props) {
  const { t, i18n } = useTranslation('event-check-in');
  const [query, setQuery] = useState('');
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  const matches = useMemo(() => {
    const q = fold(query.trim());
    return q ? entries.filter((e) => fold(e.fullName).includes(q)) : entries;
  }, [entries, query]);
  return (
    <section aria-labelledby="check-in-roster-heading" className="stack">
      <h2 id="check-in-roster-heading">{t('roster.heading')}</h2>
      <div className="field">
        <label htmlFor="check-in-search">{t('roster.search')}</label>
        <input id="check-in-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" maxLength={100} />
      </div>
      <p role="status">{t('roster.matches', { count: matches.length })}</p>
      <ul className="check-in-roster">
        {matches.slice(0, SHOWN).map((e) => (
          <li key={e.id}>
            <span className="check-in-roster-name">{e.fullName}</span>
            <span className="check-in-roster-state">
              {e.status !== 'confirmed' ? t(`status.${e.status}`, { defaultValue: e.status }) : e.checkedInAt ? t('roster.checkedInAt', { time: time.format(e.checkedInAt) }) : t('roster.notYet')}
            </span>
            {e.status === 'confirmed' &&
              (e.checkedInAt ? (
                <button type="button" className="button secondary" disabled={!online} onClick={() => onUndo(e)} aria-label={t('roster.undoFor', { name: e.fullName })}>
                  {t('roster.undo')}
                </button>
              ) : (
                <button type="button" className="button" onClick={() => onCheckIn(e)} aria-label={t('roster.checkInFor', { name: e.fullName })}>
                  {t('roster.checkIn')}
                </button>
              ))}
          </li>
        ))}
      </ul>
      {matches.length > SHOWN && <p className="hint">{t('roster.more', { count: matches.length - SHOWN })}</p>}
    </section>
  );
}
