// One event in the public list: its type, title (linking to its page), dates in its time zone, where it happens and
// how many places are left (or that the waiting list is open), with a note when the text is in another language.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventCard as EventCardData } from '#shared/events/event.schema.ts';
import { formatEventRange } from './event-time.ts';

export function EventCard({ event, lang }: { event: EventCardData; lang: string }) {
  const { t } = useTranslation('events');
  const headingId = `event-${event.id}`;
  return (
    <li className="card event-card" aria-labelledby={headingId}>
      <p className="event-card-type">
        <span className="badge">{t(`types.${event.type}`)}</span>
        {event.status === 'cancelled' && <span className="badge warn">{t('status.cancelled')}</span>}
      </p>
      <h2 id={headingId} lang={event.text.language}>
        <Link to={`/events/${event.id}`}>{event.text.title}</Link>
      </h2>
      <p className="event-when">{formatEventRange(event.startsAt, event.endsAt, event.timeZone, lang)}</p>
      <p className="event-where">{placeOf(event, t)}</p>
      {event.text.summary && <p lang={event.text.language}>{event.text.summary}</p>}
      <p className="event-places">
        <PlacesNote event={event} />
      </p>
      {event.text.fallback && <p className="hint">{t('fallback.short', { language: t(`languages.${event.text.language}`) })}</p>}
    </li>
  );
}

export function placeOf(event: Pick<EventCardData, 'attendanceMode' | 'venueCity' | 'venueName'>, t: (key: string) => string): string {
  if (event.attendanceMode === 'online') return t('place.online');
  const where = event.venueCity ?? event.venueName ?? '';
  return event.attendanceMode === 'hybrid' ? `${where} · ${t('place.alsoOnline')}` : where;
}

/** Places left, or why no one can register now: said in words, never by colour alone. */
export function PlacesNote({ event }: { event: Pick<EventCardData, 'registrationState' | 'placesLeft' | 'status' | 'endsAt'> }) {
  const { t } = useTranslation('events');
  if (event.status === 'cancelled') return <>{t('places.cancelled')}</>;
  switch (event.registrationState) {
    case 'open':
      return <>{t('places.left', { count: event.placesLeft })}</>;
    case 'full_waitlist':
      return <>{t('places.waitlist')}</>;
    case 'full':
      return <>{t('places.full')}</>;
    case 'not_open':
      return <>{t('places.notOpen', { count: event.placesLeft })}</>;
    default:
      return <>{event.endsAt < new Date() ? t('places.ended') : t('places.closed')}</>;
  }
}
