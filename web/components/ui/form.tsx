// The one set of form pieces: labelled fields with linked hints and errors, an error summary that takes focus when a
// submit fails, a submit button that says it is busy, and the server's error as an ApiRequestError.
import { useRef, useState, type ReactNode, type Ref, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '#web/lib/api.ts';
import { BusyButton } from './busy-button.tsx';

export type FieldErrors = Partial<Record<string, string>>;

/** Field errors plus a summary ref; `fail` shows them and moves focus to the summary. */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const fail = (fields: FieldErrors, message: string | null = null) => {
    // NOTE: flushSync renders the summary now, so focus lands on it even when the browser is slow.
    flushSync(() => {
      setErrors(fields);
      setFormError(message);
    });
    summaryRef.current?.focus();
  };
  const clear = () => {
    setErrors({});
    setFormError(null);
  };
  return { errors, formError, summaryRef, fail, clear };
}

/** Moves focus after the next paint, so a screen reader announces what just appeared. */
export function focusSoon(ref: RefObject<HTMLElement | null>): void {
  requestAnimationFrame(() => ref.current?.focus());
}

export function apiError(error: unknown): ApiRequestError | null {
  return error instanceof ApiRequestError ? error : null;
}

/** Listed and focused when a submit fails; each field entry links to its input. */
export function ErrorSummary(props: { items: { id: string; label: string; message: string }[]; formError?: string | null; summaryRef: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  if (props.items.length === 0 && !props.formError) return null;
  return (
    <div className="alert error" role="alert" tabIndex={-1} ref={props.summaryRef}>
      <p>{props.formError || t('form.errorSummary')}</p>
      {props.items.length > 0 && (
        <ul>
          {props.items.map((item) => (
            <li key={item.id}>
              <a href={`#${item.id}`}>
                {item.label}: {item.message}
              </a>
            </li>
          ))}
        </ul>
      )}
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
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'date';
  /** Defaults to "off": fields that the browser may fill say so. */
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email';
  maxLength?: number;
  required?: boolean;
  spellCheck?: boolean;
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
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        required={props.required}
        spellCheck={props.spellCheck}
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

/** A form's submit button: busy (spinner, "Working…" or pendingLabel, disabled) while its request runs. */
export function SubmitButton(props: { pending: boolean; children: ReactNode; pendingLabel?: string; className?: string | undefined }) {
  return (
    <BusyButton type="submit" className={props.className} busy={props.pending} busyLabel={props.pendingLabel}>
      {props.children}
    </BusyButton>
  );
}

/** A dialog form's last row: its submit button (busy while the request runs) and Cancel, which closes the dialog. */
export function SubmitOrCancel(props: { pending: boolean; children: ReactNode; pendingLabel?: string | undefined; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <div className="actions-row">
      <SubmitButton pending={props.pending} pendingLabel={props.pendingLabel}>
        {props.children}
      </SubmitButton>
      <button type="button" className="secondary" onClick={props.onCancel}>
        {t('common:form.cancel')}
      </button>
    </div>
  );
}
