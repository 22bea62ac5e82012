// The audit filter form: pickers for the action and the person, dates, and the id fields behind a disclosure; errors
// linked to their inputs and summarised (and focused) on submit.
// NOTE: the parent keys it by the URL's filters, so it starts over when they change (back button, a filter link).
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditPerson } from './audit.api.ts';
import { FILTER_FIELDS, toApiFilter, type FilterField, type FilterForm } from './audit-filters.ts';
import { ActionOptions, PersonOptions } from './audit-filter-options.tsx';

/** Fields for ids and codes: behind "Filter by ID", open when one of them holds a value or an error. */
const TECHNICAL: readonly FilterField[] = ['entityType', 'entityId', 'actorAccountId', 'organisationId'];

interface Props {
  initial: FilterForm;
  showOrganisation: boolean;
  people: AuditPerson[];
  onApply(form: FilterForm): void;
}

export function AuditFilterForm(props: Props) {
  const { t } = useTranslation('audit');
  const [form, setForm] = useState(props.initial);
  const [errors, setErrors] = useState<Partial<Record<FilterField, true>>>({});
  // NOTE: open by itself while it holds something the pickers do not show (an id from a link, a person not listed);
  // once the person opens or closes it, their choice stands.
  const [technicalToggled, setTechnicalOpen] = useState<boolean | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const id = useId();
  const fields = FILTER_FIELDS.filter((f) => f !== 'organisationId' || props.showOrganisation);
  const invalid = fields.filter((f) => errors[f]);
  const unlistedPerson = props.initial.actorAccountId !== '' && !props.people.some((p) => p.accountId === props.initial.actorAccountId);
  const technicalOpen =
    technicalToggled ?? (unlistedPerson || TECHNICAL.some((f) => errors[f] || (f !== 'actorAccountId' && props.initial[f] !== '')));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toApiFilter(form);
    if ('errors' in result) {
      setErrors(result.errors);
      if (TECHNICAL.some((f) => result.errors[f])) setTechnicalOpen(true);
      // NOTE: focus after render, so a screen reader reads the summary that just appeared.
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    props.onApply(form);
  };
  const clear = () => {
    const empty = Object.fromEntries(FILTER_FIELDS.map((f) => [f, ''])) as FilterForm;
    setForm(empty);
    setErrors({});
    props.onApply(empty);
  };
  const set = (f: FilterField) => (value: string) => setForm({ ...form, [f]: value });
  const control = (f: FilterField) => ({
    id: `${id}-${f}`,
    value: form[f],
    'aria-invalid': errors[f] ? true : undefined,
    'aria-describedby': `${id}-${f}-hint${errors[f] ? ` ${id}-${f}-error` : ''}`,
  });
  const field = (f: FilterField, input: ReactNode, label = t(`filters.${f}.label`), hint = t(`filters.${f}.hint`)) => (
    <div className="field" key={f}>
      <label htmlFor={`${id}-${f}`}>{label}</label>
      <span className="hint" id={`${id}-${f}-hint`}>
        {hint}
      </span>
      {input}
      {errors[f] && (
        <span className="field-error" id={`${id}-${f}-error`}>
          {t(`filters.${f}.error`)}
        </span>
      )}
    </div>
  );
  const text = (f: FilterField, type: 'text' | 'date' = 'text') => (
    <input {...control(f)} type={type} onChange={(e) => set(f)(e.target.value)} autoComplete="off" spellCheck={false} />
  );

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('filters.heading')}</h2>
      {invalid.length > 0 && (
        <div className="alert error" role="alert" tabIndex={-1} ref={summary}>
          <p>{t('filters.errorSummary')}</p>
          <ul>
            {invalid.map((f) => (
              <li key={f}>
                <a href={`#${id}-${f}`}>{t(`filters.${f}.label`)}: {t(`filters.${f}.error`)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="filter-grid">
        {field(
          'action',
          <select {...control('action')} onChange={(e) => set('action')(e.target.value)}>
            <ActionOptions current={form.action} />
          </select>,
        )}
        {/* NOTE: the same value as the account ID field below; the select lists people, the field takes any id. */}
        <div className="field">
          <label htmlFor={`${id}-person`}>{t('filters.person.label')}</label>
          <span className="hint" id={`${id}-person-hint`}>
            {t('filters.person.hint')}
          </span>
          <select id={`${id}-person`} value={form.actorAccountId} aria-describedby={`${id}-person-hint`} onChange={(e) => set('actorAccountId')(e.target.value)}>
            <PersonOptions people={props.people} current={form.actorAccountId} />
          </select>
        </div>
        {field('from', text('from', 'date'))}
        {field('to', text('to', 'date'))}
      </div>
      <details className="filter-technical" open={technicalOpen} onToggle={(e) => e.currentTarget.open !== technicalOpen && setTechnicalOpen(e.currentTarget.open)}>
        <summary>{t('filters.technical')}</summary>
        <div className="filter-grid">{fields.filter((f) => TECHNICAL.includes(f)).map((f) => field(f, text(f)))}</div>
      </details>
      <div className="actions-row">
        <button type="submit">{t('filters.apply')}</button>
        <button type="button" className="secondary" onClick={clear}>
          {t('filters.clear')}
        </button>
      </div>
    </form>
  );
}
