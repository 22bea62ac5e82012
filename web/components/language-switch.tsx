// Language switch ro/en/nb: remembered in the browser, and on the account when signed in.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '#shared/lib/languages.ts';
import type { Language } from '#shared/auth/me.schema.ts';
import { isLanguage, setLanguage } from '#web/lib/i18n.ts';
import { saveLanguage, useMe } from '#web/features/account/me.api.ts';

const NAMES: Record<Language, string> = { ro: 'Română', en: 'English', nb: 'Norsk bokmål' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const id = useId();
  const onChange = (value: string) => {
    if (!isLanguage(value)) return;
    setLanguage(value);
    if (me.data) void saveLanguage(value).catch(() => undefined);
  };
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={i18n.language} onChange={(e) => onChange(e.target.value)}>
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {NAMES[lang]}
          </option>
        ))}
      </select>
    </div>
  );
}
