// The period form of the reports (from–to days, a reversed period refused), and the period read from the address.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, SubmitButton, TextField, useFormErrors, type FieldErrors } from '#web/components/ui/form.tsx';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// NOTE: a type, not an interface, so it passes as the address's search parameters (setParams) as it is.
export type Period = { from: string; to: string };

/** The period in the address (so it can be bookmarked and shared), else the page's own default. */
export function periodOf(params: URLSearchParams, fallback: Period): Period {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return DAY.test(from) && DAY.test(to) ? { from, to } : fallback;
}

function periodErrors(period: Period, t: (key: string) => string): FieldErrors {
  const found: FieldErrors = {};
  if (!DAY.test(period.from)) found.from = t('libraryUsage.period.errors.from');
  if (!DAY.test(period.to)) found.to = t('libraryUsage.period.errors.to');
  else if (DAY.test(period.from) && period.to < period.from) found.to = t('libraryUsage.period.errors.order');
  return found;
}

export function PeriodForm({ initial, onApply }: { initial: Period; onApply(period: Period): void }) {
  const { t } = useTranslation('reports');
  const id = useId();
  const [period, setPeriod] = useState(initial);
  const { errors, summaryRef, fail, clear } = useFormErrors();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = periodErrors(period, t);
    if (Object.keys(found).length > 0) return fail(found);
    clear();
    onApply(period);
  };
  const items = (['from', 'to'] as const)
    .filter((field) => errors[field])
    .map((field) => ({ id: `${id}-${field}`, label: t(`libraryUsage.period.${field}`), message: errors[field]! }));
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('libraryUsage.period.heading')}</h2>
      <ErrorSummary items={items} summaryRef={summaryRef} />
      <div className="filter-grid">
        <TextField id={`${id}-from`} type="date" label={t('libraryUsage.period.from')} value={period.from} onChange={(from) => setPeriod({ ...period, from })} error={errors.from} required />
        <TextField id={`${id}-to`} type="date" label={t('libraryUsage.period.to')} value={period.to} onChange={(to) => setPeriod({ ...period, to })} error={errors.to} required />
      </div>
      <SubmitButton pending={false}>{t('libraryUsage.period.apply')}</SubmitButton>
    </form>
  );
}
