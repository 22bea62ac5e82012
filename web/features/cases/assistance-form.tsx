// The assistance form, in a dialog: a new record (its type decides its category) or a change to one (with the version
// read, so a parallel save comes back as 409 and the form shows the current record). No diagnosis field, on purpose.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'react-aria-components';
import { MEDICAL_TYPES, PROVIDER_ROLES, type AssistanceRecord } from '#shared/cases/assistance.schema.ts';
import { ASSISTANCE_OUTCOMES, ASSISTANCE_STATES, ASSISTANCE_TYPES, DELIVERY_MODES, MEDICAL_SERVICE_CATEGORIES, type AssistanceType, type CaseCategory, ASSISTANCE_CATEGORY } from '#shared/cases/case-vocabulary.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { ErrorSummary, SelectField, SubmitOrCancel, TextField, useFormErrors } from '#web/components/ui/form.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { useSaveAssistance } from './assistance.api.ts';
import { CheckboxField, codeOptions, NoteField, orNull, saveFailure } from './case-form-parts.tsx';

interface Draft {
  type: AssistanceType;
  state: string;
  occurredOn: string;
  providerRole: string;
  deliveryMode: string;
  interpreterUsed: boolean;
  interpreterLanguage: string;
  serviceCategory: string;
  outcome: string;
  followUpDue: string;
  sharedWith: string[];
  note: string;
}

function draftOf(record: AssistanceRecord | null, type: AssistanceType): Draft {
  return {
    type: record?.type ?? type,
    state: record?.state ?? 'offered',
    occurredOn: record?.occurredOn ?? new Date().toISOString().slice(0, 10),
    providerRole: record?.providerRole ?? '',
    deliveryMode: record?.deliveryMode ?? '',
    interpreterUsed: record?.interpreterUsed ?? false,
    interpreterLanguage: record?.interpreterLanguage ?? '',
    serviceCategory: record?.serviceCategory ?? '',
    outcome: record?.outcome ?? '',
    followUpDue: record?.followUpDue ?? '',
    sharedWith: record?.sharedWith.map((o) => o.id) ?? [],
    note: record?.note ?? '',
  };
}

/** The draft as the API's fields: empty choices become null; the provider organisation of a record is kept. */
function fieldsOf(d: Draft, record: AssistanceRecord | null, medical: boolean) {
  return {
    state: d.state as AssistanceRecord['state'],
    occurredOn: d.occurredOn,
    providerOrganisationId: record?.providerOrganisationId ?? null,
    providerRole: orNull(d.providerRole) as AssistanceRecord['providerRole'],
    deliveryMode: orNull(d.deliveryMode) as AssistanceRecord['deliveryMode'],
    interpreterUsed: d.interpreterUsed,
    interpreterLanguage: d.interpreterUsed ? orNull(d.interpreterLanguage.toLowerCase()) : null,
    serviceCategory: medical ? (orNull(d.serviceCategory) as AssistanceRecord['serviceCategory']) : null,
    outcome: orNull(d.outcome) as AssistanceRecord['outcome'],
    followUpDue: orNull(d.followUpDue),
    sharedWith: d.sharedWith,
    note: orNull(d.note),
  };
}

type Organisation = { id: string; name: string };

