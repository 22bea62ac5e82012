// /cases/approvals — a coordinator's list of requests waiting for approval in their organisation (closures, support
// plans): the case code, what is asked, who asked and when; nothing from the case's categories. Approve, or reject
// with a note the team will read. Nobody decides their own request.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'react-aria-components';
import type { ApprovalList } from '#shared/cases/case-workflow.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { ErrorSummary, SubmitOrCancel, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { usePendingApprovals, useDecideApproval } from './case-workflow.api.ts';

type Item = ApprovalList['approvals'][number];

export function ApprovalsPage() {
  const { t } = useTranslation('case-workflow');
  const approvals = usePendingApprovals();
  const decide = useDecideApproval();
  const [rejecting, setRejecting] = useState<Item | null>(null);
  const [news, setNews] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const approve = async (item: Item) => {
    setNews(null);
    try {
      await decide.mutateAsync({ id: item.id, verb: 'approve' });
      setNews({ tone: 'success', text: t('approvalsPage.approved', { code: item.code }) });
    } catch (e) {
      setNews({ tone: 'error', text: apiError(e)?.body.message ?? t('common:error.generic') });
    }
  };
  return (
    <Page title={t('approvalsPage.title')}>
      <p className="lead">{t('approvalsPage.lead')}</p>
      {news && (
        <Banner tone={news.tone} role={news.tone === 'error' ? 'alert' : 'status'}>
          <p>{news.text}</p>
        </Banner>
      )}
      {approvals.isPending && <Loading />}
      {approvals.isError && (
        <Banner tone="error" role="alert">
          {t('loadError')}
        </Banner>
      )}
      {approvals.data?.approvals.length === 0 && <p>{t('approvalsPage.empty')}</p>}
      {approvals.data && approvals.data.approvals.length > 0 && <ApprovalTable items={approvals.data.approvals} busy={decide.isPending} onApprove={(i) => void approve(i)} onReject={setRejecting} />}
      {rejecting && (
        <RejectDialog
          item={rejecting}
          onClose={() => setRejecting(null)}
          onReject={async (note) => {
            await decide.mutateAsync({ id: rejecting.id, verb: 'reject', note });
            setNews({ tone: 'success', text: t('approvalsPage.rejected', { code: rejecting.code }) });
          }}
        />
      )}
    </Page>
  );
}

function ApprovalTable(props: { items: Item[]; busy: boolean; onApprove(i: Item): void; onReject(i: Item): void }) {
  const { t, i18n } = useTranslation('case-workflow');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <TableWrap label={t('approvalsPage.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('register.code')}</th>
            <th scope="col">{t('approvalsPage.request')}</th>
            <th scope="col">{t('approvalsPage.requestedBy')}</th>
            <th scope="col">{t('approvalsPage.decide')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((a) => (
            <tr key={a.id}>
              <th scope="row" data-label={t('register.code')}>
                {a.code}
              </th>
              <td data-label={t('approvalsPage.request')}>
                {t(`kind.${a.kind}`)}
                {a.to && a.reason && <> — {t('approvals.asked', { status: t(`cases:status.${a.to}`), reason: t(`closureReason.${a.reason}`) })}</>}
              </td>
              <td data-label={t('approvalsPage.requestedBy')}>
                {a.requestedByName ?? t('someone')}, {date.format(a.requestedAt)}
              </td>
              <td data-label={t('approvalsPage.decide')}>
                {a.mine ? (
                  t('approvalsPage.mine')
                ) : (
                  <div className="actions-row">
                    <BusyButton busy={props.busy} onClick={() => props.onApprove(a)} aria-label={t('approvalsPage.approveCase', { code: a.code })}>
                      {t('approvalsPage.approve')}
                    </BusyButton>
                    <button type="button" className="secondary" onClick={() => props.onReject(a)} aria-label={t('approvalsPage.rejectCase', { code: a.code })}>
                      {t('approvalsPage.reject')}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function RejectDialog(props: { item: Item; onClose(): void; onReject(note: string): Promise<void> }) {
  const { t } = useTranslation('case-workflow');
  const id = useId();
  const form = useFormErrors();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) return form.fail({ note: t('common:form.required') });
    setBusy(true);
    try {
      await props.onReject(note.trim());
      props.onClose();
    } catch (error) {
      const api = apiError(error);
      form.fail(api?.body.fields ?? {}, api?.body.message ?? t('common:error.generic'));
    } finally {
      setBusy(false);
    }
  };
  const items = form.errors.note ? [{ id: `${id}-note`, label: t('approvalsPage.rejectNote'), message: form.errors.note }] : [];
  return (
    <ModalDialog onClose={props.onClose}>
      <Heading slot="title" level={2}>
        {t('approvalsPage.rejectTitle', { code: props.item.code })}
      </Heading>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('approvalsPage.rejectNote')}</label>
          <span className="hint" id={`${id}-note-hint`}>
            {t('approvalsPage.rejectNoteHint')}
          </span>
          {form.errors.note && (
            <span className="field-error" id={`${id}-note-error`}>
              {form.errors.note}
            </span>
          )}
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={form.errors.note ? true : undefined}
            aria-describedby={form.errors.note ? `${id}-note-hint ${id}-note-error` : `${id}-note-hint`}
          />
        </div>
        <SubmitOrCancel pending={busy} onCancel={props.onClose}>
          {t('approvalsPage.reject')}
        </SubmitOrCancel>
      </form>
    </ModalDialog>
  );
}
