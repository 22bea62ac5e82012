// /directory — find a service: words in any of the three languages, and filters (kind of help, county, language
// spoken, free, accepting referrals now, the person's age). No account needed; the filters live in the address bar.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DIRECTORY_PAGE_SIZE } from '#shared/directory/directory-search.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { useDirectorySearch } from './directory.api.ts';
import { DirectoryCard } from './directory-card.tsx';
import { filtersOf, paramsOf, type Filters } from './directory-filters.ts';
import { DirectoryFilterFields } from './directory-filter-fields.tsx';
import { useDirectoryLabels } from './directory-labels.ts';

export function DirectoryPage() {
  const { t } = useTranslation('directory');
  const [params, setParams] = useSearchParams();
  const applied = filtersOf(params);
  const [draft, setDraft] = useState<Filters>(applied);
  const key = params.toString();
  // NOTE: back and forward in the browser change the address: the form follows it.
  useEffect(() => setDraft(filtersOf(new URLSearchParams(key))), [key]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(paramsOf({ ...draft, page: 1 }));
  };
  return (
    <Page title={t('title')}>
      <p className="lead">{t('lead')}</p>
      <p>
        <Link to="/directory/counties">{t('countiesLink')}</Link>
      </p>
      <SearchForm draft={draft} onChange={setDraft} onSubmit={submit} />
      <Results filters={applied} onPage={(page) => setParams(paramsOf({ ...applied, page }))} />
      <p className="muted directory-note">{t('mapNote')}</p>
    </Page>
  );
}

function SearchForm({ draft, onChange, onSubmit }: { draft: Filters; onChange(f: Filters): void; onSubmit(e: FormEvent): void }) {
  const { t } = useTranslation('directory');
  const id = useId();
  return (
    <form role="search" aria-label={t('search.label')} onSubmit={onSubmit} className="search-form directory-search" noValidate>
      <div className="field search-box">
        <label htmlFor={`${id}-q`}>{t('search.label')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('search.hint')}
        </p>
        <div className="search-row">
          <input id={`${id}-q`} type="search" autoComplete="off" maxLength={200} aria-describedby={`${id}-hint`} value={draft.q} onChange={(e) => onChange({ ...draft, q: e.target.value })} />
          <button type="submit">{t('search.submit')}</button>
        </div>
      </div>
      <DirectoryFilterFields draft={draft} onChange={onChange} />
      <p className="actions-row">
        <button type="submit" className="secondary">
          {t('search.apply')}
        </button>
        <Link to="/directory">{t('search.clear')}</Link>
      </p>
    </form>
  );
}

function Results({ filters, onPage }: { filters: Filters; onPage(page: number): void }) {
  const { t } = useTranslation('directory');
  const labels = useDirectoryLabels();
  const query = paramsOf(filters);
  query.set('lang', labels.lang);
  const result = useDirectorySearch(query);
  if (result.isPending) return <Loading />;
  if (result.isError) return <Banner tone="error">{t('loadError')}</Banner>;
  const { total, services, page } = result.data;
  const pages = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
  return (
    <section aria-labelledby="directory-results" className="directory-results">
      <h2 id="directory-results">{t('results.heading')}</h2>
      <p role="status" className="search-status">
        {total === 0 ? t('results.none') : t('results.count', { count: total })}
      </p>
      {services.length > 0 && (
        <ul className="directory-cards">
          {services.map((s) => (
            <DirectoryCard key={s.id} service={s} />
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label={t('results.pages')} className="directory-pager">
          <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('results.previous')}
          </button>
          <span>{t('results.pageOf', { page, pages })}</span>
          <button type="button" className="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            {t('results.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
