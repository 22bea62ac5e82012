// The agenda on an event's public page: each session's time (in the event's time zone), title, room and speakers.
import { useTranslation } from 'react-i18next';
import type { EventPublic } from '#shared/events/event.schema.ts';
import { formatEventDay, formatSessionTime } from './event-time.ts';

export function EventAgenda({ event, lang }: { event: EventPublic; lang: string }) {
  const { t } = useTranslation('events');
  const days = new Set(event.sessions.map((s) => formatEventDay(s.startsAt, event.timeZone, lang)));
  return (
    <section aria-labelledby="event-agenda">
      <h2 id="event-agenda">{t('page.agenda')}</h2>
      <ol className="event-agenda">
        {event.sessions.map((s) => (
          <li key={s.id}>
            <p className="event-agenda-time">
              {days.size > 1 && `${formatEventDay(s.startsAt, event.timeZone, lang)}, `}
              {formatSessionTime(s.startsAt, s.endsAt, event.timeZone, lang)}
            </p>
            <div>
              <p className="event-agenda-title">{s.title}</p>
              {s.room && <p className="hint">{t('page.room', { room: s.room })}</p>}
              {s.speakers.length > 0 && (
                <ul className="event-speakers" aria-label={t('page.speakers')}>
                  {s.speakers.map((p) => (
                    <li key={`${p.name}-${p.affiliation}`}>
                      {p.name}
                      {p.affiliation && <span className="hint">, {p.affiliation}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
