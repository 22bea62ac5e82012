// The home page's "Upcoming events": the next three published events (title, date in the event's time zone, place),
// and a link to all of them. NOTE: part of the reader route's start bundle — no zod, strings from `common`.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { EventListSchema } from '#shared/events/event.schema.ts';
import { formatEventDay } from '#web/features/events/event-time.ts';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { asSent, request } from '#web/lib/api.ts';

/** The list as sent (timestamps as ISO strings): decoded without zod. */
type SentEventList = z.input<typeof EventListSchema>;

function useNextEvents(lang: string) {
  return useQuery({
    queryKey: ['events', 'list', 'home', lang],
    queryFn: () => request('GET', `/api/events?lang=${lang}&limit=3`, { schema: asSent<SentEventList>() }),
    staleTime: 5 * 60_000,
  });
}

export function UpcomingEvents() {
  const { t } = useTranslation();
  const lang = useReaderLanguage();
  const list = useNextEvents(lang);
  const events = list.data?.events ?? [];
  if (list.isSuccess && events.length === 0) return null;
  return (
    <section aria-labelledby="home-events">
      <h2 id="home-events">{t('home.events.heading')}</h2>
      <ul className="home-links home-events">
        {events.map((e) => (
          <li key={e.id}>
            <Link to={`/events/${e.id}`} lang={e.text.language}>
              {e.text.title}
            </Link>
            <span className="hint">
              {' '}
              {formatEventDay(new Date(e.startsAt), e.timeZone, lang)} · {e.attendanceMode === 'online' ? t('home.events.online') : (e.venueCity ?? '')}
            </span>
          </li>
        ))}
        <li>
          <Link to="/events">{t('home.events.all')}</Link>
        </li>
      </ul>
    </section>
  );
}
