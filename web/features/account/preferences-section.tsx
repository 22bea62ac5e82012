// Account preferences: the interface language (remembered on the account) and the organisation to act for.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { LANGUAGE_NAMES, LANGUAGES } from '#shared/lib/languages.ts';
import { MeSchema, type Language, type Me } from '#shared/auth/me.schema.ts';
import { request } from '#web/lib/api.ts';
import { isLanguage, setLanguage } from '#web/lib/i18n.ts';
import { SubmitButton } from '#web/components/ui/form.tsx';
import { ME_KEY, useSaveLanguage } from './me.api.ts';

export function LanguageSection(props: { current: Language | null }) {
  const { t, i18n } = useTranslation('account');
  const id = useId();
  const saveLanguage = useSaveLanguage();
  const [value, setValue] = useState<string>(props.current ?? i18n.language);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isLanguage(value)) return;
    setStatus('saving');
    try {
      await saveLanguage(value);
      setLanguage(value);
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('language.heading')}</h2>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('language.label')}</label>
          <span className="hint" id={`${id}-hint`}>
            {t('language.hint')}
          </span>
          <select id={`${id}-language`} value={value} onChange={(e) => setValue(e.target.value)} aria-describedby={`${id}-hint`}>
            {LANGUAGES.map((lang) => (
              <option key={lang} value={lang} lang={lang}>
                {LANGUAGE_NAMES[lang]}
              </option>
            ))}
          </select>
        </div>
        <p>
          <SubmitButton pending={status === 'saving'} pendingLabel={t('common:form.saving')}>
            {t('common:form.save')}
          </SubmitButton>
        </p>
        <div role="status">
          {status === 'saved' && <p className="alert success">{t('common:form.saved')}</p>}
          {status === 'failed' && <p className="alert error">{t('common:error.generic')}</p>}
        </div>
      </form>
    </section>
  );
}

/** Shown only to people in more than one organisation. */
export function OrganisationSection(props: { me: Me }) {
  const { t } = useTranslation('account');
  const id = useId();
  const client = useQueryClient();
  const [value, setValue] = useState(props.me.organisationId ?? '');
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState(false);
  if (props.me.memberships.length < 2) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    try {
      const me = await request('POST', '/api/me/organisation', { body: { organisationId: value }, schema: MeSchema });
      setFailed(false);
      client.setQueryData(ME_KEY, me);
      // NOTE: every other cached answer belonged to the previous organisation.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('organisation.heading')}</h2>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-org`}>{t('organisation.label')}</label>
          <select id={`${id}-org`} value={value} onChange={(e) => setValue(e.target.value)}>
            {props.me.memberships.map((m) => (
              <option key={m.organisationId} value={m.organisationId}>
                {m.organisationName}
              </option>
            ))}
          </select>
        </div>
        <p>
          <SubmitButton pending={pending}>{t('organisation.switch')}</SubmitButton>
        </p>
        {failed && (
          <p className="alert error" role="alert">
            {t('common:error.generic')}
          </p>
        )}
      </form>
    </section>
  );
}
