// /events/:id/participants: the organiser's list with filters and counts per status, approve/reject, cancel on
// someone's behalf, the waiting list in offer order with priority up/down, each registration's history, and the
// CSV/XLSX exports (downloaded through the same filters).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { Page } from '#web/components/page.tsx';
import { SelectField, TextField } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { INSTITUTION_TYPES, PARTICIPANT_COUNTRIES, PARTICIPANT_PROFESSIONS, REGISTRATION_STATUSES } from '#shared/events/event-vocabulary.ts';
import type { ParticipantFilter } from '#shared/events/registration.schema.ts';
import { EventManageNav } from './event-manage-nav.tsx';
import { ParticipantsTable, WaitlistTable } from './participants-tables.tsx';
import { participantsUrl, useParticipants } from './registration.api.ts';

export function ParticipantsPage() {
  const { t } = useTranslation('event-registration');
  const eventId = useParams().id ?? '';
  const [filter, setFilter] = useState<ParticipantFilter>({});
  const list = useParticipants(eventId, filter);
  return (
    <Page title={t('participants.title')}>
      <EventManageNav eventId={eventId} />
      {list.isPending && <Loading />}
      {list.isError && <p className="alert error">{t('common:error.generic')}</p>}
      {list.data && (
        <div className="participants-page">
          <p>
            <strong>{t('participants.capacity', { held: list.data.seatsHeld, capacity: list.data.capacity })}</strong>
          </p>
          <section aria-labelledby="participant-counts">
            <h2 id="participant-counts">{t('participants.counts')}</h2>
            <ul className="participant-counts">
              {REGISTRATION_STATUSES.map((s) => (
                <li key={s}>
                  {t(`status.${s}`)}: <strong>{list.data.counts[s] ?? 0}</strong>
                </li>
              ))}
            </ul>
          </section>
          <Filters value={filter} onApply={setFilter} />
          <p className="actions-row">
            <a className="button secondary" href={participantsUrl(eventId, filter, '.csv')} download>
              {t('participants.exportCsv')}
            </a>
            <a className="button secondary" href={participantsUrl(eventId, filter, '.xlsx')} download>
              {t('participants.exportXlsx')}
            </a>
          </p>
          <Tabs>
            <TabList aria-label={t('participants.tabs')} className="tab-list">
              <Tab id="list" className="tab">
                {t('participants.listTab')}
              </Tab>
              <Tab id="waitlist" className="tab">
                {t('participants.waitlistTab', { count: list.data.waitlist.length })}
              </Tab>
            </TabList>
            <TabPanel id="list" className="tab-panel">
              <ParticipantsTable eventId={eventId} rows={list.data.participants} />
            </TabPanel>
            <TabPanel id="waitlist" className="tab-panel">
              <WaitlistTable eventId={eventId} rows={list.data.waitlist} />
            </TabPanel>
          </Tabs>
        </div>
      )}
    </Page>
  );
}

function Filters({ value, onApply }: { value: ParticipantFilter; onApply(f: ParticipantFilter): void }) {
  const { t } = useTranslation('event-registration');
  const [draft, setDraft] = useState<Record<string, string>>({ ...value } as Record<string, string>);
  const set = (k: string) => (v: string) => setDraft({ ...draft, [k]: v });
  const all = { value: '', label: t('participants.all') };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = Object.fromEntries(Object.entries(draft).filter(([, v]) => v && v.trim() !== '')) as ParticipantFilter;
    onApply(clean);
  };
  return (
    <form className="participant-filters" onSubmit={submit} noValidate aria-labelledby="participant-filters">
      <h2 id="participant-filters">{t('participants.filters')}</h2>
      <div className="participant-filter-fields">
        <SelectField id="pf-status" label={t('participants.status')} value={draft.status ?? ''} onChange={set('status')} options={[all, ...REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
        <SelectField id="pf-checked" label={t('participants.checkedIn')} value={draft.checkedIn ?? ''} onChange={set('checkedIn')} options={[all, { value: 'yes', label: t('participants.yes') }, { value: 'no', label: t('participants.no') }]} />
        <SelectField id="pf-profession" label={t('participants.profession')} value={draft.profession ?? ''} onChange={set('profession')} options={[all, ...PARTICIPANT_PROFESSIONS.map((s) => ({ value: s, label: t(`professions.${s}`) }))]} />
        <SelectField id="pf-institution" label={t('participants.institutionType')} value={draft.institutionType ?? ''} onChange={set('institutionType')} options={[all, ...INSTITUTION_TYPES.map((s) => ({ value: s, label: t(`institutionTypes.${s}`) }))]} />
        <SelectField id="pf-country" label={t('participants.country')} value={draft.country ?? ''} onChange={set('country')} options={[all, ...PARTICIPANT_COUNTRIES.map((s) => ({ value: s, label: t(`countries.${s}`) }))]} />
        <TextField id="pf-q" label={t('participants.search')} value={draft.q ?? ''} onChange={set('q')} maxLength={120} />
      </div>
      <div className="actions-row">
        <button type="submit" className="button">
          {t('participants.apply')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          {t('participants.reset')}
        </button>
      </div>
    </form>
  );
}
