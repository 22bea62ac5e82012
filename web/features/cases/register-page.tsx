// /cases/register — the organisation's case register for its coordinators: code, status, owner, opened, team size.
// A case the coordinator is not on the team of opens only "with emergency access": a written reason, recorded in the
// audit trail, told to the owner, and ended after a few hours.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { BREAK_GLASS_HOURS } from '#shared/cases/case-vocabulary.ts';
import type { CaseRegister } from '#shared/cases/case-workflow.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { ErrorSummary, SubmitOrCancel, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { useOpenBreakGlass, useRegister } from './case-workflow.api.ts';

type Row = CaseRegister['cases'][number];
const MIN_REASON = 20;

export function RegisterPage() {
  const { t } = useTranslation('case-workflow');
  const [typed, setTyped] = useState('');
  const [code, setCode] = useState('');
  const register = useRegister(code);
  const [opening, setOpening] = useState<Row | null>(null);
  return (
    <Page title={t('register.title')}>
      <p className="lead">{t('register.lead')}</p>
      <form
        className="stack"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setCode(typed.trim());
        }}
      >
        <TextField id="register-code" label={t('register.filter')} hint={t('register.filterHint')} value={typed} onChange={setTyped} maxLength={40} />
        <div>
          <button type="submit">{t('register.search')}</button>
        </div>
      </form>
      {register.isPending && <Loading />}
      {register.isError && (
        <Banner tone="error" role="alert">
          {t('loadError')}
        </Banner>
      )}
      {register.data?.cases.length === 0 && <p>{t('register.empty')}</p>}
      {register.data && register.data.cases.length > 0 && <RegisterTable rows={register.data.cases} onOpen={setOpening} />}
      {register.data?.more && <p>{t('register.more')}</p>}
      {opening && <BreakGlassDialog row={opening} onClose={() => setOpening(null)} />}
      <p>
        <Link to="/cases/approvals">{t('approvalsPage.title')}</Link> · <Link to="/cases/settings">{t('settings.title')}</Link>
      </p>
    </Page>
  );
}

function RegisterTable({ rows, onOpen }: { rows: Row[]; onOpen(r: Row): void }) {
  const { t, i18n } = useTranslation('case-workflow');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <TableWrap label={t('register.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('register.code')}</th>
            <th scope="col">{t('register.status')}</th>
            <th scope="col">{t('register.owner')}</th>
            <th scope="col">{t('register.opened')}</th>
            <th scope="col">{t('register.team')}</th>
            <th scope="col">{t('register.access')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" data-label={t('register.code')}>
                {r.access === 'none' ? r.code : <Link to={`/cases/${r.id}`}>{r.code}</Link>}
              </th>
              <td data-label={t('register.status')}>{t(`cases:status.${r.status}`)}</td>
              <td data-label={t('register.owner')}>{r.ownerName ?? '—'}</td>
              <td data-label={t('register.opened')}>{date.format(r.openedAt)}</td>
              <td data-label={t('register.team')}>{r.teamSize}</td>
              <td data-label={t('register.access')}>
                {r.access === 'none' ? (
                  <button type="button" className="secondary" onClick={() => onOpen(r)} aria-label={t('register.openEmergencyCase', { code: r.code })}>
                    {t('register.openEmergency')}
                  </button>
                ) : (
                  t(`register.accessOf.${r.access}`)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function BreakGlassDialog({ row, onClose }: { row: Row; onClose(): void }) {
  const { t } = useTranslation('case-workflow');
  const id = useId();
  const form = useFormErrors();
  const open = useOpenBreakGlass();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < MIN_REASON) return form.fail({ reason: t('breakGlass.tooShort', { min: MIN_REASON }) });
    try {
      await open.mutateAsync({ caseId: row.id, reason: reason.trim() });
      await navigate(`/cases/${row.id}`);
    } catch (error) {
      const api = apiError(error);
      form.fail(api?.body.fields ?? {}, api?.body.message ?? t('common:error.generic'));
    }
  };
  const items = form.errors.reason ? [{ id: `${id}-reason`, label: t('breakGlass.reasonLabel'), message: form.errors.reason }] : [];
  return (
    <ModalDialog onClose={onClose}>
      <Heading slot="title" level={2}>
        {t('breakGlass.dialogTitle', { code: row.code })}
      </Heading>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <Banner tone="warning">
          <p>{t('breakGlass.warning', { hours: BREAK_GLASS_HOURS })}</p>
        </Banner>
        <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('breakGlass.reasonLabel')}</label>
          <span className="hint" id={`${id}-reason-hint`}>
            {t('breakGlass.reasonHint', { min: MIN_REASON })}
          </span>
          {form.errors.reason && (
            <span className="field-error" id={`${id}-reason-error`}>
              {form.errors.reason}
            </span>
          )}
          <textarea
            id={`${id}-reason`}
            rows={4}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={form.errors.reason ? true : undefined}
            aria-describedby={form.errors.reason ? `${id}-reason-hint ${id}-reason-error` : `${id}-reason-hint`}
          />
        </div>
        <SubmitOrCancel pending={open.isPending} onCancel={onClose}>
          {t('breakGlass.confirm')}
        </SubmitOrCancel>
      </form>
    </ModalDialog>
  );
}
