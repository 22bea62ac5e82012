// The second sign-in step: a code from the authenticator app, or one of the recovery codes.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, SubmitButton, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { submitSecondFactor } from './auth.api.ts';

export function TotpStep(props: { onDone(): Promise<void>; onCancel(): void }) {
  const { t } = useTranslation('auth');
  const id = useId();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const form = useFormErrors();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const label = recovery ? t('totp.recoveryLabel') : t('totp.codeLabel');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    if (recovery ? trimmed.length < 16 : !/^\d{6}$/.test(trimmed.replace(/\s/g, ''))) {
      return form.fail({ code: recovery ? t('totp.recoveryFormat') : t('totp.codeFormat') });
    }
    setPending(true);
    try {
      await submitSecondFactor(trimmed);
      form.clear();
      await props.onDone();
    } catch (error) {
      const status = apiError(error)?.status;
      if (status === 429) form.fail({}, t('common:error.tooMany'));
      else if (status === 400) form.fail({ code: t('totp.wrongCode') });
      else form.fail({}, t('common:error.generic'));
    } finally {
      setPending(false);
    }
  };
  const toggle = () => {
    setRecovery(!recovery);
    setCode('');
    form.clear();
  };
  const items = form.errors.code ? [{ id: `${id}-code`, label, message: form.errors.code }] : [];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1} ref={heading}>
        {t('totp.heading')}
      </h2>
      <p>{recovery ? t('totp.recoveryIntro') : t('totp.intro')}</p>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
        <TextField
          id={`${id}-code`}
          label={label}
          value={code}
          onChange={setCode}
          error={form.errors.code}
          autoComplete={recovery ? 'off' : 'one-time-code'}
          inputMode={recovery ? 'text' : 'numeric'}
          maxLength={recovery ? 40 : 7}
          spellCheck={false}
          required
        />
        <div className="actions-row">
          <SubmitButton pending={pending} pendingLabel={t('totp.pending')}>
            {t('totp.submit')}
          </SubmitButton>
          <button type="button" className="link-button" onClick={toggle}>
            {recovery ? t('totp.useApp') : t('totp.useRecovery')}
          </button>
        </div>
      </form>
      <p>
        <button type="button" className="link-button" onClick={props.onCancel}>
          {t('totp.cancel')}
        </button>
      </p>
    </section>
  );
}
