// Publish (a draft) and cancel (a draft or a published event), each after a confirmation dialog that says what will
// happen; the server's reasons (a missing title, link or place) are listed when publishing is refused.
import { useState } from 'react';
import { Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { EventManage } from '#shared/events/event.schema.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { useEventChange } from './events.api.ts';

type Step = 'publish' | 'cancel';

export function EventStatusActions({ event, onDone }: { event: EventManage; onDone(message: string): void }) {
  const { t } = useTranslation('events');
  const change = useEventChange(event.id);
  const [asking, setAsking] = useState<Step | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const run = (step: Step) =>
    change.mutate(
      { kind: step, version: event.version },
      {
        onSuccess: () => {
          setAsking(null);
          setProblems([]);
          onDone(t(`status.${step}Done`));
        },
        onError: (e) => {
          const failure = apiError(e);
          setAsking(null);
          setProblems(failure?.body.fields ? Object.keys(failure.body.fields).map((f) => t(`status.missing.${f}`, { defaultValue: failure.body.fields![f] })) : [failure?.message ?? t('form.failed')]);
        },
      },
    );
  // NOTE: an event that has taken place can no longer be cancelled (the server refuses it too).
  if (event.status === 'cancelled' || event.endsAt < new Date()) return null;
  return (
    <div className="event-status-actions">
      {problems.length > 0 && (
        <div className="alert error" role="alert">
          <p>{t('status.refused')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions-row">
        {event.status === 'draft' && (
          <button type="button" onClick={() => setAsking('publish')}>
            {t('status.publish')}
          </button>
        )}
        <button type="button" className="danger" onClick={() => setAsking('cancel')}>
          {t('status.cancel')}
        </button>
      </div>
      {asking && (
        <ModalDialog role="alertdialog" onClose={() => setAsking(null)}>
          <Heading slot="title" level={2}>
            {t(`status.${asking}Title`)}
          </Heading>
          <p>{t(`status.${asking}Text`)}</p>
          <div className="actions-row">
            <BusyButton className={asking === 'cancel' ? 'danger' : undefined} busy={change.isPending} onClick={() => run(asking)}>
              {t(`status.${asking}Confirm`)}
            </BusyButton>
            <button type="button" className="secondary" onClick={() => setAsking(null)}>
              {t('status.keep')}
            </button>
          </div>
        </ModalDialog>
      )}
    </div>
  );
}
