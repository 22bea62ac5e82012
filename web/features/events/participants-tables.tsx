// The two tables of the participant page: every registration (approve, reject, cancel, history) and the waiting list
// in offer order (move up or down by priority). Actions confirm what cannot be undone and announce failures.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import type { Participant } from '#shared/events/registration.schema.ts';
import { useParticipantAction, useParticipantHistory } from './registration.api.ts';

function useActionNote() {
  const { t } = useTranslation('event-registration');
  const [note, setNote] = useState<string | null>(null);
  const onError = (error: unknown) => setNote(apiError(error)?.status === 409 ? t('participants.stale') : t('participants.failed'));
  const view = note ? (
    <p className="alert error" role="alert">
      {note}
    </p>
  ) : null;
  return { onError, view, clear: () => setNote(null) };
}

export function ParticipantsTable({ eventId, rows }: { eventId: string; rows: Participant[] }) {
  const { t } = useTranslation('event-registration');
  const act = useParticipantAction(eventId);
  const note = useActionNote();
  const [cancelling, setCancelling] = useState<Participant | null>(null);
  const [history, setHistory] = useState<Participant | null>(null);
  if (rows.length === 0) return <p>{t('participants.none')}</p>;
  const answer = (p: Participant, key: string, group: string) => (typeof p.answers[key] === 'string' ? t(`${group}.${String(p.answers[key])}`) : '');
  return (
    <>
      {note.view}
      <TableWrap label={t('participants.caption')}>
        <table>
          <caption className="visually-hidden">{t('participants.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('participants.name')}</th>
              <th scope="col">{t('participants.status')}</th>
              <th scope="col">{t('participants.profession')}</th>
              <th scope="col">{t('participants.country')}</th>
              <th scope="col">{t('participants.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>
                  {p.fullName}
                  <span className="participant-email">{p.email}</span>
                </td>
                <td>
                  {t(`status.${p.status}`)}
                  {p.checkedInAt && ` · ${t('participants.checkedIn')}`}
                </td>
                <td>{answer(p, 'profession', 'professions')}</td>
                <td>{answer(p, 'country', 'countries')}</td>
                <td>
                  <div className="actions-row">
                    {p.status === 'pending_approval' && (
                      <>
                        <BusyButton busy={act.isPending} className="button" onClick={() => act.mutate({ registrationId: p.id, action: 'approve' }, { onError: note.onError })}>
                          {t('participants.approve')}
                        </BusyButton>
                        <BusyButton busy={act.isPending} className="button secondary" onClick={() => act.mutate({ registrationId: p.id, action: 'reject' }, { onError: note.onError })}>
                          {t('participants.reject')}
                        </BusyButton>
                      </>
                    )}
                    {['confirmed', 'pending_approval', 'waitlisted', 'offered'].includes(p.status) && (
                      <button type="button" className="button secondary" onClick={() => setCancelling(p)}>
                        {t('participants.cancel')}
                      </button>
                    )}
                    <button type="button" className="link-button" onClick={() => setHistory(p)}>
                      {t('participants.history')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {cancelling && (
        <ModalDialog role="alertdialog" onClose={() => setCancelling(null)}>
          <h2 slot="title">{t('participants.cancelTitle')}</h2>
          <p>{t('participants.cancelBody', { name: cancelling.fullName })}</p>
          <div className="actions-row">
            <BusyButton busy={act.isPending} className="button danger" onClick={() => act.mutate({ registrationId: cancelling.id, action: 'cancel' }, { onError: note.onError, onSettled: () => setCancelling(null) })}>
              {t('participants.confirmCancel')}
            </BusyButton>
            <button type="button" className="button secondary" onClick={() => setCancelling(null)}>
              {t('participants.keep')}
            </button>
          </div>
        </ModalDialog>
      )}
      {history && <HistoryDialog eventId={eventId} participant={history} onClose={() => setHistory(null)} />}
    </>
  );
}

export function WaitlistTable({ eventId, rows }: { eventId: string; rows: Participant[] }) {
  const { t, i18n } = useTranslation('event-registration');
  const act = useParticipantAction(eventId);
  const note = useActionNote();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  if (rows.length === 0) return <p>{t('participants.waitEmpty')}</p>;
  const move = (p: Participant, by: number) => act.mutate({ registrationId: p.id, action: 'priority', priority: p.priority + by, version: p.version }, { onError: note.onError });
  return (
    <>
      {note.view}
      <TableWrap label={t('participants.waitCaption')}>
        <table>
          <caption className="visually-hidden">{t('participants.waitCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('participants.position')}</th>
              <th scope="col">{t('participants.name')}</th>
              <th scope="col">{t('participants.priority')}</th>
              <th scope="col">{t('participants.since')}</th>
              <th scope="col">{t('participants.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p, i) => (
              <tr key={p.id}>
                <td>{i + 1}</td>
                <td>{p.fullName}</td>
                <td>{p.priority}</td>
                <td>{p.waitlistedAt && <time dateTime={p.waitlistedAt.toISOString()}>{time.format(p.waitlistedAt)}</time>}</td>
                <td>
                  <div className="actions-row">
                    <button type="button" className="button secondary" aria-label={t('participants.up', { name: p.fullName })} onClick={() => move(p, 1)} disabled={act.isPending}>
                      ↑
                    </button>
                    <button type="button" className="button secondary" aria-label={t('participants.down', { name: p.fullName })} onClick={() => move(p, -1)} disabled={act.isPending}>
                      ↓
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

function HistoryDialog({ eventId, participant, onClose }: { eventId: string; participant: Participant; onClose(): void }) {
  const { t, i18n } = useTranslation('event-registration');
  const history = useParticipantHistory(eventId, participant.id);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <ModalDialog onClose={onClose}>
      <h2 slot="title">{t('participants.historyTitle', { name: participant.fullName })}</h2>
      {history.data && (
        <ol className="registration-history">
          {history.data.entries.map((h, i) => (
            <li key={i}>
              <time dateTime={h.at.toISOString()}>{time.format(h.at)}</time> — {t(`participants.kinds.${h.kind}`, { defaultValue: h.kind })}
              {h.byOrganiser && ` (${t('participants.byOrganiser')})`}
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="button secondary" onClick={onClose}>
        {t('participants.close')}
      </button>
    </ModalDialog>
  );
}
