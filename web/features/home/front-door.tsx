// The signed-out home: where to start when a patient may be exploited, the library's search and publications, and
// how professionals get in. NOTE: part of the reader route's start bundle — no zod, no lazy namespaces (decision 010).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePublications } from '#web/features/library/library.api.ts';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { LibrarySearchBox } from './library-search-box.tsx';
import { StartHere } from './start-here.tsx';

export function FrontDoor() {
  return (
    <>
      <StartHere />
      <LibrarySearchBox />
      <Publications />
      <ForProfessionals />
    </>
  );
}

/** The publications by title in the page's language; the link to the whole library shows even while they load. */
function Publications() {
  const { t } = useTranslation();
  const list = usePublications(useReaderLanguage());
  return (
    <section aria-labelledby="home-publications">
      <h2 id="home-publications">{t('home.publications.heading')}</h2>
      <ul className="home-links">
        {list.data?.publications.map((publication) => (
          <li key={publication.slug}>
            <Link to={`/library/${publication.slug}`}>{publication.title}</Link>
          </li>
        ))}
        <li>
          <Link to="/library">{t('home.publications.all')}</Link>
        </li>
      </ul>
    </section>
  );
}

function ForProfessionals() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-access">
      <h2 id="home-access">{t('home.access.heading')}</h2>
      <p>{t('home.access.text')}</p>
      <p className="home-actions">
        <Link to="/sign-in" className="button">
          {t('home.access.signIn')}
        </Link>
        <Link to="/request-access" className="button secondary">
          {t('home.access.request')}
        </Link>
      </p>
    </section>
  );
}
