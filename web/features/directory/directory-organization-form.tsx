// The form for a directory organisation's details (new or existing; the actor's own, or one outside the platform).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES } from '#shared/directory/regions.ts';
import { OrganizationFieldsSchema, type DeskOrganization } from '#shared/directory/directory-desk.schema.ts';
import { SelectField, TextField, useFormErrors } from '#web/components/ui/form.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { useCreateOrganization, useUpdateOrganization } from './directory.api.ts';
import { FormFrame, TextArea, schemaErrors, serverErrors, useErrorText } from './directory-form-kit.tsx';

const LANGS = ['en', 'ro', 'nb'] as const;

type Form = { name: string; alternateName: string; descriptions: Record<string, string>; email: string; website: string; phone: string; country: string };
const formOf = (o: DeskOrganization | null): Form => ({
  name: o?.name ?? '',
  alternateName: o?.alternateName ?? '',
  descriptions: { en: o?.descriptions.en ?? '', ro: o?.descriptions.ro ?? '', nb: o?.descriptions.nb ?? '' },
  email: o?.email ?? '',
  website: o?.website ?? '',
  phone: o?.phone ?? '',
  country: o?.country ?? 'RO',
});

interface Props {
  organization: DeskOrganization | null;
  offPlatform: boolean;
  onDone(message: string): void;
  onCancel(): void;
}

export function OrganizationForm({ organization, offPlatform, onDone, onCancel }: Props) {
  const { t } = useTranslation('directory');
  const id = useId();
  const errorText = useErrorText();
  const [form, setForm] = useState<Form>(formOf(organization));
  const [version, setVersion] = useState(organization?.version ?? 1);
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, formError, summaryRef, fail, clear } = useFormErrors();
  const create = useCreateOrganization();
  const update = useUpdateOrganization();
  const label = (field: string) => {
    const [name, lang] = field.split('.');
    return lang ? t('desk.fields.descriptionIn', { language: t(`languages.${lang}`) }) : t(`desk.fields.${name}`);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const parsed = OrganizationFieldsSchema.safeParse(form);
    if (!parsed.success) return fail(schemaErrors(parsed.error));
    clear();
    try {
      if (organization) await update.mutateAsync({ id: organization.id, body: { ...parsed.data, version } });
      else await create.mutateAsync({ ...parsed.data, offPlatform });
      onDone(t('desk.saved'));
    } catch (error) {
      const current = apiError(error)?.status === 409 ? (apiError(error)?.body.current as DeskOrganization | undefined) : undefined;
      if (current) {
        setForm(formOf(current));
        setVersion(current.version);
        return setNotice(t('desk.conflict'));
      }
      fail(serverErrors(error) ?? {}, serverErrors(error) ? null : t('desk.failed'));
    }
  };
  const set = (key: keyof Form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: 'name' | 'alternateName' | 'email' | 'website' | 'phone', type: 'text' | 'email' | 'url' | 'tel' = 'text') => (
    <TextField id={`${id}-${key}`} label={label(key)} hint={t(`desk.hints.${key}`, { defaultValue: '' }) || undefined} type={type} value={form[key]} onChange={set(key)} error={errors[key] && errorText(key)} />
  );
  const title = organization ? t('desk.editOrganization') : offPlatform ? t('desk.newOffPlatform') : t('desk.newOwn');
  return (
    <FormFrame id={id} title={title} errors={errors} formError={formError} summaryRef={summaryRef} label={label} notice={notice} busy={create.isPending || update.isPending} onSubmit={(e) => void submit(e)} onCancel={onCancel}>
      {text('name')}
      {text('alternateName')}
      {LANGS.map((lang) => (
        <TextArea key={lang} id={`${id}-descriptions-${lang}`} lang={lang} label={label(`descriptions.${lang}`)} value={form.descriptions[lang] ?? ''} onChange={(v) => setForm((f) => ({ ...f, descriptions: { ...f.descriptions, [lang]: v } }))} error={errors[`descriptions.${lang}`] && errorText('descriptions')} />
      ))}
      {text('phone', 'tel')}
      {text('email', 'email')}
      {text('website', 'url')}
      <SelectField id={`${id}-country`} label={label('country')} value={form.country} onChange={set('country')} options={COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) }))} />
    </FormFrame>
  );
}
