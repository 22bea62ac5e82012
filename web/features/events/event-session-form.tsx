// One agenda session in a dialog: start and end on the event's wall clock, a title in each language (one at least),
// the room, and speakers one per line ("Name, affiliation").
import { useState, type FormEvent } from 'react';
import { Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { EventManage, EventSession, SessionSave } from '#shared/events/event.schema.ts';
import { LANGUAGES } from '#shared/lib/languages.ts';
import { ErrorSummary, SubmitOrCancel, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { fromLocalInput, toLocalInput } from './event-time.ts';
import { useEventChange } from './events.api.ts';

const speakersText = (s: EventSession | null) => (s?.speakers ?? []).map((p) => (p.affiliation ? `${p.name}, ${p.affiliation}` : p.name)).join('\n');

function speakersOf(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const cut = l.indexOf(',');
      return cut < 0 ? { name: l, affiliation: '' } : { name: l.slice(0, cut).trim(), affiliation: l.slice(cut + 1).trim() };
    });
}

export function SessionForm({ event, session, onDone }: { event: EventManage; session: EventSession | null; onDone(): void }) {
  const { t } = useTranslation('events');
  const change = useEventChange(event.id);
  const zone = event.timeZone;
  const [startsAt, setStartsAt] = useState(toLocalInput(session?.startsAt ?? event.startsAt, zone));
  const [endsAt, setEndsAt] = useState(toLocalInput(session?.endsAt ?? new Date((session?.startsAt ?? event.startsAt).getTime() + 3600_000), zone));
  const [titles, setTitles] = useState<Record<string, string>>({ ro: '', en: '', nb: '', ...session?.titles });
  const [room, setRoom] = useState(session?.room ?? '');
  const [speakers, setSpeakers] = useState(speakersText(session));
  const { errors, formError, summaryRef, fail, clear } = useFormErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const start = fromLocalInput(startsAt, zone);
    const end = fromLocalInput(endsAt, zone);
    const problems: Record<string, string> = {};
    if (!start) problems.startsAt = t('form.errors.date');
    if (!end) problems.endsAt = t('form.errors.date');
    if (start && end && end < start) problems.endsAt = t('form.errors.endBeforeStart');
    if (!Object.values(titles).some((x) => x.trim())) problems[`title-${event.sourceLanguage}`] = t('agenda.errors.title');
    if (Object.keys(problems).length > 0) return fail(problems);
    clear();
    const body: SessionSave = { startsAt: start!, endsAt: end!, titles: { ro: titles.ro ?? '', en: titles.en ?? '', nb: titles.nb ?? '' }, room: room.trim() || null, speakers: speakersOf(speakers) };
    try {
      await change.mutateAsync(session ? { kind: 'session', sessionId: session.id, body } : { kind: 'addSession', body });
      onDone();
    } catch (error) {
      const failure = apiError(error);
      fail(failure?.body.fields ?? {}, failure?.body.fields ? null : (failure?.message ?? t('form.failed')));
    }
  };
  const label = (field: string) => (field.startsWith('title-') ? t('agenda.fields.title', { language: t(`languages.${field.slice(6)}`) }) : t(`agenda.fields.${field.split('.')[0]}`));
  const items = Object.entries(errors).map(([field, message]) => ({ id: `ev-session-${field}`, label: label(field), message: message ?? '' }));
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="stack">
      <Heading slot="title" level={2}>{session ? t('agenda.editTitle') : t('agenda.addTitle')}</Heading>
      <ErrorSummary items={items} formError={formError} summaryRef={summaryRef} />
      <p className="hint">{t('agenda.zone', { zone: t(`timeZones.${zone.replace('/', '_')}`) })}</p>
      {(['startsAt', 'endsAt'] as const).map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`ev-session-${field}`}>{t(`agenda.fields.${field}`)}</label>
          <input id={`ev-session-${field}`} type="datetime-local" value={field === 'startsAt' ? startsAt : endsAt} onChange={(e) => (field === 'startsAt' ? setStartsAt : setEndsAt)(e.target.value)} aria-invalid={errors[field] ? true : undefined} />
          {errors[field] && <span className="field-error">{errors[field]}</span>}
        </div>
      ))}
      {LANGUAGES.map((lang) => (
        <TextField key={lang} id={`ev-session-title-${lang}`} label={label(`title-${lang}`)} value={titles[lang] ?? ''} onChange={(v) => setTitles((x) => ({ ...x, [lang]: v }))} error={errors[`title-${lang}`]} maxLength={200} />
      ))}
      <TextField id="ev-session-room" label={t('agenda.fields.room')} value={room} onChange={setRoom} maxLength={120} />
      <div className="field">
        <label htmlFor="ev-session-speakers">{t('agenda.fields.speakers')}</label>
        <span className="hint" id="ev-session-speakers-hint">
          {t('agenda.hints.speakers')}
        </span>
        <textarea id="ev-session-speakers" rows={4} value={speakers} onChange={(e) => setSpeakers(e.target.value)} aria-describedby="ev-session-speakers-hint" />
      </div>
      <SubmitOrCancel pending={change.isPending} onCancel={onDone}>
        {t('agenda.save')}
      </SubmitOrCancel>
    </form>
  );
}
