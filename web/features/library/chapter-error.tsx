// Why a chapter cannot be shown: professionals only (sign in), not published, or offline and not saved yet.
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { PublicationToc } from '#shared/library/library.schema.ts';
import { ApiRequestError } from '#web/lib/api.ts';
import { ReaderPage } from './reader-frame.tsx';

type Reason = 'locked' | 'missing' | 'offlineMissing' | 'failed';

export function reasonOf(error: Error): Reason {
  if (error instanceof ApiRequestError) {
    if (error.status === 401) return 'locked';
    if (error.status === 404) return 'missing';
    if (error.status === 503 && !navigator.onLine) return 'offlineMissing';
  }
  // A fetch that never reached the server (no service worker yet, or it is bypassed).
  if (!navigator.onLine || error instanceof TypeError) return 'offlineMissing';
  return 'failed';
}

export function ChapterError({ error, toc, chapter }: { error: Error; toc: PublicationToc | undefined; chapter: string }) {
  const { t } = useTranslation('library');
  const reason = reasonOf(error);
  const location = useLocation();
  const entry = toc?.chapters.find((c) => c.slug === chapter);
  const title = entry?.title;
  const crumbs = [{ to: '/library', label: t('title') }];
  if (toc) crumbs.push({ to: `/library/${toc.slug}`, label: toc.title });
  return (
    <ReaderPage heading={title ?? t('title')} documentTitle={toc?.title ?? t('title')} crumbs={crumbs}>
      <div className={reason === 'locked' ? 'alert' : 'alert error'}>
        <p>{reason === 'failed' ? t('common:error.generic') : t(`chapter.${reason}`)}</p>
        {reason === 'locked' && (
          <p>
            {/* The sign-in page returns to `from` afterwards. */}
            <Link to="/sign-in" state={{ from: `${location.pathname}${location.hash}` }} className="button">
              {t('chapter.signIn')}
            </Link>{' '}
            <Link to="/request-access">{t('chapter.requestAccess')}</Link>
          </p>
        )}
        {reason === 'locked' && entry?.audienceReason && <p>{t('toc.whyProfessionals', { reason: entry.audienceReason })}</p>}
      </div>
    </ReaderPage>
  );
}
