// The library search box with its filters and results as you type; on /library and on /library/search.
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LIBRARY_LANGUAGES } from '#shared/lib/languages.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { SEARCH_QUERY_MAX } from '#shared/search/search-limits.ts';
import { usePublications } from './library.api.ts';
import { isLibraryLanguage, useReaderLanguage } from './reader-language.ts';
import { SearchResults } from './search-results.tsx';
import { useSearchState, type SearchState } from './search-state.ts';

/** `onHome`: the submit button opens the full search page instead of staying here. */
export function SearchPanel({ onHome = false }: { onHome?: boolean }) {
  const { t } = useTranslation('library');
  const state = useSearchState();
  const navigate = useNavigate();
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!onHome) return state.commit(state.text);
    const params = new URLSearchParams({ q: state.text });
    if (state.publication) params.set('publication', state.publication);
    void navigate(`/library/search?${params}`);
  };
  return (
    <div className="library-search">
      <form role="search" aria-label={t('search.label')} onSubmit={submit} className="search-form">
        <div className="field search-box">
          <label htmlFor={`${id}-q`}>{t('search.label')}</label>
          <p id={`${id}-hint`} className="hint">
            {t('search.hint')}
          </p>
          <div className="search-row">
            <input
              id={`${id}-q`}
              type="search"
              autoComplete="off"
              spellCheck={false}
              maxLength={SEARCH_QUERY_MAX}
              aria-describedby={`${id}-hint`}
              value={state.text}
              onChange={(e) => state.setText(e.target.value)}
            />
            <button type="submit">{t('search.submit')}</button>
          </div>
        </div>
        <SearchFilters state={state} />
      </form>
      <SearchResults state={state} />
    </div>
  );
}

function SearchFilters({ state }: { state: SearchState }) {
  const { t } = useTranslation('library');
  const uiLang = useReaderLanguage();
  const publications = usePublications(uiLang).data?.publications ?? [];
  const id = useId();
  return (
    <fieldset className="search-filters">
      <legend className="visually-hidden">{t('search.filters')}</legend>
      <div className="field">
        <label htmlFor={`${id}-lang`}>{t('search.language')}</label>
        <select id={`${id}-lang`} value={state.lang} onChange={(e) => isLibraryLanguage(e.target.value) && state.setLang(e.target.value)}>
          {LIBRARY_LANGUAGES.map((lang: LibraryLanguage) => (
            <option key={lang} value={lang}>
              {t(`languages.${lang}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-pub`}>{t('search.publication')}</label>
        <select id={`${id}-pub`} value={state.publication} onChange={(e) => state.setPublication(e.target.value)}>
          <option value="">{t('search.allPublications')}</option>
          {publications.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
