// /library — the publications (with PDFs per language) and the search box.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LIBRARY_LANGUAGES } from '#shared/lib/languages.ts';
import type { PublicationSummary } from '#shared/library/library.schema.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { pdfUrl, usePublications } from './library.api.ts';
import { useWarmOfflineLibrary } from './offline.ts';
import { ReaderPage } from './reader-frame.tsx';
import { useReaderLanguage } from './reader-language.ts';
import { SearchPanel } from './search-panel.tsx';
import { LoadError } from './load-error.tsx';

export function LibraryHomePage() {
  const { t } = useTranslation('library');
  const lang = useReaderLanguage();
  const list = usePublications(lang);
  useWarmOfflineLibrary();
  return (
    <ReaderPage heading={t('title')} documentTitle={t('title')}>
      <p className="lead">{t('home.lead')}</p>
      <SearchPanel onHome />
      <h2>{t('home.publications')}</h2>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} />}
      {list.data && (
        <ul className="publication-list">
          {list.data.publications.map((publication) => (
            <PublicationCard key={publication.slug} publication={publication} />
          ))}
        </ul>
      )}
      <p className="muted">{t('home.offlineNote')}</p>
    </ReaderPage>
  );
}

function PublicationCard({ publication }: { publication: PublicationSummary }) {
  const { t } = useTranslation('library');
  const headingId = `publication-${publication.slug}`;
  const languages = LIBRARY_LANGUAGES.filter((lang) => publication.languages.includes(lang));
  return (
    <li className="card publication-card">
      <h3 id={headingId}>
        <Link to={`/library/${publication.slug}`}>{publication.title}</Link>
      </h3>
      <p className="muted">{t('home.chapters', { count: publication.chapterCount })}</p>
      {languages.length > 0 && (
        <div className="pdf-links">
          <p id={`${headingId}-pdf`}>{t('home.download')}</p>
          <ul aria-labelledby={`${headingId}-pdf`}>
            {languages.map((lang) => (
              <li key={lang}>
                <a href={pdfUrl(publication.slug, lang)} type="application/pdf" hrefLang={lang}>
                  {t('home.downloadIn', { language: t(`languages.${lang}`) })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
