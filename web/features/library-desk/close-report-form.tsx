// Closing a reader's report: "revised" names the revision of the section that fixed the problem (the newest is
// proposed), "declined" needs a reason. A report someone else closed meanwhile (409) leaves the list.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_COMMENT_MAX, type Report } from '#shared/library/library-report.schema.ts';
import { ErrorSummary, apiError, focusSoon, type FieldErrors } from '#web/components/ui/form.tsx';
import { useCloseReport } from './desk.api.ts';
import { useFormatTime } from './desk-frame.tsx';
import { useRevisions } from './section.api.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';

type Resolution = 'revised' | 'declined';

export function CloseReportForm({ report, onClosed }: { report: Report; onClosed(): void }) {
  const { t } = useTranslation('library-desk');
  const id = useId();
  const format = useFormatTime();
  const close = useCloseReport();
  const [resolution, setResolution] = useState<Resolution | null>(null);
  const [revisionId, setRevisionId] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const summary = useRef<HTMLDivElement>(null);
  const revisions = useRevisions(report.sectionId, report.language, resolution === 'revised');
  const chosenRevision = revisionId || revisions.data?.revisions[0]?.id || '';

  const fail = (found: FieldErrors) => {
    setErrors(found);
    focusSoon(summary);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!resolution) found.resolution = 'reports.errors.resolution';
    if (resolution === 'revised' && !chosenRevision) found.revision = 'reports.errors.revision';
    if (resolution === 'declined' && !note.trim()) found.note = 'reports.errors.reason';
    if (Object.keys(found).length > 0 || !resolution) return fail(found);
    const body =
      resolution === 'revised'
        ? { resolution, revisionId: chosenRevision, note: note.trim(), version: report.version }
        : { resolution, note: note.trim(), version: report.version };
    try {
      await close.mutateAsync({ id: report.id, close: body });
      onClosed();
    } catch (error) {
      const api = apiError(error);
      if (api?.status === 409) return fail({ form: 'reports.errors.conflict' });
      fail(api?.body.fields?.revisionId ? { revision: 'reports.errors.revision' } : { form: 'common:error.generic' });
    }
  };
  const labels: Record<string, string> = { resolution: t('reports.resolutionLegend'), revision: t('reports.revision'), note: t('reports.reason') };
  const items = (['resolution', 'revision', 'note'] as const)
    .filter((f) => errors[f])
    .map((f) => ({ id: f === 'resolution' ? `${id}-revised` : `${id}-${f}`, label: labels[f]!, message: t(errors[f]!) }));
  const noteRequired = resolution === 'declined';
  return (
    <details className="close-report">
      <summary>{t('reports.close')}</summary>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {items.length > 0 ? (
          <ErrorSummary items={items} summaryRef={summary} />
        ) : (
          errors.form && (
            <div className="alert error" role="alert" tabIndex={-1} ref={summary}>
              <p>{t(errors.form)}</p>
            </div>
          )
        )}
        <fieldset className="field" aria-describedby={errors.resolution ? `${id}-resolution-error` : undefined}>
          <legend>{t('reports.resolutionLegend')}</legend>
          {errors.resolution && (
            <p className="field-error" id={`${id}-resolution-error`}>
              {t(errors.resolution)}
            </p>
          )}
          {(['revised', 'declined'] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" id={`${id}-${value}`} name={`${id}-resolution`} value={value} checked={resolution === value} onChange={() => setResolution(value)} />
              {t(`reports.resolutions.${value}`)}
            </label>
          ))}
        </fieldset>
        {resolution === 'revised' && (
          <div className="field">
            <label htmlFor={`${id}-revision`}>{t('reports.revision')}</label>
            <select
              id={`${id}-revision`}
              value={chosenRevision}
              onChange={(e) => setRevisionId(e.target.value)}
              aria-invalid={errors.revision ? true : undefined}
              aria-describedby={errors.revision ? `${id}-revision-error` : undefined}
            >
              {revisions.data?.revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  {t('reports.revisionOption', { number: r.number, name: r.authorName ?? t('revisions.imported'), time: format(r.createdAt) })}
                </option>
              ))}
            </select>
            {errors.revision && (
              <span className="field-error" id={`${id}-revision-error`}>
                {t(errors.revision)}
              </span>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-note`}>{noteRequired ? t('reports.reason') : t('reports.noteOptional')}</label>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={REPORT_COMMENT_MAX}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            required={noteRequired}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? `${id}-note-error` : undefined}
          />
          {errors.note && (
            <span className="field-error" id={`${id}-note-error`}>
              {t(errors.note)}
            </span>
          )}
        </div>
        <p>
          <BusyButton type="submit" busy={close.isPending}>
            {t('reports.closeSubmit')}
          </BusyButton>
        </p>
      </form>
    </details>
  );
}
