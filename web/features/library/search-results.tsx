// Search results: a polite live count, "did you mean", links straight to the matching section (partial matches
// marked), and for signed-out readers how many professionals-only sections also match, with a sign-in link.
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { SearchResult } from '#shared/search/search.schema.ts';
import { ApiRequestError } from '#web/lib/api.ts';
import { SEARCH_MIN_CHARS, useLibrarySearch } from './search.api.ts';
import type { SearchState } from './search-state.ts';
import { useReaderLanguage } from './reader-language.ts';
import { Snippet } from './snippet.tsx';

export function SearchResults({ state }: { state: SearchState }) {
  const { t } = useTranslation('library');
  const uiLang = useReaderLanguage();
  const search = useLibrarySearch({ q: state.q, lang: state.lang, publication: state.publication });
  const tooShort = state.q.trim().length > 0 && state.q.trim().length < SEARCH_MIN_CHARS;
  const active = state.q.trim().length >= SEARCH_MIN_CHARS;
  const data = active ? search.data : undefined;
  let status = '';
  if (tooShort) status = t('search.tooShort');
  else if (active && search.isError) status = !navigator.onLine || !(search.error instanceof ApiRequestError) ? t('search.offline') : t('search.failed');
  else if (data) status = data.results.length ? t('search.count', { count: data.results.length }) : t('search.none');
  else if (active) status = t('search.searching');
  return (
    <div className="search-results">
      {/* NOTE: always rendered, so the count is announced each time it changes (role=status is polite). */}
      <p role="status" className="search-status">
        {status}
      </p>
      {data?.didYouMean && (
        <p className="did-you-mean">
          {t('search.didYouMean')}{' '}
          <button type="button" className="link-button" lang={state.lang} onClick={() => state.commit(data.didYouMean ?? '')}>
            {data.didYouMean}
          </button>
          ?
        </p>
      )}
      {data && data.hiddenProfessional > 0 && <HiddenProfessional count={data.hiddenProfessional} />}
      {data && data.results.length > 0 && (
        <ol className="result-list" lang={state.lang === uiLang ? undefined : state.lang}>
          {data.results.map((result) => (
            <ResultItem key={`${result.publication.slug}/${result.chapter.slug}/${result.section.slug}`} result={result} />
          ))}
        </ol>
      )}
    </div>
  );
}

/** Professionals-only sections match too: their number only (never titles), and the way to see them. */
function HiddenProfessional({ count }: { count: number }) {
  const { t } = useTranslation('library');
  const location = useLocation();
  return (
    <p className="alert">
      {t('search.hiddenProfessional', { count })}{' '}
      {/* The sign-in page returns to `from` afterwards, so the reader lands back on the same search. */}
      <Link to="/sign-in" state={{ from: `${location.pathname}${location.search}` }}>
        {t('search.signInToSee')}
      </Link>
    </p>
  );
}

function ResultItem({ result }: { result: SearchResult }) {
  const { t } = useTranslation('library');
  const to = `/library/${result.publication.slug}/${result.chapter.slug}#${result.section.slug}`;
  return (
    <li>
      <Link to={to} className="result-title">
        {result.section.title}
      </Link>
      <p className="result-where">
        {result.chapter.title} · {result.publication.title}
        {result.partial && <> · {t('search.partial')}</>}
      </p>
      <p className="snippet">
        <Snippet html={result.snippetHtml} />
      </p>
    </li>
  );
}
