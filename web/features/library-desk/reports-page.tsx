// /desk/reports — readers' reports on sections (what kind of problem, their comment, when), open or closed; an open
// report is closed as revised (naming the revision that fixed it) or declined (with a reason).
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Report } from '#shared/library/library-report.schema.ts';
import { focusSoon } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useReports } from './desk.api.ts';
import { DeskLoadError, DeskPage, Time, editorPath } from './desk-frame.tsx';
import { CloseReportForm } from './close-report-form.tsx';

export function ReportsPage() {
  const { t } = useTranslation('library-desk');
  const [params] = useSearchParams();
  const status = params.get('status') === 'closed' ? 'closed' : 'open';
  const reports = useReports(status);
  const [message, setMessage] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const closed = () => {
    setMessage(t('reports.closedMessage'));
    // NOTE: the closed report's card (and the focused button in it) is gone; focus goes to the list heading.
    focusSoon(heading);
  };
  return (
    <DeskPage heading={t('reports.title')} documentTitle={t('reports.title')} crumbs={[{ to: '/desk', label: t('dashboard.title') }]}>
      <nav aria-label={t('reports.filter')} className="report-filter">
        <ul>
          {(['open', 'closed'] as const).map((s) => (
            <li key={s}>
              <Link to={s === 'open' ? '/desk/reports' : '/desk/reports?status=closed'} aria-current={s === status ? 'page' : undefined}>
                {t(`reports.show.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 id="reports-heading" tabIndex={-1} ref={heading}>
        {t(`reports.heading.${status}`)}
      </h2>
      <div role="status">{message && <p className="alert success">{message}</p>}</div>
      {reports.isPending && <Loading />}
      {reports.isError && <DeskLoadError error={reports.error} />}
      {reports.data?.reports.length === 0 && <p className="muted">{t(`reports.empty.${status}`)}</p>}
      <ul className="report-list">
        {reports.data?.reports.map((report) => (
          <li key={report.id}>
            <ReportCard report={report} onClosed={closed} />
          </li>
        ))}
      </ul>
    </DeskPage>
  );
}

function ReportCard({ report, onClosed }: { report: Report; onClosed(): void }) {
  const { t } = useTranslation('library-desk');
  return (
    <article className="card report-card" aria-labelledby={`report-${report.id}`}>
      <h3 id={`report-${report.id}`}>
        <Link to={editorPath(report.sectionId, report.language)} lang={report.language}>
          {report.sectionTitle}
        </Link>
      </h3>
      <dl className="facts">
        <dt>{t('reports.kind')}</dt>
        <dd>{t(`reports.kinds.${report.kind}`)}</dd>
        <dt>{t('reports.language')}</dt>
        <dd>{t(`library:languages.${report.language}`)}</dd>
        <dt>{t('reports.received')}</dt>
        <dd>
          <Time date={report.createdAt} />
        </dd>
        <dt>{t('reports.comment')}</dt>
        <dd className="pre-wrap">{report.comment ?? <span className="muted">{t('reports.noComment')}</span>}</dd>
        {report.status === 'closed' && (
          <>
            <dt>{t('reports.resolution')}</dt>
            <dd>
              <span>{t(`reports.resolutions.${report.resolution ?? 'declined'}`)}</span>
              {report.closedAt && (
                <>
                  {' · '}
                  <Time date={report.closedAt} />
                </>
              )}
              {report.resolutionNote && <span className="pre-wrap block">{report.resolutionNote}</span>}
            </dd>
          </>
        )}
      </dl>
      {report.status === 'open' && <CloseReportForm report={report} onClosed={onClosed} />}
    </article>
  );
}
