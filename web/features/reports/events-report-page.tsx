// /reports/events: the figures of the events the organisation organised in a period (participants by country,
// institution type, profession and sex; professionals trained; attendance; satisfaction; participant-days; course
// knowledge change), each breakdown as a bar chart and a table, small groups shown as "< 3".
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { EventReport } from '#shared/events/evaluation.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useEventReport } from '#web/features/events/evaluation.api.ts';
import { EventFigures } from './events-report-figures.tsx';
import { PeriodForm, periodOf } from './period-form.tsx';

/** The default period, the last fifteen years: events are few, and projects report over years. */
function lastFifteenYears(today: string) {
  return { from: `${Number(today.slice(0, 4)) - 15}-01-01`, to: today };
}

export function EventsReportPage() {
  const { t, i18n } = useTranslation('reports');
  const [params, setParams] = useSearchParams();
  const period = periodOf(params, lastFifteenYears(new Date().toISOString().slice(0, 10)));
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
