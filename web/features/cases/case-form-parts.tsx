// Form pieces the case-record forms need beyond web/components/ui/form.tsx: a labelled text area with the "no names"
// warning tied to it, a checkbox, a select built from a code list, and the way a save error reaches the form.
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { apiError, type FieldErrors } from '#web/components/ui/form.tsx';

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(' ') : undefined;
}

/** Free text that will be sealed: the warning against identifying details is its hint, read with the field. */
export function NoteField(props: { id: string; label: string; value: string; onChange(v: string): void; error?: string | undefined; maxLength: number; rows?: number }) {
  const { t } = useTranslation('case-assistance');
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <span className="hint" id={`${props.id}-hint`}>
        {t('common.noNames')}
      </span>
      <textarea
        id={props.id}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(`${props.id}-hint`, props.error && `${props.id}-error`)}
      />
      {props.error && (
        <span className="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}

export function CheckboxField(props: { id: string; label: ReactNode; checked: boolean; onChange(v: boolean): void }) {
  return (
    <div className="checkbox-field">
      <input id={props.id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={props.id}>{props.label}</label>
    </div>
  );
}

/** Options of a code list with their names in the namespace; an optional empty first choice. */
export function codeOptions(codes: readonly string[], name: (code: string) => string, empty?: string): { value: string; label: string }[] {
  return [...(empty === undefined ? [] : [{ value: '', label: empty }]), ...codes.map((c) => ({ value: c, label: name(c) }))];
}

/** Fields whose refusals the interface words itself (the server's messages are English, for the API's users). */
const KNOWN_FIELDS = ['consent', 'sharedWith', 'occurredOn', 'followUpDue', 'serviceCategory', 'interpreterLanguage', 'providerOrganisationId', 'status', 'actualEnd', 'reviewedOn', 'assessedOn', 'dueOn', 'assigneeAccountId'];

/**
 * The server's refusal in the reader's language: field errors and a message; a 409 says the record changed and hands
 * back the current one; a 422 without fields is a closed case (the only such refusal of these routes).
 */
export function saveFailure(error: unknown, t: TFunction<'case-assistance'>): { fields: FieldErrors; message: string; current: unknown } {
  const api = apiError(error);
  if (api?.status === 409) return { fields: {}, message: t('common.stale'), current: api.body.current ?? null };
  if (api?.status === 422 && !api.body.fields) return { fields: {}, message: t('errors.closed'), current: null };
  const fields: FieldErrors = {};
  for (const [key, message] of Object.entries(api?.body.fields ?? {})) {
    fields[key] = api?.status === 400 ? t('errors.invalid') : KNOWN_FIELDS.includes(key) ? t(`errors.${key}`) : message;
  }
  // NOTE: a refusal tied to no input of the form (consent, sharing, the plan's state) is the form's message itself.
  const unattached = ['consent', 'sharedWith', 'status'].map((key) => fields[key]).find(Boolean);
  const message = unattached ?? (api && (api.status === 400 || api.status === 422) ? t('errors.checkFields') : t('common:error.generic'));
  return { fields, message, current: null };
}

/** '' → null, for optional fields. */
export const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
