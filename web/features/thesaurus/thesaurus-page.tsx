// /desk/thesaurus — editors and reviewers keep the search synonyms of each language: the groups as lists of tags,
// add a group, change its terms, delete it after confirming. A change is used by the next search at once.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIBRARY_LANGUAGES } from '#shared/lib/languages.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import type { SynonymGroup } from '#shared/search/thesaurus.schema.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { DeskLoadError, DeskPage } from '#web/features/library-desk/desk-frame.tsx';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { ApiRequestError } from '#web/lib/api.ts';
import { SynonymGroupForm } from './synonym-group-form.tsx';
import { useDeleteGroup, useThesaurus } from './thesaurus.api.ts';

type Message = { kind: 'success' | 'error'; text: string };

export function ThesaurusPage() {
  const { t } = useTranslation('thesaurus');
  const id = useId();
  // NOTE: the interface language until one is picked: it may change once the account's own language has loaded.
  const readerLanguage = useReaderLanguage();
  const [picked, setLanguage] = useState<LibraryLanguage | null>(null);
  const language = picked ?? readerLanguage;
  const list = useThesaurus(language);
  const [editing, setEditing] = useState<{ group: SynonymGroup | null } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const done = (text: string) => (setEditing(null), setMessage({ kind: 'success', text }));
  const groups = list.data?.language === language ? list.data.groups : [];
  return (
    <DeskPage heading={t('title')} documentTitle={t('title')} crumbs={[{ to: '/desk', label: t('library-desk:dashboard.title') }]}>
      <p className="lead">{t('lead')}</p>
      {message && (
        <p className={`alert ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div className="field thesaurus-language">
        <label htmlFor={`${id}-language`}>{t('language')}</label>
        <select id={`${id}-language`} value={language} disabled={editing !== null} onChange={(e) => (setMessage(null), setLanguage(e.target.value as LibraryLanguage))}>
          {LIBRARY_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`library:languages.${l}`)}
            </option>
          ))}
        </select>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <DeskLoadError error={list.error} />}
      {list.data && editing && (
        <SynonymGroupForm
          key={editing.group?.id ?? 'new'}
          language={language}
          group={editing.group}
          others={groups.filter((g) => g.id !== editing.group?.id)}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      )}
      {list.data && !editing && (
        <>
          <p>
            <button type="button" onClick={() => (setMessage(null), setEditing({ group: null }))}>
              {t('new')}
            </button>
          </p>
          <h2>{t('groupsHeading', { language: t(`library:languages.${language}`) })}</h2>
          {groups.length === 0 ? (
            <p className="muted">{t('empty')}</p>
          ) : (
            <ul className="thesaurus-groups">
              {groups.map((group) => (
                <GroupItem key={group.id} group={group} onEdit={() => (setMessage(null), setEditing({ group }))} onMessage={setMessage} />
              ))}
            </ul>
          )}
        </>
      )}
    </DeskPage>
  );
}

function GroupItem({ group, onEdit, onMessage }: { group: SynonymGroup; onEdit(): void; onMessage(m: Message): void }) {
  const { t } = useTranslation('thesaurus');
  const remove = useDeleteGroup();
  const [confirming, setConfirming] = useState(false);
  // NOTE: each button names its group for screen readers: a column of "Edit" buttons is otherwise ambiguous.
  const name = group.terms.slice(0, 3).join(', ');
  const named = (label: string) => (
    <>
      {label}
      <span className="visually-hidden"> ({name})</span>
    </>
  );
  const confirm = async () => {
    try {
      await remove.mutateAsync({ id: group.id, version: group.version });
      onMessage({ kind: 'success', text: t('deleted') });
    } catch (error) {
      setConfirming(false);
      onMessage({ kind: 'error', text: error instanceof ApiRequestError && error.status === 409 ? t('common:error.conflict') : t('common:error.generic') });
    }
  };
  return (
    <li className="thesaurus-group">
      <ul className="thesaurus-terms" aria-label={t('termsOf', { name })}>
        {group.terms.map((term) => (
          <li key={term} className="tag">
            {term}
          </li>
        ))}
      </ul>
      {confirming ? (
        <div className="actions-row" role="group" aria-label={t('confirmDelete')}>
          <span>{t('confirmDelete')}</span>
          <BusyButton className="danger" busy={remove.isPending} onClick={() => void confirm()}>
            {named(t('delete'))}
          </BusyButton>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {t('keep')}
          </button>
        </div>
      ) : (
        <div className="actions-row">
          <button type="button" className="secondary" onClick={onEdit}>
            {named(t('edit'))}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            {named(t('delete'))}
          </button>
        </div>
      )}
    </li>
  );
}
