// /help — "Help now": emergency numbers and helplines, grouped by country, the reader's likely country first (with a
// switch), each number a big tap-to-call link with its hours, languages, purpose and official source.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpContact, HelpCountry } from '#shared/help/help-contact.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { COUNTRY_ORDER, LIKELY_COUNTRY, useHelpContacts } from './help.api.ts';
import { HelpCard } from './help-card.tsx';

type Choice = HelpCountry | 'all';

export function HelpPage() {
  const { t } = useTranslation('help');
  const lang = useReaderLanguage();
  const [picked, setPicked] = useState<Choice | null>(null);
  const choice = picked ?? LIKELY_COUNTRY[lang];
  const query = useHelpContacts(lang);
  const countries = COUNTRY_ORDER[lang].filter((c) => choice === 'all' || c === choice);
  return (
    <Page title={t('title')}>
      <p className="lead help-lead">{t('lead')}</p>
      <CountrySwitch choice={choice} onChange={setPicked} />
      {query.isPending && <Loading />}
      {query.isError && (
        <p className="alert error" role="alert">
          {t('loadError')}
        </p>
      )}
      {query.data &&
        countries.map((country) => <CountryContacts key={country} country={country} contacts={query.data.contacts.filter((c) => c.country === country)} />)}
      <p className="muted help-note">{t('note')}</p>
    </Page>
  );
}

function CountrySwitch({ choice, onChange }: { choice: Choice; onChange: (c: Choice) => void }) {
  const { t } = useTranslation('help');
  const options: Choice[] = ['RO', 'NO', 'all'];
  return (
    <div className="help-switch" role="group" aria-label={t('switch.label')}>
      {options.map((option) => (
        <button key={option} type="button" className="secondary" aria-pressed={choice === option} onClick={() => onChange(option)}>
          {t(`switch.${option}`)}
        </button>
      ))}
    </div>
  );
}

function CountryContacts({ country, contacts }: { country: HelpCountry; contacts: HelpContact[] }) {
  const { t } = useTranslation('help');
  const lang = useReaderLanguage();
  const id = `help-${country}`;
  return (
    <section aria-labelledby={id} className="help-country">
      <h2 id={id}>{t(`countries.${country}`)}</h2>
      {contacts.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="help-cards">
          {contacts.map((contact) => (
            <HelpCard key={contact.key} contact={contact} lang={lang} />
          ))}
        </ul>
      )}
    </section>
  );
}
