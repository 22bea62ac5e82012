// The form for a directory service (new or existing): names and plain-language summaries in three languages, kinds of
// help, languages spoken, counties served, who it is for, documents, cost, hours, contacts and places.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_CATEGORIES } from '#shared/directory/taxonomy.ts';
import { COUNTRIES, REGIONS } from '#shared/directory/regions.ts';
import { REQUIRED_DOCUMENTS, SEXES } from '#shared/directory/directory-service.schema.ts';
import { DIRECTORY_LANGUAGES, SERVICE_STATUSES, type DeskLocation, type DeskService } from '#shared/directory/directory-desk.schema.ts';
import { SelectField, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { useCreateService, useUpdateService } from './directory.api.ts';
import { Checkbox, CheckboxGroup, FormFrame, TextArea, schemaErrors, serverErrors, useErrorText } from './directory-form-kit.tsx';
import { useDirectoryLabels } from './directory-labels.ts';
import { serviceBody, serviceFormOf, type ServiceForm } from './directory-service-form-state.ts';
import { ScheduleRows } from './directory-schedule-rows.tsx';

interface Props {
  organizationId: string;
  locations: DeskLocation[];
  service: DeskService | null;
  onDone(message: string): void;
  onCancel(): void;
}

export function ServiceFormCard({ organizationId, locations, service, onDone, onCancel }: Props) {
  const { t } = useTranslation('directory');
  const labels = useDirectoryLabels();
  const id = useId();
  const errorText = useErrorText();
  const [form, setForm] = useState<ServiceForm>(serviceFormOf(service));
  const [version, setVersion] = useState(service?.version ?? 1);
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, formError, summaryRef, fail, clear } = useFormErrors();
  const create = useCreateService();
  const update = useUpdateService();
  const label = (field: string) => {
    const [name, lang] = field.split('.');
    return lang ? t('desk.fields.summaryIn', { language: t(`languages.${lang}`) }) : t(`desk.fields.${name}`);
  };
  const err = (field: string) => (errors[field] ? errorText(field) : undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const result = serviceBody(form);
    if (!result.ok) return fail(schemaErrors(result.error));
    clear();
    try {
      if (service) await update.mutateAsync({ id: service.id, body: { ...result.body, version } });
      else await create.mutateAsync({ organizationId, body: result.body });
      onDone(service ? t('desk.saved') : t('desk.createdPending'));
    } catch (error) {
      const current = apiError(error)?.status === 409 ? (apiError(error)?.body.current as DeskService | undefined) : undefined;
      if (current) {
        setForm(serviceFormOf(current));
        setVersion(current.version);
        return setNotice(t('desk.conflict'));
      }
      fail(serverErrors(error) ?? {}, serverErrors(error) ? null : t('desk.failed'));
    }
  };
  const set = <K extends keyof ServiceForm>(key: K) => (value: ServiceForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: 'name' | 'phone' | 'email' | 'url' | 'minimumAge' | 'maximumAge' | 'feesDescription', type: 'text' | 'tel' | 'email' | 'url' = 'text') => (
    <TextField id={`${id}-${key}`} label={label(key)} hint={t(`desk.hints.${key}`, { defaultValue: '' }) || undefined} type={type} value={form[key]} onChange={set(key)} error={err(key)} />
  );
  return (
    <FormFrame id={id} title={service ? t('desk.editService') : t('desk.newService')} errors={errors} formError={formError} summaryRef={summaryRef} label={label} notice={notice} busy={create.isPending || update.isPending} onSubmit={(e) => void submit(e)} onCancel={onCancel}>
      {text('name')}
      {(['en', 'ro', 'nb'] as const).map((lang) => (
        <TextArea key={lang} id={`${id}-summaries-${lang}`} lang={lang} label={label(`summaries.${lang}`)} hint={lang === 'en' ? t('desk.hints.summaries') : undefined} value={form.summaries[lang] ?? ''} onChange={(v) => setForm((f) => ({ ...f, summaries: { ...f.summaries, [lang]: v } }))} error={err(`summaries.${lang}`)} />
      ))}
      <SelectField id={`${id}-status`} label={label('status')} value={form.status} onChange={set('status')} options={SERVICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      <CheckboxGroup id={`${id}-categories`} legend={label('categories')} error={err('categories')} options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))} values={form.categories} onChange={set('categories')} columns />
      <CheckboxGroup id={`${id}-languages`} legend={label('languages')} error={err('languages')} options={DIRECTORY_LANGUAGES.map((c) => ({ value: c, label: labels.language(c) }))} values={form.languages} onChange={set('languages')} columns />
      {COUNTRIES.map((country) => (
        <details key={country} className="directory-areas" open={form.serviceAreas.some((a) => a.startsWith(country))}>
          <summary>{t('desk.areasIn', { country: t(`countries.${country}`), count: form.serviceAreas.filter((a) => a.startsWith(country)).length })}</summary>
          <CheckboxGroup
            id={country === 'RO' ? `${id}-serviceAreas` : `${id}-serviceAreas-${country}`}
            legend={label('serviceAreas')}
            error={err('serviceAreas')}
            options={Object.entries(REGIONS[country] as Record<string, string>).map(([code, name]) => ({ value: code, label: name }))}
            values={form.serviceAreas.filter((a) => a.startsWith(country))}
            onChange={(chosen) => setForm((f) => ({ ...f, serviceAreas: [...f.serviceAreas.filter((a) => !a.startsWith(country)), ...chosen] }))}
            columns
          />
        </details>
      ))}
      <div className="directory-form-grid">
        {text('minimumAge')}
        {text('maximumAge')}
      </div>
      <CheckboxGroup id={`${id}-sexes`} legend={label('sexes')} hint={t('desk.hints.sexes')} options={SEXES.map((s) => ({ value: s, label: t(`sexes.${s}`) }))} values={form.sexes} onChange={set('sexes')} />
      <CheckboxGroup id={`${id}-requiredDocuments`} legend={label('requiredDocuments')} hint={t('desk.hints.requiredDocuments')} options={REQUIRED_DOCUMENTS.map((d) => ({ value: d, label: t(`documents.${d}`) }))} values={form.requiredDocuments} onChange={set('requiredDocuments')} />
      <Checkbox id={`${id}-isFree`} label={label('isFree')} checked={form.isFree} onChange={set('isFree')} />
      {!form.isFree && text('feesDescription')}
      <ScheduleRows id={`${id}-schedules`} rows={form.schedules} onChange={set('schedules')} error={err('schedules')} />
      {text('phone', 'tel')}
      {text('email', 'email')}
      {text('url', 'url')}
      <CheckboxGroup
        id={`${id}-locationIds`}
        legend={label('locationIds')}
        hint={locations.length === 0 ? t('desk.hints.noPlaces') : undefined}
        error={err('locationIds')}
        options={locations.map((l) => ({ value: l.id, label: `${l.name ?? l.city ?? '—'}${l.isConfidential ? ` (${t('tags.confidential')})` : ''}` }))}
        values={form.locationIds}
        onChange={set('locationIds')}
      />
    </FormFrame>
  );
}
