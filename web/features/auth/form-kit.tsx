// Form pieces for the sign-in and account pages: labelled fields with linked hints and errors, an error summary
// that takes focus when a submit fails, and the translation of the server's errors.
import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MESSAGES, type PasswordProblem } from '#shared/auth/password-policy.ts';
import { ApiRequestError } from '#web/lib/api.ts';

export type FieldErrors = Partial<Record<string, string>>;

/** Field errors plus a summary ref; `fail` shows them and moves focus to the summary after the next paint. */
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

/** Listed and focused when a submit fails; each field entry links to its input. */
export function ErrorSummary(props: {
  items: { id: string; label: string; message: string }[];
  formError?: string | null;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation();
  if (props.items.length === 0 && !props.formError) return null;
  return (
    <div className="alert error" role="alert" tabIndex={-1} ref={props.summaryRef}>
      {props.formError ? <p>{props.formError}</p> : <p>{t('form.errorSummary')}</p>}
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

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string | undefined;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  inputMode?: 'text' | 'numeric' | 'email';
  maxLength?: number;
  required?: boolean;
  spellCheck?: boolean;
}

export function TextField(props: TextFieldProps) {
  const described = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <span className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      <input
        id={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        required={props.required}
        spellCheck={props.spellCheck}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {props.error && (
        <span className="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}

export function SubmitButton(props: { pending: boolean; children: ReactNode; pendingLabel?: string; className?: string }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className={props.className} disabled={props.pending} aria-busy={props.pending || undefined}>
      {props.pending ? (props.pendingLabel ?? t('form.saving')) : props.children}
    </button>
  );
}

export function apiError(error: unknown): ApiRequestError | null {
  return error instanceof ApiRequestError ? error : null;
}

const PROBLEM_BY_MESSAGE = new Map(Object.entries(PASSWORD_MESSAGES).map(([problem, message]) => [message, problem as PasswordProblem]));

/** The password problem a server field error stands for, so the page can say it in the reader's language. */
export function passwordProblemOf(message: string | undefined): PasswordProblem | null {
  return message ? (PROBLEM_BY_MESSAGE.get(message) ?? null) : null;
}
