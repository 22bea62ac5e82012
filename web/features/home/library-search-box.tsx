// A search box that opens the library's search page (/library/search?q=…) with what was typed.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { SEARCH_QUERY_MAX } from '#shared/search/search-limits.ts';

export function LibrarySearchBox() {
  const { t } = useTranslation();
  const id = useId();
  // NOTE: a GET form with the search page's own parameter: it also works before the script has loaded.
  return (
    <Form method="get" action="/library/search" role="search" aria-labelledby={`${id}-label`} className="home-search">
      <label id={`${id}-label`} htmlFor={`${id}-q`}>
        {t('home.search.label')}
      </label>
      <div className="search-row">
        <input id={`${id}-q`} name="q" type="search" autoComplete="off" spellCheck={false} maxLength={SEARCH_QUERY_MAX} />
        <button type="submit">{t('home.search.submit')}</button>
      </div>
    </Form>
  );
}
