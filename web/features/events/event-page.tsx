// /events/:id — one event's public page: what it is (title, summary, description from safe Markdown), when and where,
// its agenda and organisers, a notice when the text is shown in another language, and the registration panel.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { EventPublic } from '#shared/events/event.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { apiError } from '#web/components/ui/form.tsx';
import { EventAgenda } from './event-agenda.tsx';
import { PlacesNote } from './event-card.tsx';
import { EventManageNav } from './event-manage-nav.tsx';
import { formatEventDay, formatEventRange } from './event-time.ts';
import { usePublicEvent } from './events.api.ts';
import { RegistrationPanel } from './registration-panel.tsx';

export function EventPage() {
  const { t } = useTranslation('events');
  const { id = '' } = useParams();
  const lang = useReaderLanguage();
  const query = usePublicEvent(id, lang);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    const missing = apiError(query.error)?.status === 404 || apiError(query.error)?.status === 400;
    return (
      <Page title={missing ? t('page.notFound') : t('page.error')}>
        <p>{missing ? t('page.notFoundText') : t('page.errorText')}</p>
      </Page>
    );
  }
  const event = query.data;
  return (
    <Page title={event.text.title}>
      {event.canManage && <EventManageNav eventId={event.id} />}
      <EventNotices event={event} />
      <div lang={event.text.language}>{event.text.summary && <p className="lead">{event.text.summary}</p>}</div>
      <EventFacts event={event} lang={lang} />
      <RegistrationPanel eventId={event.id} />
      {event.text.descriptionHtml && (
        <section aria-labelledby="event-about">
          <h2 id="event-about">{t('page.about')}</h2>
          <div className="prose" lang={event.text.language} dangerouslySetInnerHTML={{ __html: event.text.descriptionHtml }} />
        </section>
      )}
      {event.sessions.length > 0 && <EventAgenda event={event} lang={lang} />}
      <section aria-labelledby="event-organisers">
        <h2 id="event-organisers">{t('page.organisers')}</h2>
        <ul>
          {event.organisers.map((o) => (
            <li key={o.organisationId}>
              {o.name}
              {o.lead && ` (${t('page.lead')})`}
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

function EventNotices({ event }: { event: EventPublic }) {
  const { t } = useTranslation('events');
  const language = t(`languages.${event.text.language}`);
  return (
    <>
      {event.status === 'cancelled' && <Banner tone="warning" title={t('page.cancelled')}>{<p>{t('page.cancelledText')}</p>}</Banner>}
      {event.status === 'draft' && <Banner tone="info">{<p>{t('page.draft')}</p>}</Banner>}
      {event.text.fallback && <Banner>{<p>{t('fallback.long', { language })}</p>}</Banner>}
      {event.text.outdated && <Banner>{<p>{t('fallback.outdated')}</p>}</Banner>}
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function EventFacts({ event, lang }: { event: EventPublic; lang: string }) {
  const { t } = useTranslation('events');
  const venue = [event.venueName, event.venueAddress, event.venueCity, event.country && t(`countries.${event.country}`, { defaultValue: event.country })].filter(Boolean).join(', ');
  return (
    <dl className="event-facts card">
      <Fact term={t('page.type')}>{t(`types.${event.type}`)}</Fact>
      <Fact term={t('page.when')}>{formatEventRange(event.startsAt, event.endsAt, event.timeZone, lang)}</Fact>
      {event.attendanceMode !== 'online' && <Fact term={t('page.where')}>{venue}</Fact>}
      {event.attendanceMode !== 'in_person' && <Fact term={t('page.online')}>{t('page.onlineText')}</Fact>}
      <Fact term={t('page.places')}>
        <PlacesNote event={event} />
      </Fact>
      {event.registrationClosesAt && event.registrationState !== 'closed' && (
        <Fact term={t('page.registrationCloses')}>{formatEventDay(event.registrationClosesAt, event.timeZone, lang)}</Fact>
      )}
      {event.registrationState === 'not_open' && event.registrationOpensAt && (
        <Fact term={t('page.registrationOpens')}>{formatEventDay(event.registrationOpensAt, event.timeZone, lang)}</Fact>
      )}
    </dl>
  );
}
