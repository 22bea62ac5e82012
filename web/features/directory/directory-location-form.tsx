// The form for a place of an organisation (new or existing), with the confidential flag: a shelter's address is never
// shown to anyone outside the organisation, and a listing kept outside the platform holds none at all.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, REGIONS } from '#shared/directory/regions.ts';
import { LOCATION_TYPES, LocationFieldsSchema, type DeskLocation } from '#shared/directory/directory-desk.schema.ts';
import { SelectField, TextField, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { useCreateLocation, useUpdateLocation } from './directory.api.ts';
import { Checkbox, FormFrame, schemaErrors, serverErrors, useErrorText } from './directory-form-kit.tsx';

type Form = { name: string; locationType: string; isConfidential: boolean; address1: string; city: string; region: string; postalCode: string; country: string; latitude: string; longitude: string };
const formOf = (l: DeskLocation | null, country: string): Form => ({
  name: l?.name ?? '',
  locationType: l?.locationType ?? 'physical',
  isConfidential: l?.isConfidential ?? false,
  address1: l?.address1 ?? '',
  city: l?.city ?? '',
  region: l?.region ?? '',
  postalCode: l?.postalCode ?? '',
  country: l?.country ?? country,
  latitude: l?.latitude?.toString() ?? '',
  longitude: l?.longitude?.toString() ?? '',
});
const number = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));

interface Props {
  organizationId: string;
  country: string;
  offPlatform: boolean;
  location: DeskLocation | null;
  onDone(message: string): void;
  onCancel(): void;
}

export function LocationForm({ organizationId, country, offPlatform, location, onDone, onCancel }: Props) {
  const { t } = useTranslation('directory');
  const id = useId();
  const errorText = useErrorText();
  const [form, setForm] = useState<Form>(formOf(location, country));
  const [version, setVersion] = useState(location?.version ?? 1);
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, formError, summaryRef, fail, clear } = useFormErrors();
  const create = useCreateLocation();
  const update = useUpdateLocation();
  const label = (field: string) => t(`desk.fields.${field}`);
  const hidesAddress = form.isConfidential && offPlatform;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const blank = hidesAddress ? { address1: '', postalCode: '', latitude: '', longitude: '' } : {};
    const values = { ...form, ...blank };
    const parsed = LocationFieldsSchema.safeParse({ ...values, region: values.region || null, latitude: number(values.latitude), longitude: number(values.longitude) });
    if (!parsed.success) return fail(schemaErrors(parsed.error));
    clear();
    try {
      if (location) await update.mutateAsync({ id: location.id, body: { ...parsed.data, version } });
      else await create.mutateAsync({ organizationId, body: parsed.data });
      onDone(t('desk.saved'));
    } catch (error) {
      const current = apiError(error)?.status === 409 ? (apiError(error)?.body.current as DeskLocation | undefined) : undefined;
      if (current) {
        setForm(formOf(current, country));
        setVersion(current.version);
        return setNotice(t('desk.conflict'));
      }
      fail(serverErrors(error) ?? {}, serverErrors(error) ? null : t('desk.failed'));
    }
  };
  const set = (key: keyof Form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: 'name' | 'address1' | 'city' | 'postalCode' | 'latitude' | 'longitude') => (
    <TextField id={`${id}-${key}`} label={label(key)} value={form[key]} onChange={set(key)} error={errors[key] && errorText(key)} inputMode={key === 'latitude' || key === 'longitude' ? 'text' : undefined} />
  );
  const regions = Object.entries(REGIONS[form.country as keyof typeof REGIONS] ?? {}) as [string, string][];
  return (
    <FormFrame id={id} title={location ? t('desk.editPlace') : t('desk.newPlace')} errors={errors} formError={formError} summaryRef={summaryRef} label={label} notice={notice} busy={create.isPending || update.isPending} onSubmit={(e) => void submit(e)} onCancel={onCancel}>
      {text('name')}
      <Checkbox id={`${id}-confidential`} label={label('isConfidential')} hint={offPlatform ? t('desk.hints.confidentialOffPlatform') : t('desk.hints.confidential')} checked={form.isConfidential} onChange={(on) => setForm((f) => ({ ...f, isConfidential: on }))} />
      <SelectField id={`${id}-locationType`} label={label('locationType')} value={form.locationType} onChange={set('locationType')} options={LOCATION_TYPES.map((v) => ({ value: v, label: t(`desk.locationTypes.${v}`) }))} />
      {!hidesAddress && text('address1')}
      {!hidesAddress && text('postalCode')}
      {text('city')}
      <SelectField id={`${id}-country`} label={label('country')} value={form.country} onChange={(v) => setForm((f) => ({ ...f, country: v, region: '' }))} options={COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) }))} />
      <SelectField id={`${id}-region`} label={label('region')} value={form.region} onChange={set('region')} error={errors.region && errorText('region')} options={[{ value: '', label: t('desk.none') }, ...regions.map(([code, name]) => ({ value: code, label: name }))]} />
      {!hidesAddress && (
        <div className="directory-form-grid">
          {text('latitude')}
          {text('longitude')}
        </div>
      )}
    </FormFrame>
  );
}
