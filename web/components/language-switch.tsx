// Language switch ro/en/nb: remembered in the browser, and on the account when signed in.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES } from '#shared/lib/languages.ts';
import { isLanguage, setLanguage } from '#web/lib/i18n.ts';
import { useMe, useSaveLanguage } from '#web/features/account/me.api.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const saveLanguage = useSaveLanguage();
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
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
    </div>
  );
}
