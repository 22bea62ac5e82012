// /learn/manage/:id — one course's learners: progress, pre- and post-test, raw and normalised gain, with the
// course's means and a CSV download (cells defused on the server).
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CourseReport } from '#shared/learning/learning.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { formatDate, useReaderLanguage } from '#web/features/library/reader-language.ts';
import { useCourseReport } from './learning.api.ts';

/** Percentages and gains with at most one decimal, normalised gains with two, in the reader's language ("83,3" in ro, nb). */
function num(lang: string, n: number | null, digits = 1): string {
  if (n === null) return '—';
  return new Intl.NumberFormat(lang, { minimumFractionDigits: digits === 2 ? 2 : 0, maximumFractionDigits: digits }).format(n);
}

export function CourseReportPage() {
  const { t } = useTranslation('learning');
  const { id = '' } = useParams();
  const lang = useReaderLanguage();
  const report = useCourseReport(id, lang);
  if (report.isPending) return <Loading />;
  if (report.isError || !report.data) {
    return (
      <Page title={t('report.title')}>
        <Banner tone="error">{t('loadError')}</Banner>
        <Link to="/learn/manage">{t('report.back')}</Link>
      </Page>
    );
  }
  const r = report.data;
  return (
    <Page title={t('report.titleOf', { title: r.course.title })}>
      <Summary report={r} />
      <p>
        <a className="button secondary" href={`/api/courses/${r.course.id}/report.csv?lang=${lang}`} download>
          {t('report.csv')}
        </a>
      </p>
      {r.learners.length === 0 ? (
        <p>{t('report.empty')}</p>
      ) : (
        <TableWrap label={t('report.tableLabel')}>
          <table>
            <caption className="visually-hidden">{t('report.tableLabel')}</caption>
            <thead>
              <tr>
                {(['name', 'started', 'progress', 'passed', 'pre', 'post', 'rawGain', 'normalisedGain'] as const).map((c, i) => (
                  <th key={c} scope="col" className={i >= 4 ? 'numeric' : undefined}>
                    {t(`report.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.learners.map((l) => (
                <tr key={l.enrolmentId}>
                  <th scope="row">{l.name}</th>
                  <td>{formatDate(l.startedAt, lang)}</td>
                  <td>{t('progress.partsDone', { done: l.done, total: l.total })}</td>
                  <td>{l.passedAt ? formatDate(l.passedAt, lang) : t('report.notYet')}</td>
                  <td className="numeric">{num(lang, l.pre)}</td>
                  <td className="numeric">{num(lang, l.post)}</td>
                  <td className="numeric">{num(lang, l.rawGain)}</td>
                  <td className="numeric">{num(lang, l.normalisedGain, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p>
        <Link to="/learn/manage">{t('report.back')}</Link>
      </p>
    </Page>
  );
}

function Summary({ report }: { report: CourseReport }) {
  const { t } = useTranslation('learning');
  const lang = useReaderLanguage();
  const s = report.summary;
  return (
    <section className="card" aria-labelledby="report-summary">
      <h2 id="report-summary">{t('report.summary')}</h2>
      <dl className="learn-knowledge">
        <dt>{t('report.withBoth')}</dt>
        <dd>{s.learners}</dd>
        <dt>{t('knowledge.pre')}</dt>
        <dd>{num(lang, s.meanPre)}</dd>
        <dt>{t('knowledge.post')}</dt>
        <dd>{num(lang, s.meanPost)}</dd>
        <dt>{t('knowledge.rawGain')}</dt>
        <dd>{num(lang, s.meanRawGain)}</dd>
        <dt>{t('knowledge.normalisedGain')}</dt>
        <dd>{num(lang, s.meanNormalisedGain, 2)}</dd>
      </dl>
      <p className="hint">{t('report.explain')}</p>
    </section>
  );
}
