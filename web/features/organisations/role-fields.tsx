// Role pickers and role names of the organisation pages.
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '#shared/auth/roles.ts';

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
