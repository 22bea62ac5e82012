// The accept page's form for someone without an account: their name and a password (the same policy as everywhere).
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PASSWORD_MESSAGES, PASSWORD_MIN, basicPasswordProblem, type PasswordProblem } from '#shared/auth/password-policy.ts';
import { isLanguage } from '#web/lib/i18n.ts';
import type { InvitationAccepted } from '#shared/organisations/invitation.schema.ts';
import { DISPLAY_NAME_MAX } from '#shared/organisations/invitation.schema.ts';
import { ErrorSummary, TextField, apiError, focusSoon, type FieldErrors } from '#web/components/ui/form.tsx';
import { useAcceptInvitation } from './invitation-accept.api.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';

/** The server's password message back to its problem code, so the page can say it in the reader's language. */
function problemOf(message: string | undefined): PasswordProblem | null {
  const entry = Object.entries(PASSWORD_MESSAGES).find(([, text]) => text === message);
  return entry ? (entry[0] as PasswordProblem) : null;
}

export function NewAccountForm(props: { token: string; onAccepted(result: InvitationAccepted): void }) {
  const { t, i18n } = useTranslation('organisations');
  const id = useId();
  const accept = useAcceptInvitation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const summary = useRef<HTMLDivElement>(null);

  const fail = (next: FieldErrors) => {
    setErrors(next);
    focusSoon(summary);
  };
  const passwordError = (problem: PasswordProblem | null) => (problem ? t(`password.${problem}`, { min: PASSWORD_MIN }) : undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = { name: name.trim() ? undefined : t('accept.errors.name'), password: passwordError(basicPasswordProblem(password, null)) };
    if (local.name || local.password) return fail(local);
    try {
      const language = isLanguage(i18n.language) ? i18n.language : undefined;
      props.onAccepted(await accept.mutateAsync({ token: props.token, displayName: name.trim(), password, language }));
    } catch (error) {
      const api = apiError(error);
      if (api?.status === 400 && api.body.fields?.password) return fail({ password: passwordError(problemOf(api.body.fields.password) ?? 'common') });
      const key = api?.status === 409 ? 'accept.accountExists' : api?.status === 404 ? 'accept.invalid' : api?.status === 429 ? 'common:error.tooMany' : 'common:error.generic';
      fail({ form: t(key) });
    }
  };

  const items = [
    errors.form ? { id: `${id}-name`, label: t('accept.newHeading'), message: errors.form } : null,
    errors.name ? { id: `${id}-name`, label: t('accept.name'), message: errors.name } : null,
    errors.password ? { id: `${id}-password`, label: t('accept.password'), message: errors.password } : null,
  ].filter((i) => i !== null);
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('accept.newHeading')}</h2>
      <p>
        {t('accept.haveAccount')} <Link to="/sign-in">{t('accept.signInFirst')}</Link>
      </p>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary items={items} summaryRef={summary} />
        <TextField id={`${id}-name`} label={t('accept.name')} autoComplete="name" value={name} onChange={setName} error={errors.name} maxLength={DISPLAY_NAME_MAX} required />
        <TextField
          id={`${id}-password`}
          label={t('accept.password')}
          hint={t('accept.passwordHint', { min: PASSWORD_MIN })}
          type={showPassword ? 'text' : 'password'}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          required
        />
        <div className="checkbox-field">
          <input type="checkbox" id={`${id}-show`} checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
          <label htmlFor={`${id}-show`}>{t('accept.showPassword')}</label>
        </div>
        <p>
          <BusyButton type="submit" busy={accept.isPending}>
            {t('accept.create')}
          </BusyButton>
        </p>
      </form>
    </section>
  );
}
