// /forgot-password: asks for a reset link. The answer is the same whether or not the address has an account.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmailSchema } from '#shared/auth/sign-in.schema.ts';
import { Page } from '#web/components/page.tsx';
import { ErrorSummary, SubmitButton, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { requestPasswordReset } from './auth.api.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const id = useId();
  const [email, setEmail] = useState('');
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!EmailSchema.safeParse(email).success) return form.fail({ email: t('signIn.emailInvalid') });
    setPending(true);
    try {
      await requestPasswordReset(email);
      form.clear();
      setSent(true);
    } catch (error) {
      form.fail({}, apiError(error)?.status === 429 ? t('common:error.tooMany') : t('common:error.generic'));
    } finally {
      setPending(false);
    }
  };
  const items = form.errors.email ? [{ id: `${id}-email`, label: t('signIn.email'), message: form.errors.email }] : [];
  return (
    <Page title={t('forgot.title')}>
      {sent ? (
        <div className="alert success" role="status">
          <p>{t('forgot.sent')}</p>
        </div>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
            <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
            <TextField
              id={`${id}-email`}
              label={t('signIn.email')}
              type="email"
              value={email}
              onChange={setEmail}
              error={form.errors.email}
              autoComplete="email"
              inputMode="email"
              spellCheck={false}
              required
            />
            <p>
              <SubmitButton pending={pending}>{t('forgot.submit')}</SubmitButton>
            </p>
          </form>
        </>
      )}
      <p>
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </p>
    </Page>
  );
}
