// /referrals/settings — an organisation admin sets how fast the organisation answers incoming referrals.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { ErrorSummary, SubmitButton, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useReferralSettings, useSaveReferralSettings } from './referrals.api.ts';

export function ReferralSettingsPage() {
  const { t } = useTranslation('referrals');
  const settings = useReferralSettings();
  const save = useSaveReferralSettings();
  const form = useFormErrors();
  const [routine, setRoutine] = useState('');
  const [urgent, setUrgent] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!settings.data) return;
    setRoutine(String(settings.data.routineHours));
    setUrgent(String(settings.data.urgentHours));
  }, [settings.data]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    try {
      await save.mutateAsync({ routineHours: Number(routine), urgentHours: Number(urgent), version: settings.data?.version ?? 0 });
      form.clear();
      setSaved(true);
    } catch (error) {
      const api = apiError(error);
      form.fail(api?.body.fields ?? {}, api?.status === 409 ? t('common:error.conflict') : (api?.body.message ?? t('common:error.generic')));
    }
  };
  const items = Object.entries(form.errors).map(([k, message]) => ({ id: k === 'urgentHours' ? 'urgent-hours' : 'routine-hours', label: t(`settings.${k}`), message: message ?? '' }));
  return (
    <Page title={t('settings.title')}>
      <p className="lead">{t('settings.lead')}</p>
      {settings.isPending && <Loading />}
      {settings.isError && (
        <Banner tone="error" role="alert">
          {apiError(settings.error)?.status === 403 ? t('settings.forbidden') : t('common:error.generic')}
        </Banner>
      )}
      {saved && (
        <Banner tone="success" role="status">
          <p>{t('settings.saved')}</p>
        </Banner>
      )}
      {settings.data && (
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
          <TextField id="routine-hours" label={t('settings.routineHours')} value={routine} onChange={setRoutine} inputMode="numeric" maxLength={3} error={form.errors.routineHours} />
          <TextField id="urgent-hours" label={t('settings.urgentHours')} value={urgent} onChange={setUrgent} inputMode="numeric" maxLength={3} error={form.errors.urgentHours} />
          <SubmitButton pending={save.isPending}>{t('common:form.save')}</SubmitButton>
        </form>
      )}
    </Page>
  );
}
