// /desk/directory/import — coordinators and platform admins import HSDS files into the directory (JSON, or the CSV
// datapackage as a zip), see every rejected row with its file, line and field, and download the published directory.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HsdsImportReport } from '#shared/hsds/hsds-import.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { SelectField, SubmitButton, apiError, focusSoon } from '#web/components/ui/form.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { exportUrl, readUpload, useHsdsImport } from './hsds.api.ts';

type Lang = 'en' | 'ro' | 'nb';

export function HsdsImportPage() {
  const { t } = useTranslation('hsds');
  const id = useId();
  const upload = useHsdsImport();
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const [language, setLanguage] = useState<Lang>('en');
  const [country, setCountry] = useState<'RO' | 'NO'>('RO');
  const [dryRun, setDryRun] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [report, setReport] = useState<HsdsImportReport | null>(null);
  const languages = (['en', 'ro', 'nb'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setReport(null);
    setFailure(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t('form.fileMissing'));
      focusSoon(fileRef);
      return;
    }
    setFileError(null);
    try {
      const { format, content } = await readUpload(file);
      setReport(await upload.mutateAsync({ format, content, fileName: file.name.slice(0, 200), language, country, dryRun }));
    } catch (error) {
      setFailure(apiError(error)?.status === 413 ? t('form.tooLarge') : apiError(error)?.status === 403 ? t('form.forbidden') : t('common:error.generic'));
    }
    focusSoon(resultRef);
  };

  return (
    <Page title={t('title')}>
      <p className="lead">{t('lead')}</p>
      <p>{t('approval')}</p>
      <form className="stack" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-form`}>
        <h2 id={`${id}-form`}>{t('form.heading')}</h2>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('form.file')}</label>
          <p className="hint" id={`${id}-file-hint`}>{t('form.fileHint')}</p>
          {fileError && (
            <p className="field-error" id={`${id}-file-error`}>
              {fileError}
            </p>
          )}
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            className="hsds-file"
            accept=".json,.zip,application/json,application/zip"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ''}`}
          />
        </div>
        <SelectField id={`${id}-language`} label={t('form.language')} hint={t('form.languageHint')} value={language} onChange={(v) => setLanguage(v as Lang)} options={languages} />
        <SelectField
          id={`${id}-country`}
          label={t('form.country')}
          hint={t('form.countryHint')}
          value={country}
          onChange={(v) => setCountry(v as 'RO' | 'NO')}
          options={[
            { value: 'RO', label: t('countries.RO') },
            { value: 'NO', label: t('countries.NO') },
          ]}
        />
        <div className="checkbox-field">
          <input id={`${id}-dry`} type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          <label htmlFor={`${id}-dry`}>{t('form.dryRun')}</label>
        </div>
        <SubmitButton pending={upload.isPending} pendingLabel={t('form.working')}>
          {dryRun ? t('form.check') : t('form.submit')}
        </SubmitButton>
      </form>
      <div ref={resultRef} tabIndex={-1} className="hsds-result">
        {failure && (
          <Banner tone="error" role="alert">
            <p>{failure}</p>
          </Banner>
        )}
        {report && <ImportReport report={report} dryRun={dryRun} />}
      </div>
      <ExportCard />
    </Page>
  );
}

function ImportReport({ report, dryRun }: { report: HsdsImportReport; dryRun: boolean }) {
  const { t } = useTranslation('hsds');
  const counts = t('report.counts', { services: report.counts.services, organizations: report.counts.organizations, locations: report.counts.locations });
  const ok = report.problemCount === 0;
  return (
    <section className="hsds-report" aria-label={t('report.heading')}>
      <Banner tone={ok ? 'success' : 'error'} role={ok ? 'status' : 'alert'} title={ok ? (dryRun ? t('report.checked') : t(`report.imported.${report.reviewStatus}`)) : t('report.rejected', { count: report.problemCount })}>
        <p>{ok ? counts : t('report.nothingWritten')}</p>
      </Banner>
      {report.problems.length > 0 && (
        <TableWrap label={t('report.problems')}>
          <table>
            <caption>{t('report.problems')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.file')}</th>
                <th scope="col">{t('report.line')}</th>
                <th scope="col">{t('report.field')}</th>
                <th scope="col">{t('report.message')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.file}</td>
                  <td>{p.line > 0 ? p.line : '—'}</td>
                  <td>
                    <code>{p.field || '—'}</code>
                  </td>
                  <td lang="en">{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {report.problemCount > report.problems.length && <p>{t('report.more', { count: report.problemCount - report.problems.length })}</p>}
      {report.ignored.length > 0 && (
        <>
          <h3>{t('report.ignored')}</h3>
          <ul>
            {report.ignored.map((i) => (
              <li key={i.what}>
                <span lang="en">{i.what}</span>: {i.count}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.skipped.length > 0 && <p>{t('report.skipped', { files: report.skipped.join(', ') })}</p>}
    </section>
  );
}

function ExportCard() {
  const { t } = useTranslation('hsds');
  const id = useId();
  const [lang, setLang] = useState<Lang>('en');
  return (
    <Card labelledBy={`${id}-export`}>
      <h2 id={`${id}-export`}>{t('export.heading')}</h2>
      <p>{t('export.lead')}</p>
      <div className="stack">
        <SelectField id={`${id}-lang`} label={t('export.language')} value={lang} onChange={(v) => setLang(v as Lang)} options={(['en', 'ro', 'nb'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
      </div>
      <ul className="hsds-downloads">
        <li>
          <a href={exportUrl('json', lang)} download>
            {t('export.json')}
          </a>
        </li>
        <li>
          <a href={exportUrl('zip', lang)} download>
            {t('export.zip')}
          </a>
        </li>
        <li>
          <a href="/hsds/openapi.json">{t('export.api')}</a>
        </li>
      </ul>
    </Card>
  );
}
