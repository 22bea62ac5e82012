// /events/new — a new event starts as a draft: its title in the language it is written in, and its fields; then the
// edit page opens for the texts in other languages, the agenda, the co-organisers and publishing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { EventLanguage } from '#shared/events/event.schema.ts';
import { LANGUAGES } from '#shared/lib/languages.ts';
import { Page } from '#web/components/page.tsx';
import { SelectField, TextField, apiError } from '#web/components/ui/form.tsx';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { EventFieldsForm } from './event-fields-form.tsx';
import { emptyForm } from './event-form-rules.ts';
import { useCreateEvent } from './events.api.ts';

export function EventNewPage() {
  const { t } = useTranslation('events');
  const navigate = useNavigate();
  const reader = useReaderLanguage();
  const [title, setTitle] = useState('');
  // NOTE: follows the interface language until the organiser picks one (it settles after the account loads).
  const [picked, setSourceLanguage] = useState<EventLanguage | null>(null);
  const sourceLanguage = picked ?? reader;
  const [initial] = useState(() => emptyForm(new Date()));
  const create = useCreateEvent();
  const [titleError, setTitleError] = useState<string | undefined>();
  const extra = (
    <>
      <TextField id="ev-title" label={t('form.fields.title')} value={title} onChange={setTitle} error={titleError} maxLength={200} />
      <SelectField
        id="ev-sourceLanguage"
        label={t('form.fields.sourceLanguage')}
        hint={t('form.hints.sourceLanguage')}
        value={sourceLanguage}
        onChange={(v) => setSourceLanguage(v as EventLanguage)}
        options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
      />
    </>
  );
  const checkTitle = (): Record<string, string> => {
    const missing = title.trim() ? undefined : t('form.errors.required');
    setTitleError(missing);
    return missing ? { title: 'required' } : {};
  };
  return (
    <Page title={t('new.title')}>
      <p className="lead">{t('new.lead')}</p>
      <EventFieldsForm
        initial={initial}
        extra={extra}
        extraErrors={checkTitle}
        submitLabel={t('new.create')}
        pending={create.isPending}
        onSubmit={async (fields) => {
          try {
            const event = await create.mutateAsync({ ...fields, title: title.trim(), sourceLanguage });
            await navigate(`/events/${event.id}/edit`, { state: { created: true } });
            return null;
          } catch (error) {
            return apiError(error)?.body.fields ?? {};
          }
        }}
      />
    </Page>
  );
}
