// The Help now numbers inside the aid: on danger, the emergency numbers of the clinician's country, large and first
// (112 even when the registry cannot be reached); on the outcome, every published contact of that country.
import { useTranslation } from 'react-i18next';
import type { HelpContact } from '#shared/help/help-contact.schema.ts';
import type { Country } from '#shared/directory/regions.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { HelpCard } from '#web/features/help/help-card.tsx';
import { telHref, useHelpContacts } from '#web/features/help/help.api.ts';

/** NOTE: 112 answers in Romania and in Norway (and across Europe): shown even offline, before the registry loads. */
const EMERGENCY_FALLBACK = '112';

function contactsOf(contacts: HelpContact[] | undefined, country: Country): HelpContact[] {
  return (contacts ?? []).filter((c) => c.country === country);
}

export function DangerNow({ country, lang }: { country: Country; lang: LibraryLanguage }) {
  const { t } = useTranslation('identify');
  const emergency = contactsOf(useHelpContacts(lang).data?.contacts, country).filter((c) => c.kind === 'emergency');
  const numbers = emergency.length > 0 ? emergency : null;
  return (
    <div className="alert error aid-danger" role="alert">
      <p className="alert-title">{t('danger.title')}</p>
      <ul className="aid-danger-numbers">
        {numbers ? (
          numbers.map((c) => (
            <li key={c.key}>
              <a href={telHref(c.number)}>
                <span className="visually-hidden">{t('danger.call')} </span>
                <span className="aid-danger-number">{c.number}</span>
              </a>{' '}
              <span>{c.name}</span>
            </li>
          ))
        ) : (
          <li>
            <a href={telHref(EMERGENCY_FALLBACK)}>
              <span className="visually-hidden">{t('danger.call')} </span>
              <span className="aid-danger-number">{EMERGENCY_FALLBACK}</span>
            </a>
          </li>
        )}
      </ul>
    </div>
  );
}

export function HelpNowContacts({ country, lang }: { country: Country; lang: LibraryLanguage }) {
  const { t } = useTranslation('identify');
  const query = useHelpContacts(lang);
  const contacts = contactsOf(query.data?.contacts, country);
  return (
    <section aria-labelledby="aid-help-now" className="aid-outcome-part">
      <h3 id="aid-help-now">{t('helpNow.title')}</h3>
      {query.isError && <p>{t('helpNow.unavailable')}</p>}
      {contacts.length > 0 && (
        <ul className="help-cards">
          {contacts.map((contact) => (
            <HelpCard key={contact.key} contact={contact} lang={lang} headingLevel={4} />
          ))}
        </ul>
      )}
    </section>
  );
}
