// /library/:publication — the table of contents: chapters with summaries, reading time, locks and translation state.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TocChapter } from '#shared/library/library.schema.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { useToc } from './library.api.ts';
import { LoadError } from './load-error.tsx';
import { useWarmOfflineLibrary } from './offline.ts';
import { ReaderPage } from './reader-frame.tsx';
import { useReaderLanguage, useSignedIn } from './reader-language.ts';

export function TocPage() {
  const { publication = '' } = useParams();
  return <TocView key={publication} slug={publication} />;
}

function TocView({ slug }: { slug: string }) {
  const { t } = useTranslation('library');
  const lang = useReaderLanguage();
  const toc = useToc(slug, lang);
  useWarmOfflineLibrary();
  if (toc.isPending) return <Loading />;
  const crumbs = [{ to: '/library', label: t('title') }];
  if (toc.isError) {
    return (
      <ReaderPage heading={t('title')} documentTitle={t('title')} crumbs={crumbs}>
        <LoadError error={toc.error} />
      </ReaderPage>
    );
  }
  return (
    <ReaderPage heading={toc.data.title} documentTitle={toc.data.title} crumbs={crumbs}>
      <h2>{t('toc.contents')}</h2>
      <ol className="toc">
        {toc.data.chapters.map((chapter) => (
          <TocEntry key={chapter.slug} publication={toc.data.slug} chapter={chapter} />
        ))}
      </ol>
    </ReaderPage>
  );
}

function TocEntry({ publication, chapter }: { publication: string; chapter: TocChapter }) {
  const { t } = useTranslation('library');
  const signedIn = useSignedIn();
  // NOTE: a table of contents saved for offline reading while signed out still says "locked"; the session decides.
  const locked = chapter.locked && !signedIn;
  return (
    <li className="toc-entry">
      <h3>
        <Link to={`/library/${publication}/${chapter.slug}`}>
          <span className="toc-number">{t('toc.chapter', { number: chapter.position })}</span>{' '}
          <span>{chapter.title}</span>
        </Link>
      </h3>
      {chapter.summary && <p>{chapter.summary}</p>}
      <p className="toc-meta">
        <span>{t('toc.minutes', { count: chapter.readingMinutes })}</span>
        {chapter.audience === 'professionals' && (
          <span className="badge">
            {locked && <LockIcon />}
            {t('toc.professionals')}
            {locked && <> — {t('toc.signInToRead')}</>}
          </span>
        )}
        {chapter.outdated && <span className="badge warn">{t('toc.outdated')}</span>}
      </p>
      {chapter.audienceReason && <p className="toc-reason">{t('toc.whyProfessionals', { reason: chapter.audienceReason })}</p>}
    </li>
  );
}

/** Decorative: the words next to it say the same. */
function LockIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 16 16" className="lock-icon">
      <path
        fill="currentColor"
        d="M8 1a4 4 0 0 0-4 4v2H3a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-1V5a4 4 0 0 0-4-4Zm-2 6V5a2 2 0 1 1 4 0v2H6Z"
      />
    </svg>
  );
}
