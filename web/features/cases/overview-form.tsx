// Editing the general part with optimistic locking: the form saves against the version it started from. When someone
// else saved in between (409), it shows their values beside the reader's input, keeps that input, and the next save is
// made knowingly against the newer version.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseDetailSchema, type CaseDetail } from '#shared/cases/case.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { apiError, ErrorSummary, SubmitOrCancel, useFormErrors } from '#web/components/ui/form.tsx';
import { draftOf, fieldsOf, validateDraft, type GeneralDraft } from './case-form-model.ts';
import { ContextFacts, PersonFacts } from './case-facts.tsx';
import { useUpdateCase } from './cases.api.ts';
import { PersonFields, StatusFields } from './general-fields.tsx';
import { ChildProtectionFields, SafeContactFields } from './safe-contact-fields.tsx';
import { VictimContextFields } from './victim-context-fields.tsx';

/** The error summary's entries: each error key is the id of its field (after the form's prefix) and names it. */
export function useErrorItems(errors: Record<string, string | undefined>, idPrefix: string) {
  const { t } = useTranslation('cases');
  const label = (key: string) => {
    const event = /^event-(\d+)-(country|year)$/.exec(key);
    if (event) return `${t('form.eventN', { n: Number(event[1]) + 1 })}, ${t(event[2] === 'year' ? 'form.eventYear' : 'form.eventCountry')}`;
    if (key.startsWith('list-')) return t(`context.${key.slice(5)}`);
    if (key === 'age-years') return t('context.ageWhenTrafficked');
    return t(`overview.${key}`);
  };
  return Object.entries(errors)
    .filter((e): e is [string, string] => Boolean(e[1]))
    .map(([key, message]) => ({ id: `${idPrefix}-${key}`, label: label(key), message: t(message) }));
}

export function OverviewForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation('cases');
  const [draft, setDraft] = useState<GeneralDraft>(() => draftOf(detail));
  const [baseVersion, setBaseVersion] = useState(detail.version);
  const [theirs, setTheirs] = useState<CaseDetail | null>(null);
  const update = useUpdateCase(detail.id);
  const { errors, formError, summaryRef, fail, clear } = useFormErrors();
  const items = useErrorItems(errors, 'ov');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateDraft(draft);
    if (Object.keys(found).length > 0) return fail(found);
    clear();
    try {
      await update.mutateAsync({ ...fieldsOf(draft), version: baseVersion });
      onDone();
    } catch (error) {
      const api = apiError(error);
      const current = api?.status === 409 ? CaseDetailSchema.safeParse(api.body.current) : null;
      if (current?.success) {
        setTheirs(current.data);
        setBaseVersion(current.data.version);
        return fail({}, t('overview.conflict'));
      }
      fail({}, api?.body.message ?? t('common:error.generic'));
    }
  };
  const props = { value: draft, onChange: setDraft, errors, idPrefix: 'ov' };
  return (
    <form className="case-form" onSubmit={submit} noValidate aria-labelledby="overview-form-title">
      <h2 id="overview-form-title">{t('overview.editTitle')}</h2>
      <ErrorSummary items={items} formError={formError} summaryRef={summaryRef} />
      {theirs && (
        <Banner tone="warning" title={t('overview.conflictTitle')}>
          <p>{t('overview.conflictHelp')}</p>
          <details>
            <summary>{t('overview.theirValues')}</summary>
            <PersonFacts facts={theirs} />
            <ContextFacts facts={theirs} />
          </details>
        </Banner>
      )}
      <PersonFields {...props} />
      <StatusFields {...props} />
      <SafeContactFields {...props} />
      <ChildProtectionFields {...props} />
      <VictimContextFields {...props} />
      <SubmitOrCancel pending={update.isPending} onCancel={onCancel}>
        {theirs ? t('overview.saveAnyway') : t('overview.save')}
      </SubmitOrCancel>
    </form>
  );
}
