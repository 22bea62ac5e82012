// /reports/events: the figures of the events the organisation organised in a period (participants by country,
// institution type, profession and sex; professionals trained; attendance; satisfaction; participant-days; course
// knowledge change), each breakdown as a bar chart and a table, small groups shown as "< 3".
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { EventReport, EventReportQuery } from '#shared/events/evaluation.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { ErrorSummary, SubmitButton, TextField, useFormErrors, type FieldErrors } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useEventReport } from '#web/features/events/evaluation.api.ts';
import { EventFigures } from './events-report-figures.tsx';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Period = Pick<EventReportQuery, 'from' | 'to'>;

/** The period in the address (bookmarkable), else the last fifteen years: events are few, and projects report over years. */
function periodOf(params: URLSearchParams, today: string): Period {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return DAY.test(from) && DAY.test(to) ? { from, to } : { from: `${Number(today.slice(0, 4)) - 15}-01-01`, to: today };
}

export function EventsReportPage() {
  const { t, i18n } = useTranslation('reports');
  const [params, setParams] = useSearchParams();
  const period = periodOf(params, new Date().toISOString().slice(0, 10));
  const language = (['ro', 'en', 'nb'] as const).find((l) => l === i18n.language) ?? 'en';
  const report = useEventReport({ ...period, language });
  return (
    <Page title={t('eventsReport.title')}>
      <p>{t('eventsReport.intro')}</p>
      <PeriodForm key={`${period.from}/${period.to}`} initial={period} onApply={(p) => setParams(p)} />
      {report.isPending && <Loading />}
      {report.isError && (
        <Banner tone="error" role="alert">
          {t('common:error.generic')}
        </Banner>
      )}
      {report.data && <ReportBody report={report.data} />}
    </Page>
  );
}

function ReportBody({ report }: { report: EventReport }) {
  const { t } = useTranslation('reports');
  if (report.events.length === 0) return <p role="status">{t('eventsReport.empty')}</p>;
  return <EventFigures report={report} />;
}

function PeriodForm({ initial, onApply }: { initial: Period; onApply(period: Period): void }) {
  const { t } = useTranslation('reports');
  const id = useId();
  const [period, setPeriod] = useState(initial);
  const { errors, summaryRef, fail, clear } = useFormErrors();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!DAY.test(period.from)) found.from = t('libraryUsage.period.errors.from');
    if (!DAY.test(period.to)) found.to = t('libraryUsage.period.errors.to');
    else if (DAY.test(period.from) && period.to < period.from) found.to = t('libraryUsage.period.errors.order');
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

