// The audit filter form: plain fields, errors linked to their inputs and summarised (and focused) on submit.
// NOTE: the parent keys it by the URL's filters, so it starts over when they change (back button, a filter link).
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FILTER_FIELDS, toApiFilter, type FilterField, type FilterForm } from './audit-filters.ts';

const INPUT_TYPE: Record<FilterField, 'text' | 'date'> = {
  action: 'text',
  entityType: 'text',
  entityId: 'text',
  actorAccountId: 'text',
  from: 'date',
  to: 'date',
  organisationId: 'text',
};

export function AuditFilterForm(props: { initial: FilterForm; showOrganisation: boolean; onApply(form: FilterForm): void }) {
  const { t } = useTranslation('audit');
  const [form, setForm] = useState(props.initial);
  const [errors, setErrors] = useState<Partial<Record<FilterField, true>>>({});
  const summary = useRef<HTMLDivElement>(null);
  const id = useId();
  const fields = FILTER_FIELDS.filter((f) => f !== 'organisationId' || props.showOrganisation);
  const invalid = fields.filter((f) => errors[f]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toApiFilter(form);
    if ('errors' in result) {
      setErrors(result.errors);
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
        {fields.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`${id}-${f}`}>{t(`filters.${f}.label`)}</label>
            <span className="hint" id={`${id}-${f}-hint`}>
              {t(`filters.${f}.hint`)}
            </span>
            <input
              id={`${id}-${f}`}
              type={INPUT_TYPE[f]}
              value={form[f]}
              onChange={(e) => setForm({ ...form, [f]: e.target.value })}
              aria-invalid={errors[f] ? true : undefined}
              aria-describedby={`${id}-${f}-hint${errors[f] ? ` ${id}-${f}-error` : ''}`}
              autoComplete="off"
              spellCheck={false}
            />
            {errors[f] && (
              <span className="field-error" id={`${id}-${f}-error`}>
                {t(`filters.${f}.error`)}
              </span>
            )}
          </div>
        ))}
      </div>
      <div className="actions-row">
        <button type="submit">{t('filters.apply')}</button>
        <button type="button" className="secondary" onClick={clear}>
          {t('filters.clear')}
        </button>
      </div>
    </form>
  );
}
