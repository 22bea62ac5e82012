// /sign-in/enrol: setting up two-factor sign-in, forced at first sign-in for roles that need it, or chosen in settings.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Page } from '#web/components/page.tsx';
import { ME_KEY, fetchMe, useMe } from '#web/features/account/me.api.ts';
import { ErrorSummary, SubmitButton, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { confirmEnrolment, useTotpEnrolment } from './auth.api.ts';
import { RecoveryCodesPanel } from './recovery-codes-panel.tsx';
import { returnPath } from './sign-in-guard.tsx';

export function EnrolPage() {
  const { t } = useTranslation('auth');
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const canEnrol = !!me.data && !me.data.account.twoFactorEnabled && me.data.signInStep !== 'totp';
  const enrolment = useTotpEnrolment(canEnrol && codes === null);

  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/sign-in" replace state={location.state} />;
  if (codes) {
    // NOTE: "me" is reloaded before leaving, so no guard sees the old "enrol_totp" step and sends us back here.
    const finish = async () => {
      await client.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
      await navigate(returnPath(location.state), { replace: true });
    };
    return (
      <Page title={t('enrol.title')}>
        <RecoveryCodesPanel codes={codes} continueLabel={t('recovery.continue')} onContinue={() => void finish()} />
      </Page>
    );
  }
  if (!canEnrol) return <Navigate to={me.data.signInStep === 'totp' ? '/sign-in' : '/account'} replace />;
  return (
    <Page title={t('enrol.title')}>
      <p>{me.data.account.twoFactorRequired ? t('enrol.introRequired') : t('enrol.intro')}</p>
      {enrolment.isError && (
        <p className="alert error" role="alert">
          {t('common:error.generic')}
        </p>
      )}
      {enrolment.isPending && <Loading />}
      {enrolment.data && (
        <>
          <h2>{t('enrol.scanHeading')}</h2>
          <p>{t('enrol.scanText')}</p>
          <img className="totp-qr" src={enrolment.data.qrDataUrl} alt={t('enrol.qrAlt')} width={220} height={220} />
          <p>{t('enrol.manualText')}</p>
          <p className="code wrap-anywhere totp-secret" aria-label={t('enrol.secretLabel')}>
            {enrolment.data.secret.replace(/(.{4})/g, '$1 ').trim()}
          </p>
          <ConfirmForm
            onConfirmed={(recoveryCodes) => {
              setCodes(recoveryCodes);
              client.removeQueries({ queryKey: ['totp-enrolment'] });
            }}
          />
        </>
      )}
    </Page>
  );
}

function ConfirmForm(props: { onConfirmed(codes: string[]): void }) {
  const { t } = useTranslation('auth');
  const id = useId();
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const form = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) return form.fail({ code: t('totp.codeFormat') });
    setPending(true);
    try {
      const result = await confirmEnrolment(code.replace(/\s/g, ''));
      props.onConfirmed(result.recoveryCodes);
    } catch (error) {
      const status = apiError(error)?.status;
      if (status === 400) form.fail({ code: t('totp.wrongCode') });
      else form.fail({}, status === 429 ? t('common:error.tooMany') : t('common:error.generic'));
    } finally {
      setPending(false);
    }
  };
  const items = form.errors.code ? [{ id: `${id}-code`, label: t('enrol.codeLabel'), message: form.errors.code }] : [];
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('enrol.confirmHeading')}</h2>
      <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
      <TextField
        id={`${id}-code`}
        label={t('enrol.codeLabel')}
        hint={t('enrol.codeHint')}
        value={code}
        onChange={setCode}
        error={form.errors.code}
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={7}
        required
      />
      <p>
        <SubmitButton pending={pending}>{t('enrol.confirm')}</SubmitButton>
      </p>
    </form>
  );
}
