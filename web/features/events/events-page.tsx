// /events — the public list: upcoming events soonest first (or the archive of past ones), filtered by type, in pages.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EVENT_TYPES } from '#shared/events/event-vocabulary.ts';
import { Page } from '#web/components/page.tsx';
import { SelectField } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { EventCard } from './event-card.tsx';
import { useEventList } from './events.api.ts';
import { isOrganiser } from './organiser.ts';

export function EventsPage() {
  const { t } = useTranslation('events');
  const lang = useReaderLanguage();
  const me = useMe();
  const [type, setType] = useState('');
  const [past, setPast] = useState(false);
  const [page, setPage] = useState(1);
  const list = useEventList({ lang, type: type || undefined, past, page });
  const choose = (next: { type?: string; past?: boolean }) => {
    if (next.type !== undefined) setType(next.type);
    if (next.past !== undefined) setPast(next.past);
    setPage(1);
  };
  const organiseLink = isOrganiser(me.data) ? (
    <Link className="button secondary" to="/events/organise">
      {t('list.organise')}
    </Link>
  ) : undefined;
  return (
    <Page title={t('list.title')} actions={organiseLink}>
      <p className="lead">{t('list.lead')}</p>
      <div className="event-filters">
        <div className="help-switch" role="group" aria-label={t('list.when')}>
          <button type="button" className="secondary" aria-pressed={!past} onClick={() => choose({ past: false })}>
            {t('list.upcoming')}
          </button>
          <button type="button" className="secondary" aria-pressed={past} onClick={() => choose({ past: true })}>
            {t('list.past')}
          </button>
        </div>
        <SelectField id="event-type-filter" label={t('list.type')} value={type} onChange={(v) => choose({ type: v })} options={[{ value: '', label: t('list.allTypes') }, ...EVENT_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))]} />
      </div>
      {list.isPending && <Loading />}
      {list.isError && (
        <p className="alert error" role="alert">
          {t('list.error')}
        </p>
      )}
      {list.data && list.data.events.length === 0 && <p>{past ? t('list.noPast') : t('list.none')}</p>}
      {list.data && list.data.events.length > 0 && (
        <ul className="event-cards" aria-busy={list.isFetching || undefined}>
          {list.data.events.map((event) => (
            <EventCard key={event.id} event={event} lang={lang} />
          ))}
        </ul>
      )}
      {list.data && (page > 1 || list.data.hasMore) && (
        <nav className="actions-row" aria-label={t('list.pages')}>
          {page > 1 && (
            <button type="button" className="secondary" onClick={() => setPage(page - 1)}>
              {t('list.previous')}
            </button>
          )}
          <span>{t('list.page', { page })}</span>
          {list.data.hasMore && (
            <button type="button" className="secondary" onClick={() => setPage(page + 1)}>
              {t('list.next')}
            </button>
          )}
        </nav>
      )}
    </Page>
  );
}
