// Step 1 of a new referral: find a service that accepts referrals now in the public directory, and choose it.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '#web/components/ui/banner.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useServiceSearch } from './referrals.api.ts';

export interface ChosenService {
  id: string;
  name: string;
  organizationName: string;
  onPlatform: boolean;
}

export function ServicePicker({ onChoose }: { onChoose(s: ChosenService): void }) {
  const { t, i18n } = useTranslation('referrals');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const results = useServiceSearch(q, i18n.language, true);
  const search = () => setQ(typed.trim());
  // NOTE: a search region, not a <form>: the picker also sits inside the case consent form, and a nested form made
  // the browser submit the page (a reload that lost the form). Enter searches and never submits the form around it.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    search();
  };
  return (
    <div className="service-picker">
      <div role="search" className="search-row">
        <div className="field">
          <label htmlFor="service-search">{t('form.search')}</label>
          <span className="hint" id="service-search-hint">
            {t('form.searchHint')}
          </span>
          <input id="service-search" type="search" value={typed} maxLength={200} onChange={(e) => setTyped(e.target.value)} onKeyDown={onKeyDown} aria-describedby="service-search-hint" />
        </div>
        <button type="button" className="secondary" onClick={search}>
          {t('form.searchButton')}
        </button>
      </div>
      {results.isPending && <Loading />}
      {results.isError && (
        <Banner tone="error" role="alert">
          {t('form.searchError')}
        </Banner>
      )}
      {results.data && results.data.services.length === 0 && <p className="muted">{t('form.noServices')}</p>}
      {results.data && results.data.services.length > 0 && (
        <ul className="service-choices">
          {results.data.services.map((s) => (
            <li key={s.id} className="card">
              <p className="service-choice-name">{s.name}</p>
              <p className="muted">
                {s.organizationName}
                {s.city ? ` · ${s.city}` : ''}
                {!s.onPlatform && ` · ${t('form.offPlatform')}`}
              </p>
              <button type="button" className="secondary" onClick={() => onChoose({ id: s.id, name: s.name, organizationName: s.organizationName, onPlatform: s.onPlatform })}>
                {t('form.chooseShort')}
                <span className="visually-hidden"> {s.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
