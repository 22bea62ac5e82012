// The report form inside a section's "Report a problem" disclosure; loaded when a reader first opens one, so the
// reader route does not ship it (nor zod, which the shared report schema brings).
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_COMMENT_MAX, REPORT_KINDS, type ReportKind } from '#shared/library/library-report.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { ApiRequestError } from '#web/lib/api.ts';
import { useReportProblem } from './report.api.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';

export interface ReportFormProps {
  sectionId: string;
  language: LibraryLanguage;
  onSent: () => void;
}

export function ReportForm({ sectionId, language, onSent }: ReportFormProps) {
  const { t } = useTranslation('library');
  const id = useId();
  const [kind, setKind] = useState<ReportKind | null>(null);
  const [comment, setComment] = useState('');
  const [kindError, setKindError] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const report = useReportProblem();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind) {
      setKindError(true);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const trimmed = comment.trim();
    report.mutate({ sectionId, language, kind, comment: trimmed || undefined }, { onSuccess: onSent });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {kindError && !kind && (
        <div className="alert error" tabIndex={-1} ref={summary}>
          <p>{t('common:form.errorSummary')}</p>
          <ul>
            <li>
              <a href={`#${id}-kind-${REPORT_KINDS[0]}`}>{t('report.kindRequired')}</a>
            </li>
          </ul>
        </div>
      )}
      <fieldset className="field" aria-describedby={kindError && !kind ? `${id}-kind-error` : undefined}>
        <legend>{t('report.legend')}</legend>
        {kindError && !kind && (
          <p id={`${id}-kind-error`} className="field-error">
            {t('report.kindRequired')}
          </p>
        )}
        {REPORT_KINDS.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              id={`${id}-kind-${value}`}
              name={`${id}-kind`}
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
              aria-invalid={kindError && !kind ? true : undefined}
            />
            {t(`report.kinds.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('report.comment')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('report.commentHint')}
        </p>
        <textarea
          id={`${id}-comment`}
          rows={3}
          maxLength={REPORT_COMMENT_MAX}
          aria-describedby={`${id}-hint`}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {report.isError && <SendError error={report.error} />}
      <p>
        <BusyButton type="submit" busy={report.isPending} busyLabel={t('report.sending')}>
          {t('report.submit')}
        </BusyButton>
      </p>
    </form>
  );
}

function SendError({ error }: { error: Error }) {
  const { t } = useTranslation('library');
  let message = t('report.failed');
  if (!navigator.onLine) message = t('report.offline');
  else if (error instanceof ApiRequestError && error.status === 429) message = t('common:error.tooMany');
  return (
    <p role="alert" className="alert error">
      {message}
    </p>
  );
}
