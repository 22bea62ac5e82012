// A list of section texts on the desk (drafts, texts in review, outdated translations), each linking to its editor;
// a text in review also to what changed since its published version.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeskText } from './desk.api.ts';
import { StateBadge, Time, editorPath } from './desk-frame.tsx';

export function TextList({ texts, empty }: { texts: DeskText[]; empty: string }) {
  const { t } = useTranslation('library-desk');
  if (texts.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="desk-list">
      {texts.map((text) => (
        <li key={`${text.sectionId}:${text.language}`}>
          <Link to={editorPath(text.sectionId, text.language)} className="desk-item-title" lang={text.language}>
            {text.title}
          </Link>
          <span className="desk-item-meta">
            <span lang={text.language}>{text.chapterTitle}</span>
            <span>{t(`library:languages.${text.language}`)}</span>
            <StateBadge state={text.state} outdated={text.outdated} />
            {text.state === 'in_review' && (
              <Link to={`${editorPath(text.sectionId, text.language)}/revisions`} aria-label={t('dashboard.changesNamed', { title: text.title })}>
                {t('dashboard.changes')}
              </Link>
            )}
          </span>
          <span className="desk-item-meta">
            {text.authorName ? <span>{t('dashboard.by', { name: text.authorName })}</span> : <span>{t('dashboard.imported')}</span>}
            <span>
              {text.submittedAt && text.state === 'in_review' ? t('dashboard.submitted') : t('dashboard.updated')} <Time date={text.submittedAt && text.state === 'in_review' ? text.submittedAt : text.updatedAt} />
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
