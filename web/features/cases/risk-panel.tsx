// Risk assessments of a case: a table oldest first (the change over time reads down the columns), and a form to
// record a new one. Levels are words, never colour alone.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_AREAS, RISK_LEVELS } from '#shared/cases/case-vocabulary.ts';
import type { CaseDetail } from '#shared/cases/case.schema.ts';
import type { RiskCreate } from '#shared/cases/follow-up.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { ErrorSummary, SelectField, SubmitButton, TextField, useFormErrors } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { useAssessRisk, useRisk } from './assistance.api.ts';
import { codeOptions, NoteField, orNull, saveFailure } from './case-form-parts.tsx';

type Level = (typeof RISK_LEVELS)[number];

export function RiskPanel({ detail, writable }: { detail: CaseDetail; writable: boolean }) {
  const { t, i18n } = useTranslation('case-assistance');
  const list = useRisk(detail.id);
  const date = (day: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  return (
    <Card labelledBy="risk-heading">
      <h2 id="risk-heading">{t('risk.heading')}</h2>
      <p>{t('risk.intro')}</p>
      {list.isPending && <Loading />}
      {list.isError && <Banner tone="error">{t('common.loadError')}</Banner>}
      {list.data &&
        (list.data.assessments.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <TableWrap label={t('risk.tableLabel')}>
            <table>
              <caption className="visually-hidden">{t('risk.tableLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('risk.assessedOn')}</th>
                  {RISK_AREAS.map((a) => (
                    <th key={a} scope="col">
                      {t(`risk.${a}`)}
                    </th>
                  ))}
                  <th scope="col">{t('tasks.note')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.assessments.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{date(r.assessedOn)}</th>
                    {RISK_AREAS.map((a) => (
                      <td key={a}>{t(`risk.levels.${r[a]}`)}</td>
                    ))}
                    <td className="case-text">{r.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ))}
      {writable && <RiskForm caseId={detail.id} />}
    </Card>
  );
}

function RiskForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('case-assistance');
  const id = useId();
  const empty = { assessedOn: new Date().toISOString().slice(0, 10), individual: 'not_assessed' as Level, household: 'not_assessed' as Level, community: 'not_assessed' as Level, note: '' };
  const [d, setDraft] = useState(empty);
  const form = useFormErrors();
  const assess = useAssessRisk(caseId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    const body: RiskCreate = { ...d, note: orNull(d.note) };
    try {
      await assess.mutateAsync(body);
      setDraft(empty);
    } catch (error) {
      const failure = saveFailure(error, t);
      form.fail(failure.fields, failure.message);
    }
  };
  const summary = form.errors.assessedOn ? [{ id: `${id}-on`, label: t('risk.assessedOn'), message: form.errors.assessedOn }] : [];
  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('risk.add')}</h3>
      <ErrorSummary items={summary} formError={form.formError} summaryRef={form.summaryRef} />
      <TextField id={`${id}-on`} type="date" label={t('risk.assessedOn')} value={d.assessedOn} onChange={(v) => setDraft({ ...d, assessedOn: v })} error={form.errors.assessedOn} required />
      {RISK_AREAS.map((a) => (
        <SelectField key={a} id={`${id}-${a}`} label={t(`risk.${a}`)} value={d[a]} onChange={(v) => setDraft({ ...d, [a]: v as Level })} options={codeOptions(RISK_LEVELS, (c) => t(`risk.levels.${c}`))} />
      ))}
      <NoteField id={`${id}-note`} label={t('tasks.note')} value={d.note} onChange={(v) => setDraft({ ...d, note: v })} maxLength={2000} />
      <div className="actions-row">
        <SubmitButton pending={assess.isPending}>{t('risk.add')}</SubmitButton>
      </div>
    </form>
  );
}
