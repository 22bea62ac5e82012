// /desk/help-contacts — editors keep the Help now registry: every contact with its state and a "needs re-checking"
// tag when its source was last checked 12 months ago or more; add, edit, mark as checked today, withdraw.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpDeskContact } from '#shared/help/help-contact.schema.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { DeskLoadError, DeskPage } from '#web/features/library-desk/desk-frame.tsx';
import { formatDate, useReaderLanguage } from '#web/features/library/reader-language.ts';
import { ApiRequestError } from '#web/lib/api.ts';
import { useContactStep, useDeskContacts } from './help-desk.api.ts';
import { HelpContactForm } from './help-contact-form.tsx';

type Editing = { contact: HelpDeskContact | null } | null;

export function HelpDeskPage() {
  const { t } = useTranslation('help');
  const list = useDeskContacts();
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const done = (text: string) => {
    setEditing(null);
    setMessage({ kind: 'success', text });
  };
  return (
    <DeskPage heading={t('desk.title')} documentTitle={t('desk.title')} crumbs={[{ to: '/desk', label: t('library-desk:dashboard.title') }]}>
      <p className="lead">{t('desk.lead')}</p>
      {message && (
        <p className={`alert ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {list.isPending && <Loading />}
      {list.isError && <DeskLoadError error={list.error} />}
      {list.data && editing && <HelpContactForm key={editing.contact?.id ?? 'new'} contact={editing.contact} today={today} onDone={done} onCancel={() => setEditing(null)} />}
      {list.data && !editing && (
        <>
          <p className={list.data.dueCount > 0 ? 'alert notice' : 'muted'}>{list.data.dueCount > 0 ? t('desk.dueCount', { count: list.data.dueCount }) : t('desk.noneDue')}</p>
          <p>
            <button type="button" onClick={() => (setMessage(null), setEditing({ contact: null }))}>
              {t('desk.new')}
            </button>
          </p>
          <ContactTable contacts={list.data.contacts} onEdit={(contact) => (setMessage(null), setEditing({ contact }))} onMessage={setMessage} />
        </>
      )}
    </DeskPage>
  );
}

function ContactTable({ contacts, onEdit, onMessage }: { contacts: HelpDeskContact[]; onEdit(c: HelpDeskContact): void; onMessage(m: { kind: 'success' | 'error'; text: string }): void }) {
  const { t } = useTranslation('help');
  const lang = useReaderLanguage();
  const step = useContactStep();
  if (contacts.length === 0) return <p className="muted">{t('desk.empty')}</p>;
  const run = async (contact: HelpDeskContact, which: 'verify' | 'withdraw') => {
    try {
      await step.mutateAsync({ id: contact.id, step: which, version: contact.version });
      onMessage({ kind: 'success', text: t(which === 'verify' ? 'desk.verified' : 'desk.withdrawn') });
    } catch (error) {
      onMessage({ kind: 'error', text: error instanceof ApiRequestError && error.status === 409 ? t('common:error.conflict') : t('common:error.generic') });
    }
  };
  const nameOf = (c: HelpDeskContact) => c.names[lang] ?? c.names.en ?? c.key;
  const columns = ['name', 'country', 'number', 'checked', 'status', 'actions'] as const;
  return (
    <TableWrap label={t('desk.tableLabel')}>
      <table className="help-desk-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(`desk.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <ContactRow key={contact.id} contact={contact} name={nameOf(contact)} busy={step.isPending} onEdit={() => onEdit(contact)} onStep={(which) => void run(contact, which)} />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

interface RowProps {
  contact: HelpDeskContact;
  name: string;
  busy: boolean;
  onEdit(): void;
  onStep(which: 'verify' | 'withdraw'): void;
}

function ContactRow({ contact, name, busy, onEdit, onStep }: RowProps) {
  const { t } = useTranslation('help');
  const lang = useReaderLanguage();
  // NOTE: each button names its contact for screen readers: a column of "Edit" buttons is otherwise ambiguous.
  const button = (label: string, onClick: () => void, disabled = false) => (
    <button type="button" className="secondary" disabled={disabled} onClick={onClick}>
      {label}
      <span className="visually-hidden"> ({name})</span>
    </button>
  );
  return (
    <tr>
      <td>{name}</td>
      <td>{t(`countries.${contact.country}`)}</td>
      <td className="nowrap">{contact.number}</td>
      <td>
        {formatDate(new Date(`${contact.verifiedOn}T12:00:00Z`), lang)}
        {contact.due && <span className="badge warn">{t('desk.due')}</span>}
      </td>
      <td>
        <span className={`badge state-${contact.status === 'published' ? 'published' : 'none'}`}>{t(`desk.status.${contact.status}`)}</span>
      </td>
      <td>
        <div className="help-row-actions">
          {button(t('desk.edit'), onEdit)}
          {button(t('desk.verify'), () => onStep('verify'), busy)}
          {contact.status === 'published' && button(t('desk.withdraw'), () => onStep('withdraw'), busy)}
        </div>
      </td>
    </tr>
  );
}
