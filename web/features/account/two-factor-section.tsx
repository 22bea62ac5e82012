// Two-factor sign-in in settings: its status, new recovery codes, turning it on, or off where no role requires it.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary, SubmitButton, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { RecoveryCodesPanel } from '#web/features/auth/recovery-codes-panel.tsx';
import { disableTwoFactor, regenerateRecoveryCodes, useRefreshTwoFactor, useTwoFactorStatus } from './account.api.ts';

type Action = 'regenerate' | 'disable';

export function TwoFactorSection() {
  const { t } = useTranslation('account');
  const id = useId();
  const status = useTwoFactorStatus();
  const refresh = useRefreshTwoFactor();
  const [action, setAction] = useState<Action | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  const heading = <h2 id={`${id}-heading`}>{t('twoFactor.heading')}</h2>;
  if (!status.data) {
    return (
      <section aria-labelledby={`${id}-heading`}>
        {heading}
        <p role="status">{status.isError ? t('common:error.generic') : t('common:loading')}</p>
      </section>
    );
  }
  const { enabled, required, recoveryCodesLeft } = status.data;
  const done = async (result: string[] | null) => {
    setAction(null);
    setCodes(result);
    await refresh();
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      {heading}
      <p>{enabled ? t('twoFactor.on', { count: recoveryCodesLeft }) : t('twoFactor.off')}</p>
      {required && <p className="muted">{t('twoFactor.required')}</p>}
      {codes && <RecoveryCodesPanel codes={codes} continueLabel={t('twoFactor.codesDone')} onContinue={() => setCodes(null)} />}
      {!enabled && (
        <p>
          <Link className="button" to="/sign-in/enrol" state={{ from: '/account' }}>
            {t('twoFactor.enable')}
          </Link>
        </p>
      )}
      {enabled && !codes && !action && (
        <div className="actions-row">
          <button type="button" className="secondary" onClick={() => setAction('regenerate')}>
            {t('twoFactor.regenerate')}
          </button>
          {!required && (
            <button type="button" className="danger" onClick={() => setAction('disable')}>
              {t('twoFactor.disable')}
            </button>
          )}
        </div>
      )}
      {action && <ConfirmWithPassword action={action} onCancel={() => setAction(null)} onDone={(result) => void done(result)} />}
    </section>
  );
}

/** Asks for the current password before making new recovery codes or turning two-factor off. */
function ConfirmWithPassword(props: { action: Action; onCancel(): void; onDone(codes: string[] | null): void }) {
  const { t } = useTranslation('account');
  const id = useId();
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const form = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) return form.fail({ password: t('password.currentMissing') });
    setPending(true);
    try {
      if (props.action === 'regenerate') props.onDone((await regenerateRecoveryCodes(password)).recoveryCodes);
      else props.onDone(await disableTwoFactor(password).then(() => null));
    } catch (error) {
      const e = apiError(error);
      if (e?.body.fields?.currentPassword) form.fail({ password: t('password.currentWrong') });
      else form.fail({}, e?.status === 429 ? t('common:error.tooMany') : t('common:error.generic'));
    } finally {
      setPending(false);
    }
  };
  const items = form.errors.password ? [{ id: `${id}-password`, label: t('password.current'), message: form.errors.password }] : [];
  return (
    <form className="stack card" onSubmit={(e) => void submit(e)} noValidate>
      <p>{props.action === 'regenerate' ? t('twoFactor.regenerateIntro') : t('twoFactor.disableIntro')}</p>
      <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
      <TextField
        id={`${id}-password`}
        label={t('password.current')}
        type="password"
        value={password}
        onChange={setPassword}
        error={form.errors.password}
        autoComplete="current-password"
        required
      />
      <div className="actions-row">
        <SubmitButton pending={pending} className={props.action === 'disable' ? 'danger' : undefined}>
          {props.action === 'regenerate' ? t('twoFactor.regenerate') : t('twoFactor.disable')}
        </SubmitButton>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('common:form.cancel')}
        </button>
      </div>
    </form>
  );
}
