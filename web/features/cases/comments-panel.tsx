// Case comments (HTCDS cco_): formal updates of the team, each in one part of the case the writer holds; the field
// warns against names and other identifying details before anything is typed.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_CATEGORIES, type RecordCategory } from '#shared/cases/assistance.schema.ts';
import type { CaseCategory } from '#shared/cases/case-vocabulary.ts';
import type { CaseDetail } from '#shared/cases/case.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { ErrorSummary, SelectField, SubmitButton, useFormErrors } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useAddComment, useComments } from './assistance.api.ts';
import { codeOptions, NoteField, saveFailure } from './case-form-parts.tsx';

export function CommentsPanel({ detail, writable }: { detail: CaseDetail; writable: CaseCategory[] }) {
  const { t, i18n } = useTranslation('case-assistance');
  const list = useComments(detail.id);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const categories = RECORD_CATEGORIES.filter((c) => writable.includes(c));
  return (
    <Card labelledBy="comments-heading">
      <h2 id="comments-heading">{t('comments.heading')}</h2>
      <p>{t('comments.intro')}</p>
      {categories.length > 0 && <CommentForm caseId={detail.id} categories={categories} />}
      {list.isPending && <Loading />}
      {list.isError && <Banner tone="error">{t('common.loadError')}</Banner>}
      {list.data &&
        (list.data.comments.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <ul className="case-records">
            {list.data.comments.map((c) => (
              <li key={c.id} className="case-record">
                <p className="hint">
                  {t(`category.${c.category}`)} · {when.format(c.createdAt)} · {c.createdByName ?? '—'}
                </p>
                <p className="case-text">{c.body}</p>
              </li>
            ))}
          </ul>
        ))}
    </Card>
  );
}

function CommentForm({ caseId, categories }: { caseId: string; categories: RecordCategory[] }) {
  const { t } = useTranslation('case-assistance');
  const id = useId();
  const [category, setCategory] = useState<RecordCategory>(categories[0]!);
  const [body, setBody] = useState('');
  const form = useFormErrors();
  const add = useAddComment(caseId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    if (!body.trim()) return form.fail({ body: t('common:form.required') });
    try {
      await add.mutateAsync({ category, body });
      setBody('');
    } catch (error) {
      const failure = saveFailure(error, t);
      form.fail(failure.fields, failure.message);
    }
  };
  const summary = form.errors.body ? [{ id: `${id}-body`, label: t('comments.body'), message: form.errors.body }] : [];
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ErrorSummary items={summary} formError={form.formError} summaryRef={form.summaryRef} />
      <SelectField id={`${id}-category`} label={t('comments.category')} value={category} onChange={(v) => setCategory(v as RecordCategory)} options={codeOptions(categories, (c) => t(`category.${c}`))} />
      <NoteField id={`${id}-body`} label={t('comments.body')} value={body} onChange={setBody} maxLength={4000} error={form.errors.body} rows={4} />
      <div className="actions-row">
        <SubmitButton pending={add.isPending}>{t('comments.add')}</SubmitButton>
      </div>
    </form>
  );
}
