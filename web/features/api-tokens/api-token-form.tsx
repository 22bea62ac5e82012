// The form that creates an API token: a name, the permissions, the last day it works (at most a year ahead).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS, API_TOKEN_NAME_MAX, type ApiTokenCreated } from '#shared/api-tokens/api-token.schema.ts';
import { API_SCOPES } from '#shared/referrals/referral-vocabulary.ts';
import { ErrorSummary, SubmitButton, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { useCreateApiToken } from './api-tokens.api.ts';

type Scope = (typeof API_SCOPES)[number];
/** NOTE: i18next reads ":" as a namespace separator, so "referrals:read" is keyed "referrals_read". */
export const scopeKey = (scope: string) => scope.replace(':', '_');
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function ApiTokenForm(props: { onCreated(created: ApiTokenCreated): void }) {
  const { t } = useTranslation('api-tokens');
  const id = useId();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['referrals:read']);
  const [expiresOn, setExpiresOn] = useState(dayFromNow(API_TOKEN_DEFAULT_DAYS));
  const { errors, formError, summaryRef, fail, clear } = useFormErrors();

  const toggle = (scope: Scope, on: boolean) => setScopes(API_SCOPES.filter((s) => (s === scope ? on : scopes.includes(s))));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = {
      name: name.trim().length >= 2 ? undefined : t('errors.name'),
      scopes: scopes.length > 0 ? undefined : t('errors.scopes'),
      expiresOn: expiresOn >= dayFromNow(0) && expiresOn <= dayFromNow(API_TOKEN_MAX_DAYS) ? undefined : t('errors.expiresOn', { days: API_TOKEN_MAX_DAYS }),
    };
    if (local.name || local.scopes || local.expiresOn) return fail(local);
    try {
      const created = await create.mutateAsync({ name: name.trim(), scopes, expiresOn });
      clear();
      setName('');
      props.onCreated(created);
    } catch (error) {
      const api = apiError(error);
      if (api?.status === 400 && api.body.fields?.expiresOn) return fail({ expiresOn: t('errors.expiresOn', { days: API_TOKEN_MAX_DAYS }) });
      fail({}, t(api?.status === 403 ? 'common:error.forbidden' : 'common:error.generic'));
    }
  };

  const items = [
    errors.name ? { id: `${id}-name`, label: t('form.name'), message: errors.name } : null,
    errors.scopes ? { id: `${id}-scopes`, label: t('form.scopes'), message: errors.scopes } : null,
    errors.expiresOn ? { id: `${id}-expires`, label: t('form.expiresOn'), message: errors.expiresOn } : null,
  ].filter((i) => i !== null);
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('form.heading')}</h2>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary items={items} formError={formError} summaryRef={summaryRef} />
        <TextField id={`${id}-name`} label={t('form.name')} hint={t('form.nameHint')} value={name} onChange={setName} error={errors.name} maxLength={API_TOKEN_NAME_MAX} required />
        <fieldset className="api-token-scopes" id={`${id}-scopes`} tabIndex={-1} aria-describedby={errors.scopes ? `${id}-scopes-error` : undefined}>
          <legend>{t('form.scopes')}</legend>
          {errors.scopes && (
            <span className="field-error" id={`${id}-scopes-error`}>
              {errors.scopes}
            </span>
          )}
          {API_SCOPES.map((scope) => (
            <div className="checkbox-field" key={scope}>
              <input type="checkbox" id={`${id}-${scope}`} checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} aria-describedby={`${id}-${scope}-hint`} />
              <label htmlFor={`${id}-${scope}`}>{t(`scopes.${scopeKey(scope)}`)}</label>
              <span className="hint" id={`${id}-${scope}-hint`}>
                {t(`scopeHints.${scopeKey(scope)}`)}
              </span>
            </div>
          ))}
        </fieldset>
        <TextField id={`${id}-expires`} type="date" label={t('form.expiresOn')} hint={t('form.expiresHint', { days: API_TOKEN_MAX_DAYS })} value={expiresOn} onChange={setExpiresOn} error={errors.expiresOn} required />
        <p>
          <SubmitButton pending={create.isPending}>{t('form.create')}</SubmitButton>
        </p>
      </form>
    </section>
  );
}
