// /sign-in: email and password, then the two-factor step on the same page; afterwards, the page the visitor wanted.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { EmailSchema, type SignInResult } from '#shared/auth/sign-in.schema.ts';
import { Page } from '#web/components/page.tsx';
import { ME_KEY, fetchMe, useMe } from '#web/features/account/me.api.ts';
import { request } from '#web/lib/api.ts';
import { ErrorSummary, SubmitButton, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { signIn } from './auth.api.ts';
import { returnPath } from './sign-in-guard.tsx';
import { TotpStep } from './totp-step.tsx';

export function SignInPage() {
  const { t } = useTranslation('auth');
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const step = me.data?.signInStep;

  /** Reloads "me" and goes wherever the new step leads. */
  const proceed = async () => {
    const fresh = await client.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
    if (fresh?.signInStep === 'done') await navigate(returnPath(location.state), { replace: true });
    else if (fresh?.signInStep === 'enrol_totp') await navigate('/sign-in/enrol', { replace: true, state: location.state });
  };
  useEffect(() => {
    if (step === 'done') void navigate(returnPath(location.state), { replace: true });
    if (step === 'enrol_totp') void navigate('/sign-in/enrol', { replace: true, state: location.state });
  }, [step, navigate, location.state]);
  const cancel = async () => {
    await request('POST', '/api/auth/sign-out').catch(() => undefined);
    client.setQueryData(ME_KEY, null);
  };

  return (
    <Page title={t('signIn.title')}>
      {step === 'totp' ? <TotpStep onDone={proceed} onCancel={() => void cancel()} /> : <PasswordForm onSignedIn={() => proceed()} />}
      {step !== 'totp' && (
        <p>
          <Link to="/request-access">{t('access:signInLink')}</Link>
        </p>
      )}
    </Page>
  );
}

function PasswordForm(props: { onSignedIn(result: SignInResult): Promise<void> }) {
  const { t } = useTranslation('auth');
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const form = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!EmailSchema.safeParse(email).success) fields.email = t('signIn.emailInvalid');
    if (password.length === 0) fields.password = t('signIn.passwordMissing');
    if (Object.keys(fields).length > 0) return form.fail(fields);
    setPending(true);
    try {
      const result = await signIn({ email, password });
      form.clear();
      await props.onSignedIn(result);
    } catch (error) {
      const status = apiError(error)?.status;
      setPassword('');
      form.fail({}, status === 401 ? t('signIn.wrongCredentials') : status === 429 ? t('common:error.tooMany') : t('common:error.generic'));
    } finally {
      setPending(false);
    }
  };
  const items = (['email', 'password'] as const)
    .filter((f) => form.errors[f])
    .map((f) => ({ id: `${id}-${f}`, label: t(`signIn.${f}`), message: form.errors[f] ?? '' }));
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
      <TextField
        id={`${id}-email`}
        label={t('signIn.email')}
        type="email"
        value={email}
        onChange={setEmail}
        error={form.errors.email}
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        required
      />
      <TextField
        id={`${id}-password`}
        label={t('signIn.password')}
        type="password"
        value={password}
        onChange={setPassword}
        error={form.errors.password}
        autoComplete="current-password"
        required
      />
      <div className="actions-row">
        <SubmitButton pending={pending} pendingLabel={t('signIn.pending')}>
          {t('signIn.submit')}
        </SubmitButton>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </div>
    </form>
  );
}
