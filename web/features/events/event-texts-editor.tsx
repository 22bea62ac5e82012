// The event's texts, one tab per language: title, summary and description (Markdown). The source language's tab says
// so; a translation made from an older source text is marked out of date (in words, not only by colour).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { EventLanguage, EventManage, EventText } from '#shared/events/event.schema.ts';
import { LANGUAGES } from '#shared/lib/languages.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { ErrorSummary, SubmitButton, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { useEventChange } from './events.api.ts';

export function EventTextsEditor({ event }: { event: EventManage }) {
  const { t } = useTranslation('events');
  const mark = (lang: EventLanguage) => {
    const text = event.texts.find((x) => x.language === lang);
    if (lang === event.sourceLanguage) return t('texts.source');
    if (!text) return t('texts.missing');
    return text.outdated ? t('texts.outdated') : null;
  };
  return (
    <section className="card" aria-labelledby="ev-texts">
      <h2 id="ev-texts">{t('texts.title')}</h2>
      <p className="hint">{t('texts.lead')}</p>
      <Tabs defaultSelectedKey={event.sourceLanguage}>
        <TabList aria-label={t('texts.tabs')} className="tab-list">
          {LANGUAGES.map((lang) => (
            <Tab key={lang} id={lang} className="tab">
              {t(`languages.${lang}`)}
              {mark(lang) && <span className="event-text-mark"> ({mark(lang)})</span>}
            </Tab>
          ))}
        </TabList>
        {LANGUAGES.map((lang) => (
          <TabPanel key={lang} id={lang} className="tab-panel">
            <TextForm key={`${lang}-${event.texts.find((x) => x.language === lang)?.version ?? 0}`} event={event} lang={lang} text={event.texts.find((x) => x.language === lang)} />
          </TabPanel>
        ))}
      </Tabs>
    </section>
  );
}

function TextForm({ event, lang, text }: { event: EventManage; lang: EventLanguage; text: EventText | undefined }) {
  const { t } = useTranslation('events');
  const change = useEventChange(event.id);
  const [title, setTitle] = useState(text?.title ?? '');
  const [summary, setSummary] = useState(text?.summary ?? '');
  const [description, setDescription] = useState(text?.description ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, formError, summaryRef, fail, clear } = useFormErrors();
  const source = event.texts.find((x) => x.language === event.sourceLanguage);
  const id = (field: string) => `ev-text-${lang}-${field}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    if (!title.trim()) return fail({ title: t('form.errors.required') });
    clear();
    try {
      await change.mutateAsync({ kind: 'text', lang, body: { title, summary, description, version: text?.version ?? null } });
      setSaved(t('texts.saved'));
    } catch (error) {
      const failure = apiError(error);
      if (failure?.status === 409) fail({}, t('texts.conflict'));
      else fail(failure?.body.fields ?? {}, failure?.body.fields ? null : (failure?.message ?? t('form.failed')));
    }
  };
  const items = Object.entries(errors).map(([field, message]) => ({ id: id(field), label: t(`texts.fields.${field}`), message: message ?? '' }));
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      {text?.outdated && source && (
        <Banner tone="warning">
          <p>{t('texts.outdatedText', { language: t(`languages.${event.sourceLanguage}`) })}</p>
        </Banner>
      )}
      {!text && lang !== event.sourceLanguage && <p className="hint">{t('texts.missingText', { language: t(`languages.${event.sourceLanguage}`) })}</p>}
      <ErrorSummary items={items} formError={formError} summaryRef={summaryRef} />
      <TextField id={id('title')} label={t('texts.fields.title')} value={title} onChange={setTitle} error={errors.title} maxLength={200} />
      <TextField id={id('summary')} label={t('texts.fields.summary')} hint={t('texts.hints.summary')} value={summary} onChange={setSummary} error={errors.summary} maxLength={600} />
      <div className="field">
        <label htmlFor={id('description')}>{t('texts.fields.description')}</label>
        <span className="hint" id={`${id('description')}-hint`}>
          {t('texts.hints.description')}
        </span>
        <textarea id={id('description')} lang={lang} rows={10} value={description} onChange={(e) => setDescription(e.target.value)} aria-describedby={`${id('description')}-hint${errors.description ? ` ${id('description')}-error` : ''}`} aria-invalid={errors.description ? true : undefined} />
        {errors.description && (
          <span className="field-error" id={`${id('description')}-error`}>
            {errors.description}
          </span>
        )}
      </div>
      <div className="actions-row">
        <SubmitButton pending={change.isPending}>{t('texts.save', { language: t(`languages.${lang}`) })}</SubmitButton>
        {saved && <span role="status">{saved}</span>}
      </div>
    </form>
  );
}
