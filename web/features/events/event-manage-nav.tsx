// The organiser's links between the pages of one event: details, participants, check-in, evaluation results and
// certificates. Each page renders it under its heading; the current page is marked for screen readers.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const PAGES = [
  { to: 'edit', label: 'manageNav.details' },
  { to: 'participants', label: 'manageNav.participants' },
  { to: 'check-in', label: 'manageNav.checkIn' },
  { to: 'results', label: 'manageNav.results' },
  { to: 'certificates', label: 'manageNav.certificates' },
] as const;

export function EventManageNav({ eventId }: { eventId: string }) {
  const { t } = useTranslation('events');
  return (
    <nav className="event-manage-nav" aria-label={t('manageNav.label')}>
      <ul>
        {PAGES.map((p) => (
          <li key={p.to}>
            <NavLink to={`/events/${eventId}/${p.to}`} end>
              {t(p.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
