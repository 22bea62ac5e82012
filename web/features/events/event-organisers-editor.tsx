// The event's organisers: the lead organisation (always there) and co-organisers, whose trainers, coordinators and
// admins then manage the event too; add one from the list of organisations, or remove one.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventManage } from '#shared/events/event.schema.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { SelectField, SubmitButton, apiError } from '#web/components/ui/form.tsx';
import { useEventChange, useOrganisationChoices } from './events.api.ts';

export function EventOrganisersEditor({ event }: { event: EventManage }) {
  const { t } = useTranslation('events');
  const change = useEventChange(event.id);
  const choices = useOrganisationChoices();
  const [picked, setPicked] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const taken = new Set(event.organisers.map((o) => o.organisationId));
  const options = (choices.data?.organisations ?? []).filter((o) => !taken.has(o.id));
  const onError = (e: unknown) => setProblem(apiError(e)?.message ?? t('form.failed'));

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!picked) return setProblem(t('organisers.choose'));
    setProblem(null);
    change.mutate({ kind: 'addOrganiser', organisationId: picked }, { onSuccess: () => setPicked(''), onError });
  };
  return (
    <section className="card" aria-labelledby="ev-organisers">
      <h2 id="ev-organisers">{t('organisers.title')}</h2>
      <p className="hint">{t('organisers.lead')}</p>
      {problem && (
        <p className="alert error" role="alert">
          {problem}
        </p>
      )}
      <ul className="event-organisers">
        {event.organisers.map((o) => (
          <li key={o.organisationId}>
            <span>
              {o.name} {o.lead && <span className="badge">{t('organisers.leadBadge')}</span>}
            </span>
            {!o.lead && (
              <BusyButton
                className="secondary"
                busy={change.isPending && change.variables?.kind === 'removeOrganiser' && change.variables.organisationId === o.organisationId}
                onClick={() => change.mutate({ kind: 'removeOrganiser', organisationId: o.organisationId }, { onError })}
                aria-label={t('organisers.remove', { name: o.name })}
              >
                {t('organisers.removeShort')}
              </BusyButton>
            )}
          </li>
        ))}
      </ul>
      {options.length > 0 && (
        <form noValidate onSubmit={add} className="event-organiser-add">
          <SelectField id="ev-organiser-add" label={t('organisers.add')} value={picked} onChange={setPicked} options={[{ value: '', label: t('organisers.choose') }, ...options.map((o) => ({ value: o.id, label: o.name }))]} />
          <SubmitButton pending={change.isPending && change.variables?.kind === 'addOrganiser'}>{t('organisers.addButton')}</SubmitButton>
        </form>
      )}
    </section>
  );
}
