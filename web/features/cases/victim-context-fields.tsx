// The HTCDS victim context (all optional). Each list is answered with ticks, not asked, or declined: three different
// facts, never an empty list standing for "no". Historic events keep a country and a year, never a place.
import { useTranslation } from 'react-i18next';
import { HISTORIC_EVENT_TYPES, RELATIONSHIPS_TO_TRAFFICKER, VICTIM_CONTEXT_LISTS } from '#shared/cases/case-vocabulary.ts';
import { SelectField, TextField } from '#web/components/ui/form.tsx';
import { CONTEXT_LISTS, type AnswerChoice, type ContextListKey, type EventDraft, type GeneralDraft } from './case-form-model.ts';
import type { DraftProps } from './general-fields.tsx';

const ANSWERS: AnswerChoice[] = ['unset', 'given', 'not_asked', 'declined'];
const codesOf = (key: ContextListKey): readonly string[] => (key === 'relationshipToTrafficker' ? RELATIONSHIPS_TO_TRAFFICKER : VICTIM_CONTEXT_LISTS[key]);

function AnswerRadios(props: { name: string; value: AnswerChoice; onChange(a: AnswerChoice): void }) {
  const { t } = useTranslation('cases');
  return (
    <div className="radio-row">
      {ANSWERS.map((a) => (
        <label key={a}>
          <input type="radio" name={props.name} value={a} checked={props.value === a} onChange={() => props.onChange(a)} /> {t(`answer.${a}`)}
        </label>
      ))}
    </div>
  );
}

function ListField({ list, value, onChange, error, idPrefix }: { list: ContextListKey; value: GeneralDraft['lists'][ContextListKey]; onChange(v: GeneralDraft['lists'][ContextListKey]): void; error?: string | undefined; idPrefix: string }) {
  const { t } = useTranslation('cases');
  const id = `${idPrefix}-list-${list}`;
  const toggle = (code: string) => onChange({ ...value, values: value.values.includes(code) ? value.values.filter((v) => v !== code) : [...value.values, code] });
  return (
    <fieldset className="case-answer" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t(`context.${list}`)}</legend>
      <AnswerRadios name={`${id}-answer`} value={value.answer} onChange={(answer) => onChange({ ...value, answer })} />
      {value.answer === 'given' && (
        <div className="check-grid">
          {codesOf(list).map((code) => (
            <label key={code} className="checkbox">
              <input type="checkbox" checked={value.values.includes(code)} onChange={() => toggle(code)} /> {t(`code.${list}.${code}`)}
            </label>
          ))}
        </div>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

export function VictimContextFields({ value, onChange, errors, idPrefix }: DraftProps) {
  const { t } = useTranslation('cases');
  const set = (patch: Partial<GeneralDraft>) => onChange({ ...value, ...patch });
  const age = value.ageWhenTrafficked;
  return (
    <fieldset className="case-fieldset">
      <legend>{t('form.victimContext')}</legend>
      <p className="hint">{t('form.victimContextHint')}</p>
      {CONTEXT_LISTS.map((list) => (
        <ListField
          key={list}
          list={list}
          idPrefix={idPrefix}
          value={value.lists[list]}
          onChange={(v) => set({ lists: { ...value.lists, [list]: v } })}
          error={errors[`list-${list}`] ? t(errors[`list-${list}`]!) : undefined}
        />
      ))}
      <fieldset className="case-answer">
        <legend>{t('context.ageWhenTrafficked')}</legend>
        <AnswerRadios name={`${idPrefix}-age-answer`} value={age.answer} onChange={(answer) => set({ ageWhenTrafficked: { ...age, answer } })} />
        {age.answer === 'given' && (
          <TextField
            id={`${idPrefix}-age-years`}
            label={t('form.years')}
            inputMode="numeric"
            maxLength={3}
            value={age.years}
            onChange={(years) => set({ ageWhenTrafficked: { ...age, years } })}
            error={errors['age-years'] ? t(errors['age-years']) : undefined}
          />
        )}
      </fieldset>
      <HistoricEvents value={value} onChange={onChange} errors={errors} idPrefix={idPrefix} />
    </fieldset>
  );
}

function HistoricEvents({ value, onChange, errors, idPrefix }: DraftProps) {
  const { t } = useTranslation('cases');
  const events = value.historicEvents;
  const setEvents = (historicEvents: EventDraft[]) => onChange({ ...value, historicEvents });
  const patch = (i: number, p: Partial<EventDraft>) => setEvents(events.map((e, j) => (j === i ? { ...e, ...p } : e)));
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  return (
    <fieldset className="case-answer">
      <legend>{t('context.historicEvents')}</legend>
      <p className="hint">{t('form.historicEventsHint')}</p>
      {events.map((e, i) => (
        <div className="case-row" key={i} role="group" aria-label={t('form.eventN', { n: i + 1 })}>
          <SelectField id={`${idPrefix}-event-${i}-type`} label={t('form.eventType')} value={e.type} onChange={(type) => patch(i, { type: type as EventDraft['type'] })} options={HISTORIC_EVENT_TYPES.map((h) => ({ value: h, label: t(`code.historicEvent.${h}`) }))} />
          <TextField id={`${idPrefix}-event-${i}-country`} label={t('form.eventCountry')} value={e.country} onChange={(country) => patch(i, { country })} maxLength={2} error={err(`event-${i}-country`)} />
          <TextField id={`${idPrefix}-event-${i}-year`} label={t('form.eventYear')} inputMode="numeric" value={e.year} onChange={(year) => patch(i, { year })} maxLength={4} error={err(`event-${i}-year`)} />
          <button type="button" className="secondary" onClick={() => setEvents(events.filter((_, j) => j !== i))}>
            {t('form.removeEvent', { n: i + 1 })}
          </button>
        </div>
      ))}
      {events.length < 20 && (
        <button type="button" className="secondary" onClick={() => setEvents([...events, { type: 'Recruitment', country: '', year: '' }])}>
          {t('form.addEvent')}
        </button>
      )}
    </fieldset>
  );
}
