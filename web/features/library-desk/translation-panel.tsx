// For a translation: which source revision it follows, whether the source has changed since (outdated), a link to
// what changed there, and the source text itself to translate from.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SectionEdit, TranslationInfo } from '#shared/library/library-edit.schema.ts';
import { editorPath } from './desk-frame.tsx';
import { useRevision } from './section.api.ts';

export function TranslationNotice({ edit, translation }: { edit: SectionEdit; translation: TranslationInfo }) {
  const { t } = useTranslation('library-desk');
  const followed = useRevision(translation.sourceRevisionId).data;
  const published = useRevision(translation.sourcePublishedRevisionId).data;
  const source = t(`library:languages.${translation.sourceLanguage}`);
  if (!translation.sourcePublishedRevisionId) return <p className="alert notice">{t('translation.noSource', { language: source })}</p>;
  if (!edit.current) return <p className="muted">{published ? t('translation.start', { language: source, number: published.number }) : null}</p>;
  if (!translation.outdated) {
    return (
      <p className="muted">
        {followed ? t('translation.follows', { language: source, number: followed.number }) : t('translation.followsCurrent', { language: source })}
      </p>
    );
  }
  const changes = translation.sourceRevisionId
    ? `${editorPath(edit.sectionId, translation.sourceLanguage)}/revisions?${new URLSearchParams({ from: translation.sourceRevisionId, to: translation.sourcePublishedRevisionId })}`
    : null;
  return (
    <div className="alert notice">
      <p>
        <strong>{t('translation.outdated')}</strong>{' '}
        {followed && published
          ? t('translation.outdatedDetail', { language: source, followed: followed.number, published: published.number })
          : t('translation.outdatedShort', { language: source })}
      </p>
      {changes && (
        <p>
          <Link to={changes}>{t('translation.whatChanged', { language: source })}</Link>
        </p>
      )}
    </div>
  );
}

/** The published source text, to translate from; open beside the editor on wide screens. */
export function SourceText({ translation }: { translation: TranslationInfo }) {
  const { t } = useTranslation('library-desk');
  const revision = useRevision(translation.sourcePublishedRevisionId).data;
  if (!revision) return null;
  const language = t(`library:languages.${translation.sourceLanguage}`);
  return (
    <details className="source-text" open>
      <summary>{t('translation.sourceText', { language, number: revision.number })}</summary>
      <div className="source-md" role="region" aria-label={t('translation.sourceText', { language, number: revision.number })} tabIndex={0} lang={revision.language}>
        <p className="source-title">{revision.title}</p>
        {revision.bodyMd}
      </div>
    </details>
  );
}
