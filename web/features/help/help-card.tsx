// One emergency number or helpline as a card: its name, the number as a big tel: link, when it answers, in which
// languages, what it is for, and the official source it was confirmed at (with the day it was checked).
import { useTranslation } from 'react-i18next';
import type { HelpContact } from '#shared/help/help-contact.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { formatDate } from '#web/features/library/reader-language.ts';
import { sourceHost, telHref } from './help.api.ts';

const LOCALES: Record<LibraryLanguage, string> = { en: 'en-GB', ro: 'ro-RO', nb: 'nb-NO' };

export function HelpCard({ contact, lang, headingLevel = 3 }: { contact: HelpContact; lang: LibraryLanguage; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2]!;
  const names = new Intl.DisplayNames([LOCALES[lang]], { type: 'language' });
  const checked = formatDate(new Date(`${contact.verifiedOn}T12:00:00Z`), lang);
  return (
    <li className={`card help-card${contact.kind === 'emergency' ? ' help-emergency' : ''}`}>
      <Heading className="help-card-name">{contact.name}</Heading>
      <a className="help-number" href={telHref(contact.number)}>
        <span className="visually-hidden">{t('helpNow.call')} </span>
        {contact.number}
      </a>
      <dl className="help-facts">
        <dt>{t('helpNow.hours')}</dt>
        <dd>{contact.hours === '24/7' ? t('helpNow.allDay') : contact.hours}</dd>
        {contact.languages.length > 0 && (
          <>
            <dt>{t('helpNow.languages')}</dt>
            <dd>{contact.languages.map((code) => names.of(code) ?? code).join(', ')}</dd>
          </>
        )}
      </dl>
      <p>{contact.purpose}</p>
      <p className="help-source">
        {t('helpNow.source')} <a href={contact.sourceUrl}>{sourceHost(contact.sourceUrl)}</a> {t('helpNow.checkedOn', { date: checked })}
      </p>
    </li>
  );
}
