// The directory search's filters: kind of help, county (grouped by country, or a whole country), language spoken, the
// person's age, free of charge, accepting referrals now.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_CATEGORIES } from '#shared/directory/taxonomy.ts';
import { COUNTRIES, REGIONS } from '#shared/directory/regions.ts';
import { DIRECTORY_LANGUAGES } from '#shared/directory/directory-desk.schema.ts';
import type { Filters } from './directory-filters.ts';
import { useDirectoryLabels } from './directory-labels.ts';

export function DirectoryFilterFields({ draft, onChange }: { draft: Filters; onChange(f: Filters): void }) {
  const { t } = useTranslation('directory');
  const labels = useDirectoryLabels();
  const id = useId();
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...draft, [key]: value });
  const byName = (a: string, b: string) => a.localeCompare(b, labels.lang);
  return (
    <fieldset className="search-filters directory-filters">
      <legend className="visually-hidden">{t('filters.legend')}</legend>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('filters.category')}</label>
        <select id={`${id}-category`} value={draft.category} onChange={(e) => set('category', e.target.value)}>
          <option value="">{t('filters.anyCategory')}</option>
          {SERVICE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {labels.category(c)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-place`}>{t('filters.county')}</label>
        <select id={`${id}-place`} value={draft.place} onChange={(e) => set('place', e.target.value)}>
          <option value="">{t('filters.anyCounty')}</option>
          {COUNTRIES.map((country) => (
            <optgroup key={country} label={t(`countries.${country}`)}>
              <option value={country}>{t('filters.wholeCountry', { country: t(`countries.${country}`) })}</option>
              {Object.entries(REGIONS[country] as Record<string, string>)
                .sort(([, a], [, b]) => byName(a, b))
                .map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('filters.language')}</label>
        <select id={`${id}-language`} value={draft.language} onChange={(e) => set('language', e.target.value)}>
          <option value="">{t('filters.anyLanguage')}</option>
          {[...DIRECTORY_LANGUAGES]
            .sort((a, b) => byName(labels.language(a), labels.language(b)))
            .map((code) => (
              <option key={code} value={code}>
                {labels.language(code)}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-age`}>{t('filters.age')}</label>
        <span className="hint" id={`${id}-age-hint`}>
          {t('filters.ageHint')}
        </span>
        <input id={`${id}-age`} inputMode="numeric" autoComplete="off" maxLength={3} aria-describedby={`${id}-age-hint`} value={draft.age} onChange={(e) => set('age', e.target.value.replace(/\D/g, ''))} />
      </div>
      <div className="directory-checks">
        <label className="choice">
          <input type="checkbox" checked={draft.accepting} onChange={(e) => set('accepting', e.target.checked)} />
          {t('filters.accepting')}
        </label>
        <label className="choice">
          <input type="checkbox" checked={draft.free} onChange={(e) => set('free', e.target.checked)} />
          {t('filters.free')}
        </label>
      </div>
    </fieldset>
  );
}
