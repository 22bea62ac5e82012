// /events/:id/results: the organisers' view of an event's evaluation and follow-up survey: response rate, every item
// as a chart or a table (the reader chooses), means, and the comments with their language; below three answers only
// the counts, and why. The CSV holds the same totals and comments.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MIN_RESPONSES_SHOWN } from '#shared/events/evaluation-items.ts';
import type { SectionResult } from '#shared/events/evaluation.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { EventManageNav } from './event-manage-nav.tsx';
import { ItemChart, ItemTable } from './evaluation-chart.tsx';
import { useEvaluationResults } from './evaluation.api.ts';

type View = 'charts' | 'tables';

export function EvaluationResultsPage() {
  const { t, i18n } = useTranslation('event-evaluation');
  const { id = '' } = useParams();
  const results = useEvaluationResults(id, i18n.language);
  const [view, setView] = useState<View>('charts');
  return (
    <Page title={t('results.title')}>
      <EventManageNav eventId={id} />
      {results.isPending && <Loading />}
      {results.isError && <Banner tone="error">{apiError(results.error)?.status === 404 ? t('results.notFound') : t('results.loadFailed')}</Banner>}
      {results.data && (
        <div className="stack evaluation-results">
          <p className="lead" lang={results.data.titleLanguage}>
            {results.data.title}
          </p>
          <p>{t('results.intro')}</p>
          <ViewChoice view={view} onChange={setView} />
          {results.data.sections.map((section) => (
            <Section key={section.kind} section={section} view={view} />
          ))}
          <p>
            <a className="button secondary" href={`/api/events/${encodeURIComponent(id)}/evaluation-results.csv`} download>
              {t('results.export')}
            </a>
            <br />
            <span className="hint">{t('results.exportHint')}</span>
          </p>
        </div>
      )}
    </Page>
  );
}

function ViewChoice({ view, onChange }: { view: View; onChange(view: View): void }) {
  const { t } = useTranslation('event-evaluation');
  const name = useId();
  return (
    <fieldset className="field">
      <legend>{t('results.viewLegend')}</legend>
      <div className="radio-row evaluation-scale">
        {(['charts', 'tables'] as const).map((v) => (
          <label key={v} className="choice">
            <input type="radio" name={name} value={v} checked={view === v} onChange={() => onChange(v)} />
            {t(v === 'charts' ? 'results.viewCharts' : 'results.viewTables')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Section({ section, view }: { section: SectionResult; view: View }) {
  const { t, i18n } = useTranslation('event-evaluation');
  const headingId = useId();
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section className="card stack evaluation-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`kinds.${section.kind}`)}</h2>
      <p className="hint">{t('results.window', { from: day.format(section.opensAt), to: day.format(new Date(section.closesAt.getTime() - 1)) })}</p>
      <p>
        {section.eligible === 0
          ? t('results.noEligible')
          : t('results.responses', { responses: section.responses, eligible: section.eligible, rate: percent.format(section.responseRate ?? 0) })}
      </p>
      {!section.shown && section.eligible > 0 && <Banner>{t('results.hidden', { min: MIN_RESPONSES_SHOWN })}</Banner>}
      {section.items.map((item) => (view === 'charts' ? <ItemChart key={item.key} item={item} /> : <ItemTable key={item.key} item={item} />))}
      {section.shown && <Comments section={section} />}
    </section>
  );
}

function Comments({ section }: { section: SectionResult }) {
  const { t } = useTranslation('event-evaluation');
  return (
    <>
      <h3>{t('results.commentsHeading')}</h3>
      {section.comments.map((c) => (
        <div key={c.key} className="evaluation-comments">
          <h4>{t(`comments.${c.key}`)}</h4>
          {c.texts.length === 0 ? (
            <p className="hint">{t('results.noComments')}</p>
          ) : (
            <ul>
              {c.texts.map((text, i) => (
                <li key={i} lang={text.language}>
                  {text.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </>
  );
}
