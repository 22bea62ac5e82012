// The first screen's own parts: where the clinician works (which numbers and services apply), the promise that
// nothing leaves the device, and the printable pocket card.
import { useId, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { AidContent } from '#shared/identify/aid-content.ts';
import { COUNTRIES, type Country } from '#shared/directory/regions.ts';
import type { AidState } from './aid-state.ts';

export function AidStart({ content, state, setState }: { content: AidContent; state: AidState; setState: Dispatch<SetStateAction<AidState>> }) {
  const { t, i18n } = useTranslation('identify');
  const id = useId();
  return (
    <>
      <p className="aid-privacy">{content.privacy}</p>
      <div className="field">
        <label htmlFor={`${id}-country`}>{t('country.label')}</label>
        <select id={`${id}-country`} value={state.country} onChange={(e) => setState((s) => ({ ...s, country: e.target.value as Country }))}>
          {COUNTRIES.map((country) => (
            <option key={country} value={country}>
              {t(`country.${country}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="aid-pocket-link">
        <a href={`/api/identify/pocket-card.pdf?lang=${i18n.language}`} download>
          {t('pocketCard')}
        </a>
      </p>
    </>
  );
}
