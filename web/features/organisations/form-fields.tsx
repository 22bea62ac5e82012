// Form pieces of the organisation pages: an error summary, labelled fields with linked hints and errors, role checkboxes.
import type { ReactNode, Ref, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '#shared/auth/roles.ts';
import { ApiRequestError } from '#web/lib/api.ts';

export type FieldErrors = Partial<Record<string, string>>;

/** Moves focus after the next paint, so a screen reader announces what just appeared. */
export function focusSoon(ref: RefObject<HTMLElement | null>): void {
  requestAnimationFrame(() => ref.current?.focus());
}

export function apiError(error: unknown): ApiRequestError | null {
  return error instanceof ApiRequestError ? error : null;
}

/** Listed and focused when a submit fails; each entry links to its field. */
export function ErrorSummary(props: { items: { id: string; label: string; message: string }[]; summaryRef: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  if (props.items.length === 0) return null;
  return (
    <div className="alert error" role="alert" tabIndex={-1} ref={props.summaryRef}>
      <p>{t('form.errorSummary')}</p>
      <ul>
        {props.items.map((item) => (
          <li key={item.id}>
            <a href={`#${item.id}`}>
              {item.label}: {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldFrame(props: { id: string; label: string; hint?: string | undefined; error?: string | undefined; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <span className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.children}
      {props.error && (
        <span className="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string | undefined;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url';
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
}

export function TextField(props: TextFieldProps) {
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete={props.autoComplete ?? 'off'}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      />
    </FieldFrame>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
  hint?: string | undefined;
  error?: string | undefined;
}

export function SelectField(props: SelectFieldProps) {
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of role checkboxes, each with its name and a one-line description. */
export function RoleCheckboxes(props: { id: string; legend: string; value: readonly Role[]; onChange(roles: Role[]): void; error?: string | undefined }) {
  const { t } = useTranslation('organisations');
  const toggle = (role: Role, on: boolean) => props.onChange(ROLES.filter((r) => (r === role ? on : props.value.includes(r))));
  return (
    <fieldset className="role-checkboxes" id={props.id} aria-describedby={props.error ? `${props.id}-error` : undefined} tabIndex={-1}>
      <legend>{props.legend}</legend>
      {props.error && (
        <span className="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      )}
      {ROLES.map((role) => (
        <div className="checkbox-field" key={role}>
          <input
            type="checkbox"
            id={`${props.id}-${role}`}
            checked={props.value.includes(role)}
            onChange={(e) => toggle(role, e.target.checked)}
            aria-describedby={`${props.id}-${role}-hint`}
          />
          <label htmlFor={`${props.id}-${role}`}>{t(`roles.${role}`)}</label>
          <span className="hint" id={`${props.id}-${role}-hint`}>
            {t(`roleHints.${role}`)}
          </span>
        </div>
      ))}
    </fieldset>
  );
}

/** Role names, translated and joined for a table cell. */
export function RoleList({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation('organisations');
  return <>{roles.map((r) => t(`roles.${r}`)).join(', ')}</>;
}
