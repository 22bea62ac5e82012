// Pieces the directory desk's forms share: a frame with the error summary (focused on failure, each error linking to
// its field), checkbox groups, and the mapping of schema and server errors to fields and translated messages.
import type { FormEvent, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorSummary, apiError, type FieldErrors } from '#web/components/ui/form.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Banner } from '#web/components/ui/banner.tsx';

/** The field an error path belongs to: per-language texts keep their language ("summaries.ro"), lists their name. */
export function fieldOf(path: readonly PropertyKey[]): string {
  const [head, next] = path.map(String);
  return (head === 'summaries' || head === 'descriptions') && next ? `${head}.${next}` : (head ?? 'form');
}

/** Field errors from a failed parse, as message keys. */
export function schemaErrors(error: z.ZodError): FieldErrors {
  return Object.fromEntries(error.issues.map((i) => [fieldOf(i.path), fieldOf(i.path)]));
}

/** Field errors from the server's 400/422, or null when the error is of another kind. */
export function serverErrors(error: unknown): FieldErrors | null {
  const fields = apiError(error)?.body.fields;
  return fields ? Object.fromEntries(Object.keys(fields).map((k) => [fieldOf(k.split('.')), fieldOf(k.split('.'))])) : null;
}

export function useErrorText() {
  const { t } = useTranslation('directory');
  return (field: string) => t(`desk.errors.${field.split('.')[0]}`, { defaultValue: t('desk.errors.invalid') });
}

interface FrameProps {
  id: string;
  title: string;
  errors: FieldErrors;
  formError: string | null;
  summaryRef: Ref<HTMLDivElement>;
  label(field: string): string;
  notice?: string | null;
  busy: boolean;
  onSubmit(e: FormEvent): void;
  onCancel(): void;
  children: ReactNode;
}

export function FormFrame(props: FrameProps) {
  const { t } = useTranslation('directory');
  const errorText = useErrorText();
  const items = Object.keys(props.errors).map((f) => ({ id: `${props.id}-${f.replace('.', '-')}`, label: props.label(f), message: errorText(f) }));
  return (
    <form className="card directory-form" onSubmit={props.onSubmit} noValidate aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.notice && <Banner tone="warning">{props.notice}</Banner>}
      <ErrorSummary items={items} formError={props.formError} summaryRef={props.summaryRef} />
      {props.children}
      <div className="actions-row">
        <BusyButton type="submit" busy={props.busy}>
          {t('desk.save')}
        </BusyButton>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('desk.cancel')}
        </button>
      </div>
    </form>
  );
}

interface GroupProps {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: { value: string; label: string }[];
  values: string[];
  onChange(values: string[]): void;
  columns?: boolean;
}

export function CheckboxGroup({ id, legend, hint, error, options, values, onChange, columns }: GroupProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const toggle = (value: string, on: boolean) => onChange(on ? [...values, value] : values.filter((v) => v !== value));
  return (
    <fieldset className="field directory-group" id={id} tabIndex={-1} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
      <div className={columns ? 'directory-choices columns' : 'directory-choices'}>
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input type="checkbox" checked={values.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A checkbox with its label (and optional hint) as one field. */
export function Checkbox({ id, label, hint, checked, onChange }: { id: string; label: string; hint?: string; checked: boolean; onChange(on: boolean): void }) {
  return (
    <div className="field">
      <label className="choice" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
        {label}
      </label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

export function TextArea({ id, label, hint, error, value, onChange, lang }: { id: string; label: string; hint?: string; error?: string | undefined; value: string; onChange(v: string): void; lang?: string }) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <textarea id={id} rows={3} lang={lang} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
