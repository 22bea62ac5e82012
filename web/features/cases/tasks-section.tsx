// /cases/:id/tasks — follow-up tasks: open ones first, soonest due first; a new task goes to a team member holding
// its category. Marking a contact task done first shows the safe-contact instructions, in the confirming dialog.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'react-aria-components';
import { RECORD_CATEGORIES, type RecordCategory } from '#shared/cases/assistance.schema.ts';
import { TASK_KINDS, type CaseTask, type TaskKind } from '#shared/cases/follow-up.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { ErrorSummary, SelectField, SubmitButton, TextField, useFormErrors } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { Tag } from '#web/components/ui/tag.tsx';
import { useTaskChanges, useTasks } from './assistance.api.ts';
import { writableOf } from './assistance-section.tsx';
import { codeOptions, NoteField, orNull, saveFailure } from './case-form-parts.tsx';
import type { CaseSectionProps } from './case-sections.ts';
import { SafeContactView } from './safe-contact-view.tsx';

export function TasksSection({ detail }: CaseSectionProps) {
  const { t, i18n } = useTranslation('case-assistance');
  const list = useTasks(detail.id);
  const [closing, setClosing] = useState<CaseTask | null>(null);
  const writable = writableOf(detail);
  const today = new Date().toISOString().slice(0, 10);
  const date = (day: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <Card labelledBy="tasks-heading">
      <h2 id="tasks-heading">{t('tasks.heading')}</h2>
      <p className="hint">{t('tasks.reminderNote')}</p>
      {list.isPending && <Loading />}
      {list.isError && <Banner tone="error">{t('common.loadError')}</Banner>}
      {list.data &&
        (list.data.tasks.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <ul className="case-records">
            {list.data.tasks.map((k) => (
              <li key={k.id} className="case-record">
                <p>
                  <strong>{t(`tasks.kinds.${k.kind}`)}</strong> · {t(`category.${k.category}`)} · {t('tasks.dueOn')}: {date(k.dueOn)}{' '}
                  {k.doneAt ? <Tag tone="published">{t('tasks.done')}</Tag> : k.dueOn < today ? <Tag tone="warning">{t('tasks.overdue')}</Tag> : <Tag>{t('tasks.open')}</Tag>}
                </p>
                <p>
                  {t('tasks.assignee')}: {k.assigneeName ?? '—'}
                </p>
                {k.note && <p className="case-text">{k.note}</p>}
                {k.doneAt && <p className="hint">{t('tasks.doneOn', { date: when.format(k.doneAt), name: k.doneByName ?? '—' })}</p>}
                {!k.doneAt && writable.includes(k.category) && (
                  <button type="button" className="secondary" onClick={() => setClosing(k)} aria-label={`${t('tasks.markDone')}: ${t(`tasks.kinds.${k.kind}`)}, ${date(k.dueOn)}`}>
                    {t('tasks.markDone')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      {writable.length > 0 && <TaskForm detail={detail} categories={RECORD_CATEGORIES.filter((c) => writable.includes(c))} />}
      {closing && <DoneDialog detail={detail} task={closing} onClose={() => setClosing(null)} />}
    </Card>
  );
}

function DoneDialog({ detail, task, onClose }: { detail: CaseSectionProps['detail']; task: CaseTask; onClose(): void }) {
  const { t } = useTranslation('case-assistance');
  const { done } = useTaskChanges(detail.id);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    try {
      await done.mutateAsync({ id: task.id, version: task.version });
      onClose();
    } catch (e) {
      setError(saveFailure(e, t).message);
    }
  };
  const contact = task.kind === 'follow_up_contact';
  return (
    <ModalDialog onClose={onClose} role={contact ? 'alertdialog' : 'dialog'}>
      <Heading slot="title" level={2}>
        {contact ? t('tasks.confirmTitle') : `${t('tasks.markDone')}: ${t(`tasks.kinds.${task.kind}`)}`}
      </Heading>
      {error && (
        <Banner tone="error" role="alert">
          {error}
        </Banner>
      )}
      {contact && (
        <>
          <p>{t('tasks.confirmText')}</p>
          <SafeContactView safeContact={detail.safeContact} />
        </>
      )}
      <div className="actions-row">
        <BusyButton busy={done.isPending} onClick={() => void confirm()}>
          {t('tasks.confirmDone')}
        </BusyButton>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}

function TaskForm({ detail, categories }: { detail: CaseSectionProps['detail']; categories: RecordCategory[] }) {
  const { t } = useTranslation('case-assistance');
  const id = useId();
  const empty = { kind: 'follow_up_contact' as TaskKind, category: 'general' as RecordCategory, dueOn: new Date().toISOString().slice(0, 10), assigneeAccountId: '', note: '' };
  const [d, setDraft] = useState(empty);
  const form = useFormErrors();
  const { create } = useTaskChanges(detail.id);
  const assignees = detail.team.filter((m) => m.grants.includes(d.category));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    if (!d.assigneeAccountId) return form.fail({ assigneeAccountId: t('common:form.required') });
    try {
      await create.mutateAsync({ ...d, note: orNull(d.note) });
      setDraft(empty);
    } catch (error) {
      const failure = saveFailure(error, t);
      form.fail(failure.fields, failure.message);
    }
  };
  const labels: Record<string, string> = { dueOn: t('tasks.dueOn'), assigneeAccountId: t('tasks.assignee') };
  const summary = Object.entries(form.errors).flatMap(([k, m]) => (m && labels[k] ? [{ id: `${id}-${k}`, label: labels[k], message: m }] : []));
  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('tasks.add')}</h3>
      <ErrorSummary items={summary} formError={form.formError} summaryRef={form.summaryRef} />
      <SelectField id={`${id}-kind`} label={t('tasks.kind')} value={d.kind} onChange={(v) => setDraft({ ...d, kind: v as TaskKind })} options={codeOptions(TASK_KINDS, (c) => t(`tasks.kinds.${c}`))} />
      <SelectField id={`${id}-category`} label={t('tasks.category')} value={d.category} onChange={(v) => setDraft({ ...d, category: v as RecordCategory, assigneeAccountId: '' })} options={codeOptions(categories, (c) => t(`category.${c}`))} />
      <TextField id={`${id}-dueOn`} type="date" label={t('tasks.dueOn')} value={d.dueOn} onChange={(v) => setDraft({ ...d, dueOn: v })} error={form.errors.dueOn} required />
      <SelectField
        id={`${id}-assigneeAccountId`}
        label={t('tasks.assignee')}
        value={d.assigneeAccountId}
        onChange={(v) => setDraft({ ...d, assigneeAccountId: v })}
        options={[{ value: '', label: t('assistance.choose') }, ...assignees.map((m) => ({ value: m.accountId, label: m.displayName }))]}
        error={form.errors.assigneeAccountId}
      />
      <NoteField id={`${id}-note`} label={t('tasks.note')} value={d.note} onChange={(v) => setDraft({ ...d, note: v })} maxLength={1000} />
      <div className="actions-row">
        <SubmitButton pending={create.isPending}>{t('tasks.add')}</SubmitButton>
      </div>
    </form>
  );
}
