// /reset-password#token=…: the token is read from the fragment (never sent to a server in a URL) and then wiped
// from the address bar and history, so it cannot leak through a screenshot or a shared link.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '#web/components/page.tsx';
import { ErrorSummary, SubmitButton, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { completePasswordReset } from './auth.api.ts';
import { NewPasswordField, usePasswordCheck } from './new-password-field.tsx';

// NOTE: kept outside React state as well, because StrictMode runs state initialisers twice and the second run
// would find the fragment already wiped.
let captured: string | null = null;

function takeTokenFromHash(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token) captured = token;
  if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return captured;
}

export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const id = useId();
  const [token] = useState(takeTokenFromHash);
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [linkBroken, setLinkBroken] = useState(!token);
  const form = useFormErrors();
  const policy = usePasswordCheck();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = policy.check(password, null);
    if (problem) return form.fail({ password: problem });
    setPending(true);
    try {
      await completePasswordReset(token ?? '', password);
      captured = null;
      setDone(true);
    } catch (error) {
      const fields = apiError(error)?.body.fields;
      if (fields?.token) setLinkBroken(true);
      else if (fields?.password) form.fail({ password: policy.fromServer(fields.password) });
      else form.fail({}, apiError(error)?.status === 429 ? t('common:error.tooMany') : t('common:error.generic'));
    } finally {
      setPending(false);
    }
  };
  if (done || linkBroken) {
    return (
      <Page title={t('reset.title')}>
        <div className={done ? 'alert success' : 'alert error'} role={done ? 'status' : 'alert'}>
          <p>{done ? t('reset.done') : t('reset.linkBroken')}</p>
        </div>
        <p>{done ? <Link to="/sign-in">{t('reset.signIn')}</Link> : <Link to="/forgot-password">{t('reset.askAgain')}</Link>}</p>
      </Page>
    );
  }
  const items = form.errors.password ? [{ id: `${id}-password`, label: t('reset.password'), message: form.errors.password }] : [];
  return (
    <Page title={t('reset.title')}>
      <p>{t('reset.intro')}</p>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
        <NewPasswordField id={`${id}-password`} label={t('reset.password')} value={password} onChange={setPassword} error={form.errors.password} />
        <p>
          <SubmitButton pending={pending}>{t('reset.submit')}</SubmitButton>
        </p>
      </form>
    </Page>
  );
}
