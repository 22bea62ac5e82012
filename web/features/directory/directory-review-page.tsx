// /desk/directory/review — new directory services waiting for a second pair of eyes: a coordinator of another
// organisation (or a platform admin) approves them (public from then on) or sends them back with a note.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReviewItem } from '#shared/directory/directory-desk.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { Tag } from '#web/components/ui/tag.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { DeskLoadError, DeskPage } from '#web/features/library-desk/desk-frame.tsx';
import { useDecideReview, useReviewList } from './directory.api.ts';
import { ageKey, useDirectoryLabels } from './directory-labels.ts';

type Message = { tone: 'success' | 'error'; text: string };

export function DirectoryReviewPage() {
  const { t } = useTranslation('directory');
  const list = useReviewList();
  const [message, setMessage] = useState<Message | null>(null);
  return (
    <DeskPage heading={t('review.title')} documentTitle={t('review.title')} crumbs={[{ to: '/desk/directory', label: t('desk.title') }]}>
      <p className="lead">{t('review.lead')}</p>
      <Banner>{t('review.fourEyes')}</Banner>
      {message && (
        <Banner tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
        </Banner>
      )}
      {list.isPending && <Loading />}
      {list.isError && <DeskLoadError error={list.error} />}
      {list.data && list.data.services.length === 0 && <p className="muted">{t('review.empty')}</p>}
      {list.data && list.data.services.length > 0 && (
        <ul className="directory-review-list">
          {list.data.services.map((s) => (
            <ReviewCard key={s.id} item={s} onMessage={setMessage} />
          ))}
        </ul>
      )}
      <p>
        <Link to="/desk/directory">{t('review.backToDesk')}</Link>
      </p>
      <p>
        <Link to="/desk/directory/import">{t('review.importExport')}</Link>
      </p>
    </DeskPage>
  );
}

function ReviewCard({ item, onMessage }: { item: ReviewItem; onMessage(m: Message): void }) {
  const { t } = useTranslation('directory');
  const labels = useDirectoryLabels();
  const id = useId();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState(false);
  const decide = useDecideReview();
  const age = ageKey(item.minimumAge, item.maximumAge);
  const run = async (decision: 'approved' | 'rejected') => {
    if (decision === 'rejected' && note.trim() === '') {
      setNoteError(true);
      document.getElementById(`${id}-note`)?.focus();
      return;
    }
    setNoteError(false);
    try {
      await decide.mutateAsync({ id: item.id, body: { decision, note: note.trim() === '' ? null : note.trim(), version: item.version } });
      onMessage({ tone: 'success', text: t(decision === 'approved' ? 'review.approved' : 'review.rejected', { name: item.name }) });
    } catch (error) {
      onMessage({ tone: 'error', text: apiError(error)?.status === 409 ? t('desk.conflict') : apiError(error)?.status === 403 ? t('review.notYours') : t('desk.failed') });
    }
  };
  const summaries = Object.entries(item.summaries);
  return (
    <li className="card" aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>{item.name}</h2>
      <p className="directory-card-org">
        {item.organizationName} <Tag>{item.onPlatform ? t('review.onPlatform') : t('desk.offPlatformTag')}</Tag> {item.isDemo && <Tag tone="draft">{t('tags.demo')}</Tag>}
      </p>
      <p className="muted">{t('review.submitted', { when: labels.dateTime(item.submittedAt) })}</p>
      {summaries.map(([lang, text]) => (
        <p key={lang} lang={lang}>
          <span className="visually-hidden">{t(`languages.${lang}`)}: </span>
          {text}
        </p>
      ))}
      <dl className="directory-facts">
        <dt>{t('facts.kind')}</dt>
        <dd>{item.categories.map(labels.category).join(', ')}</dd>
        <dt>{t('facts.area')}</dt>
        <dd>{item.serviceAreas.map(labels.region).join(', ')}</dd>
        <dt>{t('facts.languages')}</dt>
        <dd>{item.languages.map(labels.language).join(', ')}</dd>
        <dt>{t('facts.who')}</dt>
        <dd>{age ? t(`facts.${age.key}`, age.values) : t('facts.anyAge')}</dd>
        <dt>{t('facts.phone')}</dt>
        <dd>{item.phone ?? '—'}</dd>
      </dl>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('review.note')}</label>
        <span className="hint" id={`${id}-note-hint`}>
          {t('review.noteHint')}
        </span>
        <textarea id={`${id}-note`} rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={noteError || undefined} aria-describedby={`${id}-note-hint${noteError ? ` ${id}-note-error` : ''}`} />
        {noteError && (
          <span className="field-error" id={`${id}-note-error`}>
            {t('desk.errors.note')}
          </span>
        )}
      </div>
      <p className="actions-row">
        <BusyButton busy={decide.isPending} onClick={() => void run('approved')}>
          {t('review.approve')}
          <span className="visually-hidden"> ({item.name})</span>
        </BusyButton>
        <button type="button" className="secondary" disabled={decide.isPending} onClick={() => void run('rejected')}>
          {t('review.reject')}
          <span className="visually-hidden"> ({item.name})</span>
        </button>
      </p>
    </li>
  );
}
