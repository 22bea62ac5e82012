// Opening hours in the service form: rows of days with an opening and a closing time, added and removed.
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '#shared/directory/directory-service.schema.ts';
import { CheckboxGroup } from './directory-form-kit.tsx';
import type { ScheduleRow } from './directory-service-form-state.ts';

export function ScheduleRows({ id, rows, onChange, error }: { id: string; rows: ScheduleRow[]; onChange(rows: ScheduleRow[]): void; error?: string | undefined }) {
  const { t } = useTranslation('directory');
  const change = (i: number, row: Partial<ScheduleRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  return (
    <fieldset className="field directory-group" id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('desk.fields.schedules')}</legend>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
      {rows.map((row, i) => (
        <div key={i} className="directory-schedule">
          <CheckboxGroup id={`${id}-${i}-days`} legend={t('desk.scheduleDays', { n: i + 1 })} options={WEEKDAYS.map((d) => ({ value: d, label: t(`days.${d}`) }))} values={row.days} onChange={(days) => change(i, { days })} />
          <div className="directory-form-grid">
            <div className="field">
              <label htmlFor={`${id}-${i}-opens`}>{t('desk.opensAt')}</label>
              <input id={`${id}-${i}-opens`} type="time" value={row.opensAt} onChange={(e) => change(i, { opensAt: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-${i}-closes`}>{t('desk.closesAt')}</label>
              <input id={`${id}-${i}-closes`} type="time" value={row.closesAt} onChange={(e) => change(i, { closesAt: e.target.value })} />
            </div>
          </div>
          <button type="button" className="secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('desk.removeHours', { n: i + 1 })}
          </button>
        </div>
      ))}
      {rows.length < 7 && (
        <button type="button" className="secondary" onClick={() => onChange([...rows, { days: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' }])}>
          {t('desk.addHours')}
        </button>
      )}
    </fieldset>
  );
}
