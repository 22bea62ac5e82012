// The body of the events report: the headline figures, the events of the period, and the participants by country,
// institution type, profession and sex, each as a bar chart and a table with the same numbers ("< 3" for small groups).
import { useTranslation } from 'react-i18next';
import type { EventReport, ReportCell } from '#shared/events/evaluation.schema.ts';
import { FactList } from '#web/components/ui/fact-list.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { BarFigure, barsSummary, type Bar } from '#web/features/events/bar-figure.tsx';

function useNumbers() {
  const { i18n } = useTranslation();
  return {
    number: new Intl.NumberFormat(i18n.language),
    // NOTE: means on the 1–5 scale always with two decimals, so a column of them lines up ("4,00" beside "3,58").
    decimal: new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    /** Test scores (0–100) as percentages with at most one decimal, as the course report shows them. */
    score: { format: (n: number) => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(n / 100) },
    percent: new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }),
    date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }),
  };
}

export function EventFigures({ report }: { report: EventReport }) {
  const { t } = useTranslation('reports');
  const countries = new Intl.DisplayNames([useTranslation().i18n.language], { type: 'region' });
  const known = (key: string, label: (k: string) => string) => (key === 'unknown' ? t('eventsReport.unknown') : label(key));
  const country = (k: string) => (/^[A-Z]{2}$/.test(k) ? (countries.of(k) ?? k) : t('eventsReport.otherCountry'));
  return (
    <div className="stack events-report">
      <Summary report={report} />
      <EventsTable report={report} />
      <Breakdown caption={t('eventsReport.by.country')} cells={report.participants.byCountry} label={(k) => known(k, country)} />
      <Breakdown caption={t('eventsReport.by.institutionType')} cells={report.participants.byInstitutionType} label={(k) => known(k, (v) => t(`eventsReport.institutionTypes.${v}`, { defaultValue: v }))} />
      <Breakdown caption={t('eventsReport.by.profession')} cells={report.participants.byProfession} label={(k) => known(k, (v) => t(`eventsReport.professions.${v}`, { defaultValue: v }))} />
      <Breakdown caption={t('eventsReport.by.sex')} cells={report.participants.bySex} label={(k) => known(k, (v) => t(`eventsReport.sexes.${v}`, { defaultValue: v }))} />
    </div>
  );
}

function Summary({ report }: { report: EventReport }) {
  const { t } = useTranslation('reports');
  const { number, decimal, percent, score } = useNumbers();
  const notShown = t('eventsReport.notShown');
  const k = report.knowledgeChange;
  const rows: [string, string][] = [
    [t('eventsReport.participants'), number.format(report.participants.total)],
    [t('eventsReport.unique'), number.format(report.uniqueProfessionals.all)],
    [t('eventsReport.medical'), number.format(report.uniqueProfessionals.medical)],
    [t('eventsReport.attendance'), report.attendance.rate === null ? t('eventsReport.noData') : `${percent.format(report.attendance.rate)} (${report.attendance.checkedIn} / ${report.attendance.confirmed})`],
    [t('eventsReport.evaluations'), number.format(report.satisfaction.n)],
    [t('eventsReport.satisfaction'), report.satisfaction.n === 0 ? t('eventsReport.noData') : report.satisfaction.mean === null ? notShown : decimal.format(report.satisfaction.mean)],
    [t('eventsReport.satisfied'), report.satisfaction.n === 0 ? t('eventsReport.noData') : report.satisfaction.satisfiedShare === null ? notShown : percent.format(report.satisfaction.satisfiedShare)],
    [t('eventsReport.participantDays'), number.format(report.participantDays)],
    [t('eventsReport.knowledge'), k ? t('eventsReport.knowledgeValue', { pre: score.format(k.meanPre), post: score.format(k.meanPost), learners: k.learners }) : t('eventsReport.noData')],
  ];
  return (
    <section className="card" aria-labelledby="events-report-summary">
      <h2 id="events-report-summary">{t('eventsReport.summaryHeading')}</h2>
      <FactList rows={rows} className="events-report-figures" />
    </section>
  );
}

function EventsTable({ report }: { report: EventReport }) {
  const { t } = useTranslation('reports');
  const { date, decimal } = useNumbers();
  const caption = t('eventsReport.eventsCaption');
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {(['event', 'type', 'date', 'confirmed', 'checkedIn', 'responses', 'satisfaction'] as const).map((c, i) => (
              <th key={c} scope="col" className={i >= 3 ? 'numeric' : undefined}>
                {t(`eventsReport.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.events.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.title}</th>
              <td>{t(`eventsReport.types.${e.type}`, { defaultValue: e.type })}</td>
              <td>{date.format(e.startsAt)}</td>
              <td className="numeric">{e.confirmed}</td>
              <td className="numeric">{e.checkedIn}</td>
              <td className="numeric">{e.responses}</td>
              <td className="numeric">{e.satisfactionMean === null ? '—' : decimal.format(e.satisfactionMean)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Breakdown({ caption, cells, label }: { caption: string; cells: ReportCell[]; label(key: string): string }) {
  const { t } = useTranslation('reports');
  const { number } = useNumbers();
  if (cells.length === 0) return null;
  const small = t('eventsReport.small');
  const bars: Bar[] = cells.map((c) => ({ key: c.key, label: label(c.key), count: c.count, text: c.count === null ? small : number.format(c.count) }));
  return (
    <section className="stack" aria-label={caption}>
      <BarFigure caption={caption} summary={t('eventsReport.chartSummary', { caption, values: barsSummary(bars) })} bars={bars} />
      <TableWrap label={caption} stack={false}>
        <table className="count-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('eventsReport.columns.group')}</th>
              <th scope="col" className="numeric">
                {t('eventsReport.columns.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td className="numeric">{b.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
