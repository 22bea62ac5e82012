// Changing the password: the current one first; every other session is signed out afterwards.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, SubmitButton, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { NewPasswordField, usePasswordCheck } from '#web/features/auth/new-password-field.tsx';
import { changePassword } from './account.api.ts';

export function PasswordSection(props: { email: string }) {
  const { t } = useTranslation('account');
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors();
  const policy = usePasswordCheck();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const fields: Record<string, string> = {};
    if (!current) fields.currentPassword = t('password.currentMissing');
    const problem = policy.check(next, props.email);
    if (problem) fields.newPassword = problem;
    if (Object.keys(fields).length > 0) return form.fail(fields);
    setPending(true);
    try {
      await changePassword({ currentPassword: current, newPassword: next });
      form.clear();
      setCurrent('');
      setNext('');
      setSaved(true);
    } catch (error) {
      const fields = apiError(error)?.body.fields ?? {};
      if (fields.currentPassword) form.fail({ currentPassword: t('password.currentWrong') });
      else if (fields.newPassword) form.fail({ newPassword: policy.fromServer(fields.newPassword) });
      else form.fail({}, apiError(error)?.status === 429 ? t('common:error.tooMany') : t('common:error.generic'));
    } finally {
      setPending(false);
    }
  };
  const labels = { currentPassword: t('password.current'), newPassword: t('password.new') };
  const items = (['currentPassword', 'newPassword'] as const)
    .filter((f) => form.errors[f])
    .map((f) => ({ id: `${id}-${f}`, label: labels[f], message: form.errors[f] ?? '' }));
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('password.heading')}</h2>
      <p>{t('password.intro')}</p>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
        <TextField
          id={`${id}-currentPassword`}
          label={labels.currentPassword}
          type="password"
          value={current}
          onChange={setCurrent}
          error={form.errors.currentPassword}
          autoComplete="current-password"
          required
        />
        <NewPasswordField id={`${id}-newPassword`} label={labels.newPassword} value={next} onChange={setNext} error={form.errors.newPassword} />
        <p>
          <SubmitButton pending={pending}>{t('password.submit')}</SubmitButton>
        </p>
        <div role="status">{saved && <p className="alert success">{t('password.saved')}</p>}</div>
      </form>
    </section>
  );
}
