// /cases/settings — an organisation's admins and coordinators set the code prefix of new cases, whether closures and
// support plans wait for a coordinator's approval, and how many months after closure each category is kept.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_CATEGORIES, type CaseCategory } from '#shared/cases/case-vocabulary.ts';
import type { CaseSettings } from '#shared/cases/case-workflow.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { ErrorSummary, SubmitButton, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useCaseSettings, useSaveCaseSettings } from './case-workflow.api.ts';

type Months = Record<CaseCategory, string>;
const monthsOf = (s: CaseSettings): Months => Object.fromEntries(CASE_CATEGORIES.map((c) => [c, s.retention[c] ? String(s.retention[c]) : ''])) as Months;

export function CaseSettingsPage() {
  const { t } = useTranslation('case-workflow');
  const settings = useCaseSettings();
  return (
    <Page title={t('settings.title')}>
      <p className="lead">{t('settings.lead')}</p>
      {settings.isPending && <Loading />}
      {settings.isError && (
        <Banner tone="error" role="alert">
          {apiError(settings.error)?.status === 403 ? t('settings.forbidden') : t('common:error.generic')}
        </Banner>
      )}
      {settings.data && <SettingsForm current={settings.data} />}
    </Page>
  );
}

/** "12" → 12, "" → absent; anything else is left for the check below (and the server). */
function retentionOf(months: Months): { retention: Partial<Record<CaseCategory, number>>; bad: CaseCategory[] } {
  const retention: Partial<Record<CaseCategory, number>> = {};
  const bad: CaseCategory[] = [];
  for (const c of CASE_CATEGORIES) {
    const v = months[c].trim();
    if (!v) continue;
    const n = /^\d{1,3}$/.test(v) ? Number(v) : NaN;
    if (n >= 1 && n <= 600) retention[c] = n;
    else bad.push(c);
  }
  return { retention, bad };
}

function SettingsForm({ current }: { current: CaseSettings }) {
  const { t } = useTranslation('case-workflow');
  const save = useSaveCaseSettings();
  const form = useFormErrors();
  const [prefix, setPrefix] = useState(current.codePrefix);
  const [closure, setClosure] = useState(current.closureNeedsApproval);
  const [plan, setPlan] = useState(current.planNeedsApproval);
  const [months, setMonths] = useState<Months>(monthsOf(current));
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setPrefix(current.codePrefix);
    setClosure(current.closureNeedsApproval);
    setPlan(current.planNeedsApproval);
    setMonths(monthsOf(current));
  }, [current]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const { retention, bad } = retentionOf(months);
    const errors: Record<string, string> = Object.fromEntries(bad.map((c) => [`retention.${c}`, t('settings.monthsError')]));
    if (!/^[A-Z]{2,6}$/.test(prefix)) errors.codePrefix = t('settings.prefixError');
    if (Object.keys(errors).length > 0) return form.fail(errors);
    try {
      await save.mutateAsync({ codePrefix: prefix, closureNeedsApproval: closure, planNeedsApproval: plan, retention, version: current.version });
      form.clear();
      setSaved(true);
    } catch (error) {
      const api = apiError(error);
      form.fail(api?.body.fields ?? {}, api?.status === 409 ? t('settings.conflict') : (api?.body.message ?? t('common:error.generic')));
    }
  };
  const items = Object.entries(form.errors).map(([k, message]) => {
    const category = k.startsWith('retention.') ? k.slice('retention.'.length) : null;
    return { id: category ? `retention-${category}` : 'code-prefix', label: category ? t(`category.${category}`) : t('settings.codePrefix'), message: message ?? '' };
  });
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      {saved && (
        <Banner tone="success" role="status">
          <p>{t('settings.saved')}</p>
        </Banner>
      )}
      <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
      <TextField id="code-prefix" label={t('settings.codePrefix')} hint={t('settings.codePrefixHint')} value={prefix} onChange={(v) => setPrefix(v.toUpperCase())} maxLength={6} error={form.errors.codePrefix} />
      <div className="checkbox-field">
        <input id="closure-approval" type="checkbox" checked={closure} onChange={(e) => setClosure(e.target.checked)} />
        <label htmlFor="closure-approval">{t('settings.closureNeedsApproval')}</label>
      </div>
      <div className="checkbox-field">
        <input id="plan-approval" type="checkbox" checked={plan} onChange={(e) => setPlan(e.target.checked)} />
        <label htmlFor="plan-approval">{t('settings.planNeedsApproval')}</label>
      </div>
      <fieldset className="role-checkboxes">
        <legend>{t('settings.retentionTitle')}</legend>
        <p className="hint">{t('settings.retentionHint')}</p>
        {CASE_CATEGORIES.map((c) => (
          <TextField
            key={c}
            id={`retention-${c}`}
            label={t(`category.${c}`)}
            value={months[c]}
            onChange={(v) => setMonths((m) => ({ ...m, [c]: v }))}
            inputMode="numeric"
            maxLength={3}
            error={form.errors[`retention.${c}`]}
          />
        ))}
      </fieldset>
      <SubmitButton pending={save.isPending}>{t('common:form.save')}</SubmitButton>
    </form>
  );
}
