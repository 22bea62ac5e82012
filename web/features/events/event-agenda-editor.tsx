// The agenda editor: sessions in order, each moved up or down, changed or removed; a dialog adds or changes one
// (times on the event's wall clock, a title per language, the room, speakers one per line as "Name, affiliation").
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventManage, EventSession } from '#shared/events/event.schema.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { SessionForm } from './event-session-form.tsx';
import { formatEventDay, formatSessionTime } from './event-time.ts';
import { useEventChange } from './events.api.ts';

export function EventAgendaEditor({ event }: { event: EventManage }) {
  const { t, i18n } = useTranslation('events');
  const change = useEventChange(event.id);
  const [editing, setEditing] = useState<EventSession | 'new' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = event.sessions.map((s) => s.id);
  const move = (from: number, to: number) => {
    const order = [...ids];
    const [moved] = order.splice(from, 1);
    order.splice(to, 0, moved!);
    setProblem(null);
    change.mutate({ kind: 'order', sessionIds: order }, { onError: (e) => setProblem(apiError(e)?.message ?? t('form.failed')) });
  };
  const title = (s: EventSession) => s.titles[i18n.language] || s.titles[event.sourceLanguage] || Object.values(s.titles)[0] || '';
  return (
    <section className="card" aria-labelledby="ev-agenda">
      <h2 id="ev-agenda">{t('agenda.title')}</h2>
      {problem && (
        <p className="alert error" role="alert">
          {problem}
        </p>
      )}
      {event.sessions.length === 0 && <p>{t('agenda.none')}</p>}
      <ol className="event-agenda-edit">
        {event.sessions.map((s, i) => (
          <li key={s.id}>
            <p>
              <strong>{title(s)}</strong>
              <br />
              {formatEventDay(s.startsAt, event.timeZone, i18n.language)}, {formatSessionTime(s.startsAt, s.endsAt, event.timeZone, i18n.language)}
              {s.room && ` · ${s.room}`}
            </p>
            <div className="actions-row">
              <button type="button" className="secondary" disabled={i === 0 || change.isPending} onClick={() => move(i, i - 1)} aria-label={t('agenda.up', { title: title(s) })}>
                {t('agenda.upShort')}
              </button>
              <button type="button" className="secondary" disabled={i === ids.length - 1 || change.isPending} onClick={() => move(i, i + 1)} aria-label={t('agenda.down', { title: title(s) })}>
                {t('agenda.downShort')}
              </button>
              <button type="button" className="secondary" onClick={() => setEditing(s)} aria-label={t('agenda.edit', { title: title(s) })}>
                {t('agenda.editShort')}
              </button>
              <BusyButton
                className="secondary"
                busy={change.isPending && change.variables?.kind === 'removeSession' && change.variables.sessionId === s.id}
                onClick={() => change.mutate({ kind: 'removeSession', sessionId: s.id })}
                aria-label={t('agenda.remove', { title: title(s) })}
              >
                {t('agenda.removeShort')}
              </BusyButton>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => setEditing('new')}>
        {t('agenda.add')}
      </button>
      {editing && (
        <ModalDialog onClose={() => setEditing(null)}>
          <SessionForm event={event} session={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        </ModalDialog>
      )}
    </section>
  );
}
