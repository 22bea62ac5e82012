// The request form's state, its check against the shared schema, and the country list in the reader's language.
import { AccessRequestCreateSchema, LISTED_COUNTRIES, type AccessRequestCreate } from '#shared/access-requests/access-request.schema.ts';
import type { Language } from '#shared/auth/me.schema.ts';

export const FORM_FIELDS = ['name', 'email', 'profession', 'professionOther', 'institution', 'country', 'countryCode', 'organisationId'] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type RequestForm = Record<FormField, string>;

/** The select's value for "another country": the code field then says which. */
export const OTHER_COUNTRY = 'other';
/** The select's value for "I don't know" (null on the wire). */
export const UNKNOWN_ORGANISATION = 'unknown';

export const EMPTY_FORM: RequestForm = {
  name: '',
  email: '',
  profession: '',
  professionOther: '',
  institution: '',
  country: 'RO',
  countryCode: '',
  organisationId: '',
};

/** The form as the API takes it, or the fields that are wrong (each error is a key of the field's message). */
export function toRequest(form: RequestForm, language: Language): { request: AccessRequestCreate } | { errors: Partial<Record<FormField, true>> } {
  const other = form.country === OTHER_COUNTRY;
  const candidate = {
    name: form.name,
    email: form.email,
    profession: form.profession,
    professionOther: form.profession === 'other' ? form.professionOther : undefined,
    institution: form.institution,
    country: other ? form.countryCode : form.country,
    organisationId: form.organisationId === UNKNOWN_ORGANISATION ? null : form.organisationId,
    language,
  };
  const parsed = AccessRequestCreateSchema.safeParse(candidate);
  const errors: Partial<Record<FormField, true>> = {};
  // NOTE: "" is neither a uuid nor "I don't know": the reader has not chosen yet.
  if (form.organisationId === '') errors.organisationId = true;
  for (const issue of parsed.error?.issues ?? []) {
    const field = fieldOf(String(issue.path[0]), other);
    if (field) errors[field] = true;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { request: parsed.data };
}

/** Maps a field the API names (client check or server 400) to the form's field. */
export function fieldOf(name: string, otherCountry: boolean): FormField | null {
  if (name === 'country') return otherCountry ? 'countryCode' : 'country';
  return (FORM_FIELDS as readonly string[]).includes(name) ? (name as FormField) : null;
}

/** The listed countries by their names in the reader's language, Romania and Norway first. */
export function countryOptions(language: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  const [first, second, ...rest] = LISTED_COUNTRIES.map((code) => ({ value: code, label: names.of(code) ?? code }));
  return [first!, second!, ...rest.sort((a, b) => a.label.localeCompare(b.label, language))];
}
