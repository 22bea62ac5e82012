// /desk: the editorial desk — texts waiting for review, drafts, outdated translations, open reader reports, and the
// publications to browse; every item links to the page where the work is done.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Report } from '#shared/library/library-report.schema.ts';
import { useMe } from '#web/features/account/me.api.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { useDashboard, useEditorPublications } from './desk.api.ts';
import { isMyDraft, isOwnText } from './desk-rules.ts';
import { DeskLoadError, DeskPage as Frame, Time, editorPath } from './desk-frame.tsx';
import { TextList } from './text-list.tsx';

const REPORTS_SHOWN = 5;

export function DeskPage() {
  const { t } = useTranslation('library-desk');
  const me = useMe().data;
  const dashboard = useDashboard();
  const roles = me?.roles ?? [];
  const isReviewer = roles.includes('reviewer') || Boolean(me?.account.isPlatformAdmin);
  const isEditor = roles.includes('editor') || Boolean(me?.account.isPlatformAdmin);
  const accountId = me?.account.id ?? '';
  return (
    <Frame heading={t('dashboard.title')} documentTitle={t('dashboard.title')}>
      <p className="lead">{t('dashboard.lead')}</p>
      <p>
        <Link to="/desk/help-contacts">{t('help:desk.link')}</Link>
      </p>
      <p>
        <Link to="/desk/thesaurus">{t('thesaurus:link')}</Link>
      </p>
      {dashboard.isPending && <Loading />}
      {dashboard.isError && <DeskLoadError error={dashboard.error} />}
      {dashboard.data && (
        <div className="desk-grid">
          {isReviewer && (
            <DeskSection id="waiting" title={t('dashboard.waiting')}>
              <TextList texts={dashboard.data.inReview.filter((x) => !isOwnText(x, accountId))} empty={t('dashboard.waitingEmpty')} />
            </DeskSection>
          )}
          {isEditor && (
            <DeskSection id="in-review" title={t('dashboard.inReview')}>
              <TextList texts={dashboard.data.inReview.filter((x) => !isReviewer || x.authorAccountId === undefined || isOwnText(x, accountId))} empty={t('dashboard.inReviewEmpty')} />
            </DeskSection>
          )}
          <DeskSection id="drafts" title={t('dashboard.drafts')}>
            <TextList texts={dashboard.data.drafts.filter((x) => isMyDraft(x, accountId))} empty={t('dashboard.draftsEmpty')} />
          </DeskSection>
          <DeskSection id="outdated" title={t('dashboard.outdated')}>
            <TextList texts={dashboard.data.outdated} empty={t('dashboard.outdatedEmpty')} />
          </DeskSection>
          <DeskSection id="reports" title={t('dashboard.reports')}>
            <ReportSummary reports={dashboard.data.openReports} />
          </DeskSection>
        </div>
      )}
      {dashboard.data && <Publications />}
    </Frame>
  );
}

function DeskSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`desk-${id}`} className="desk-section">
      <h2 id={`desk-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function ReportSummary({ reports }: { reports: Report[] }) {
  const { t } = useTranslation('library-desk');
  if (reports.length === 0) return <p className="muted">{t('dashboard.reportsEmpty')}</p>;
  return (
    <>
      <ul className="desk-list">
        {reports.slice(0, REPORTS_SHOWN).map((report) => (
          <li key={report.id}>
            <Link to={editorPath(report.sectionId, report.language)} className="desk-item-title" lang={report.language}>
              {report.sectionTitle}
            </Link>
            <span className="desk-item-meta">
              <span>{t(`reports.kinds.${report.kind}`)}</span>
              <span>{t(`library:languages.${report.language}`)}</span>
              <Time date={report.createdAt} />
            </span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/desk/reports">{t('dashboard.allReports', { count: reports.length })}</Link>
      </p>
    </>
  );
}

function Publications() {
  const { t } = useTranslation('library-desk');
  const publications = useEditorPublications();
  return (
    <section aria-labelledby="desk-publications">
      <h2 id="desk-publications">{t('dashboard.publications')}</h2>
      <p className="muted">{t('dashboard.publicationsHint')}</p>
      {publications.isError && <DeskLoadError error={publications.error} />}
      {publications.data && (
        <ul>
          {publications.data.publications.map((p) => (
            <li key={p.id}>
              <Link to={`/desk/publications/${p.slug}`}>{p.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