export function AssistanceForm(props: { caseId: string; record: AssistanceRecord | null; writable: readonly CaseCategory[]; shareTargets: Organisation[]; onClose(): void }) {
  const { t } = useTranslation('case-assistance');
  const id = useId();
  const types = ASSISTANCE_TYPES.filter((x) => props.writable.includes(ASSISTANCE_CATEGORY[x]));
  const [record, setRecord] = useState(props.record);
  const [d, setDraft] = useState<Draft>(() => draftOf(props.record, types[0] ?? 'social'));
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((old) => ({ ...old, [key]: value }));
  const form = useFormErrors();
  const save = useSaveAssistance(props.caseId);
  const medical = (MEDICAL_TYPES as readonly string[]).includes(d.type);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    const fields = fieldsOf(d, record, medical);
    try {
      await save.mutateAsync(record ? { id: record.id, body: { ...fields, version: record.version } } : { id: null, body: { type: d.type, ...fields } });
      props.onClose();
    } catch (error) {
      const failure = saveFailure(error, t);
      if (failure.current) {
        const current = failure.current as AssistanceRecord;
        setRecord(current);
        setDraft(draftOf(current, current.type));
      }
      form.fail(failure.fields, failure.message);
    }
  };

  const field = (key: string) => `${id}-${key}`;
  const labels: Record<string, string> = { occurredOn: t('assistance.occurredOn'), followUpDue: t('assistance.followUpDue'), interpreterLanguage: t('assistance.interpreterLanguage'), serviceCategory: t('assistance.serviceCategory'), note: t('assistance.note') };
  const summary = Object.entries(form.errors).flatMap(([k, m]) => (m && labels[k] ? [{ id: field(k), label: labels[k], message: m }] : []));
  return (
    <ModalDialog onClose={props.onClose}>
      <Heading slot="title" level={2}>
        {record ? t('assistance.formTitleEdit') : t('assistance.formTitleNew')}
      </Heading>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary items={summary} formError={form.formError} summaryRef={form.summaryRef} />
        <Banner>
          <p>{t('assistance.noDiagnosis')}</p>
          <p>{t('assistance.consentNote')}</p>
        </Banner>
        {record ? (
          <p>
            <strong>{t('assistance.type')}:</strong> {t(`assistance.types.${record.type}`)}
          </p>
        ) : (
          <SelectField id={field('type')} label={t('assistance.type')} value={d.type} onChange={(v) => set('type')(v as AssistanceType)} options={codeOptions(types, (c) => t(`assistance.types.${c}`))} />
        )}
        <SelectField id={field('state')} label={t('assistance.state')} value={d.state} onChange={set('state')} options={codeOptions(ASSISTANCE_STATES, (c) => t(`assistance.states.${c}`))} error={form.errors.state} />
        <TextField id={field('occurredOn')} type="date" label={t('assistance.occurredOn')} hint={t('assistance.occurredOnHint')} value={d.occurredOn} onChange={set('occurredOn')} error={form.errors.occurredOn} required />
        {medical && (
          <SelectField
            id={field('serviceCategory')}
            label={t('assistance.serviceCategory')}
            value={d.serviceCategory}
            onChange={set('serviceCategory')}
            options={codeOptions(MEDICAL_SERVICE_CATEGORIES, (c) => t(`assistance.services.${c}`), t('assistance.choose'))}
            error={form.errors.serviceCategory}
          />
        )}
        <SelectField id={field('providerRole')} label={t('assistance.providerRole')} value={d.providerRole} onChange={set('providerRole')} options={codeOptions(PROVIDER_ROLES, (c) => t(`assistance.roles.${c}`), t('assistance.choose'))} />
        <SelectField id={field('deliveryMode')} label={t('assistance.deliveryMode')} value={d.deliveryMode} onChange={set('deliveryMode')} options={codeOptions(DELIVERY_MODES, (c) => t(`assistance.modes.${c}`), t('assistance.choose'))} />
        <CheckboxField id={field('interpreterUsed')} label={t('assistance.interpreterUsed')} checked={d.interpreterUsed} onChange={set('interpreterUsed')} />
        {d.interpreterUsed && (
          <TextField id={field('interpreterLanguage')} label={t('assistance.interpreterLanguage')} hint={t('assistance.interpreterLanguageHint')} value={d.interpreterLanguage} onChange={set('interpreterLanguage')} maxLength={2} error={form.errors.interpreterLanguage} />
        )}
        <SelectField id={field('outcome')} label={t('assistance.outcome')} value={d.outcome} onChange={set('outcome')} options={codeOptions(ASSISTANCE_OUTCOMES, (c) => t(`assistance.outcomes.${c}`), t('assistance.choose'))} />
        <TextField id={field('followUpDue')} type="date" label={t('assistance.followUpDue')} value={d.followUpDue} onChange={set('followUpDue')} error={form.errors.followUpDue} />
        <SharedWith id={field('sharedWith')} options={[...props.shareTargets, ...(record?.sharedWith ?? []).filter((o) => !props.shareTargets.some((x) => x.id === o.id))]} value={d.sharedWith} onChange={set('sharedWith')} />
        <NoteField id={field('note')} label={t('assistance.note')} value={d.note} onChange={set('note')} maxLength={2000} error={form.errors.note} />
        <SubmitOrCancel pending={save.isPending} onCancel={props.onClose}>
          {t('common.save')}
        </SubmitOrCancel>
      </form>
    </ModalDialog>
  );
}

/** The organisations a record is shared with: only those the person consented to share with are offered. */
function SharedWith(props: { id: string; options: Organisation[]; value: string[]; onChange(v: string[]): void }) {
  const { t } = useTranslation('case-assistance');
  const toggle = (id: string, on: boolean) => props.onChange(on ? [...props.value, id] : props.value.filter((x) => x !== id));
  return (
    <fieldset className="stack">
      <legend>{t('assistance.sharedWith')}</legend>
      <p className="hint">{props.options.length > 0 ? t('assistance.sharedWithHint') : t('assistance.noShareConsent')}</p>
      {props.options.map((o) => (
        <CheckboxField key={o.id} id={`${props.id}-${o.id}`} label={o.name} checked={props.value.includes(o.id)} onChange={(on) => toggle(o.id, on)} />
      ))}
    </fieldset>
  );
}
