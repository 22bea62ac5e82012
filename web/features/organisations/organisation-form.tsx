// The organisation profile form, for creating (platform admins) and editing (organisation admins) alike.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_TYPES, type OrganisationType } from '#shared/organisations/organisation-types.ts';
import { ORGANISATION_LIMITS, OrganisationFieldsSchema, type Organisation, type OrganisationCreate } from '#shared/organisations/organisation.schema.ts';
import { ErrorSummary, SelectField, TextField, apiError, focusSoon, type FieldErrors } from '#web/components/ui/form.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';

const FIELDS = ['name', 'type', 'country', 'city', 'email', 'phone', 'website'] as const;
type Field = (typeof FIELDS)[number];
export type ProfileValues = Record<Field, string>;

export function profileValues(organisation?: Organisation): ProfileValues {
  return {
    name: organisation?.name ?? '',
    type: organisation?.type ?? 'NGO',
    country: organisation?.country ?? '',
    city: organisation?.city ?? '',
    email: organisation?.email ?? '',
    phone: organisation?.phone ?? '',
    website: organisation?.website ?? '',
  };
}

const INPUT: Record<Exclude<Field, 'type'>, { type: 'text' | 'email' | 'tel' | 'url'; autoComplete: string; maxLength?: number }> = {
  name: { type: 'text', autoComplete: 'organization', maxLength: ORGANISATION_LIMITS.name },
  country: { type: 'text', autoComplete: 'country', maxLength: 2 },
  city: { type: 'text', autoComplete: 'address-level2', maxLength: ORGANISATION_LIMITS.city },
  email: { type: 'email', autoComplete: 'email', maxLength: ORGANISATION_LIMITS.email },
  phone: { type: 'tel', autoComplete: 'tel', maxLength: ORGANISATION_LIMITS.phone },
  website: { type: 'url', autoComplete: 'url', maxLength: ORGANISATION_LIMITS.website },
};

interface Props {
  initial: ProfileValues;
  submitLabel: string;
  /** Rejects with the server's error; 400 field errors are shown here, other errors go to onError. */
  onSubmit(values: OrganisationCreate): Promise<void>;
  onError?(error: unknown): void;
  /** Empties the form after a successful submit (creating several organisations in a row). */
  resetOnSuccess?: boolean;
}

export function OrganisationForm(props: Props) {
  const { t } = useTranslation('organisations');
  const id = useId();
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const fieldId = (f: Field) => `${id}-${f}`;

  const fail = (fields: string[]) => {
    setErrors(Object.fromEntries(fields.map((f) => [f, t(`profile.errors.${f}`)])));
    focusSoon(summary);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = OrganisationFieldsSchema.safeParse(values);
    if (!parsed.success) return fail([...new Set(parsed.error.issues.map((i) => String(i.path[0])))]);
    setErrors({});
    setPending(true);
    try {
      await props.onSubmit(parsed.data);
      if (props.resetOnSuccess) setValues(profileValues());
    } catch (error) {
      const fields = apiError(error)?.body.fields;
      if (apiError(error)?.status === 400 && fields) fail(Object.keys(fields).filter((f) => (FIELDS as readonly string[]).includes(f)));
      else props.onError?.(error);
    } finally {
      setPending(false);
    }
  };

  const items = FIELDS.filter((f) => errors[f]).map((f) => ({ id: fieldId(f), label: t(`profile.${f}`), message: errors[f]! }));
  const set = (f: Field) => (v: string) => setValues({ ...values, [f]: v });
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary items={items} summaryRef={summary} />
      {FIELDS.map((f) =>
        f === 'type' ? (
          <SelectField
            key={f}
            id={fieldId(f)}
            label={t('profile.type')}
            value={values.type}
            onChange={set(f)}
            error={errors.type}
            options={ORGANISATION_TYPES.map((code: OrganisationType) => ({ value: code, label: t(`types.${code}`) }))}
          />
        ) : (
          <TextField
            key={f}
            id={fieldId(f)}
            label={t(`profile.${f}`)}
            hint={t(`profile.hints.${f}`, { defaultValue: '' }) || undefined}
            value={values[f]}
            onChange={set(f)}
            error={errors[f]}
            required={f === 'name' || f === 'country'}
            {...INPUT[f]}
          />
        ),
      )}
      <p>
        <BusyButton type="submit" busy={pending} busyLabel={t('common:form.saving')}>
          {props.submitLabel}
        </BusyButton>
      </p>
    </form>
  );
}
