// "Who to call" on a chapter: the published contacts that belong to it, as compact tap-to-call links, and a link to
// every number. Nothing while loading or when the chapter has none (the header's "Help now" is always there).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { COUNTRY_ORDER, telHref, useHelpContacts } from './help.api.ts';

export function HelpAside({ chapter, lang }: { chapter: string; lang: LibraryLanguage }) {
  const { t } = useTranslation();
  const order = COUNTRY_ORDER[lang];
  const contacts = (useHelpContacts(lang).data?.contacts ?? [])
    .filter((c) => c.chapters.includes(chapter))
    .sort((a, b) => order.indexOf(a.country) - order.indexOf(b.country));
  if (contacts.length === 0) return null;
  return (
    <aside aria-labelledby="help-aside-title" className="help-aside">
      <h2 id="help-aside-title">{t('helpNow.asideTitle')}</h2>
      <ul>
        {contacts.map((contact) => (
          <li key={contact.key}>
            <a className="help-aside-number" href={telHref(contact.number)}>
              <span className="visually-hidden">{t('helpNow.call')} </span>
              {contact.number}
            </a>{' '}
            <span>{contact.name}</span> <span className="muted">({t(`helpNow.countries.${contact.country}`)})</span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/help">{t('helpNow.asideMore')}</Link>
      </p>
    </aside>
  );
}
