// Per section, a disclosure with the report form: what kind of problem (required) and an optional comment. The form
// itself (report-form.tsx) loads when the disclosure is first opened.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';

// NOTE: the offline warm-up (offline.ts) loads this chunk ahead; if it still cannot load, the reader gets a message
// in place of the form rather than an error page.
const ReportForm = lazy(() =>
  import('./report-form.tsx').then(
    (m) => ({ default: m.ReportForm }),
    () => ({ default: FormUnavailable }),
  ),
);

function FormUnavailable() {
  const { t } = useTranslation('library');
  return (
    <p role="alert" className="alert error">
      {navigator.onLine ? t('report.failed') : t('report.offline')}
    </p>
  );
}

export function ReportProblem({ sectionId, language }: { sectionId: string; language: LibraryLanguage }) {
  const { t } = useTranslation('library');
  const [opened, setOpened] = useState(false);
  const [sent, setSent] = useState(false);
  return (
    <details className="report-problem" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{t('report.toggle')}</summary>
      {/* NOTE: the status region exists before the message is put in it, so screen readers announce it. */}
      <p role="status" className={sent ? 'alert success' : undefined}>
        {sent ? t('report.sent') : ''}
      </p>
      {opened && !sent && (
        <Suspense fallback={<p>{t('common:loading')}</p>}>
          <ReportForm sectionId={sectionId} language={language} onSent={() => setSent(true)} />
        </Suspense>
      )}
    </details>
  );
}
