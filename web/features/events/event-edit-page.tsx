// /events/:id/edit — everything about one event for its organisers: status and publish/cancel, its fields, its texts
// per language (with out-of-date marks), its agenda and its co-organisers. 404 for anyone who does not organise it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { EventManage } from '#shared/events/event.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { EventAgendaEditor } from './event-agenda-editor.tsx';
import { EventFieldsForm } from './event-fields-form.tsx';
import { formOf } from './event-form-rules.ts';
import { EventManageNav } from './event-manage-nav.tsx';
import { EventOrganisersEditor } from './event-organisers-editor.tsx';
import { EventStatusActions } from './event-status-actions.tsx';
import { EventTextsEditor } from './event-texts-editor.tsx';
import { useEventChange, useManagedEvent } from './events.api.ts';

export function EventEditPage() {
  const { t } = useTranslation('events');
  const { id = '' } = useParams();
  const query = useManagedEvent(id);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <Page title={t('page.notFound')}>
        <p>{apiError(query.error)?.status === 404 ? t('page.notFoundText') : t('page.errorText')}</p>
      </Page>
    );
  }
  return <EventEditor event={query.data} />;
}

function titleOf(event: EventManage, lang: string): string {
  return (event.texts.find((x) => x.language === lang) ?? event.texts.find((x) => x.language === event.sourceLanguage))?.title ?? '';
}

function EventEditor({ event }: { event: EventManage }) {
  const { t } = useTranslation('events');
  const lang = useReaderLanguage();
  const location = useLocation();
  const change = useEventChange(event.id);
  const created = (location.state as { created?: boolean } | null)?.created;
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; text: string } | null>(created ? { tone: 'success', text: t('edit.created') } : null);
  const done = (text: string) => setNotice({ tone: 'success', text });
  // NOTE: the form starts from the event as loaded; after a save, or a conflict, it restarts from the event as it is now.
  const [formKey, setFormKey] = useState(0);
  return (
    <Page title={t('edit.title', { title: titleOf(event, lang) })}>
      <EventManageNav eventId={event.id} />
      {notice && (
        <Banner tone={notice.tone} role="status">
          <p>{notice.text}</p>
        </Banner>
      )}
      <p>
        <span className={`badge event-status-${event.status}`}>{t(`status.${event.status}`)}</span>{' '}
        {event.status !== 'draft' && <Link to={`/events/${event.id}`}>{t('edit.publicPage')}</Link>}
      </p>
      <EventStatusActions event={event} onDone={done} />
      <EventFieldsForm
        key={`${event.id}-${formKey}`}
        initial={formOf(event)}
        submitLabel={t('edit.save')}
        pending={change.isPending && change.variables?.kind === 'fields'}
        onSubmit={async (fields) => {
          try {
            await change.mutateAsync({ kind: 'fields', body: { ...fields, version: event.version } });
            done(t('edit.saved'));
            setFormKey((k) => k + 1);
            return null;
          } catch (error) {
            const failure = apiError(error);
            if (failure?.status === 409) {
              // NOTE: the cache now holds the other person's version (events.api.ts); the form restarts from it.
              setFormKey((k) => k + 1);
              setNotice({ tone: 'warning', text: t('edit.conflict') });
              return null;
            }
            return failure?.body.fields ?? {};
          }
        }}
      />
      <EventTextsEditor event={event} />
      <EventAgendaEditor event={event} />
      <EventOrganisersEditor event={event} />
    </Page>
  );
}
