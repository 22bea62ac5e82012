// Small pieces of the organiser's event form: a checkbox with its hint, one registration question's choice (not asked,
// optional, required) as a labelled radio group, and the server's field paths mapped to the form's fields.
import { useTranslation } from 'react-i18next';
import type { QuestionKey } from '#shared/events/event-vocabulary.ts';

export function Check(props: { id: string; label: string; hint?: string; checked: boolean; onChange(value: boolean): void }) {
  return (
    <div className="checkbox-field field">
      <input type="checkbox" id={props.id} checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} aria-describedby={props.hint ? `${props.id}-hint` : undefined} />
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <span className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
    </div>
  );
}

type Choice = 'optional' | 'required' | undefined;

export function QuestionChoice({ questionKey, value, onChange }: { questionKey: QuestionKey; value: Choice; onChange(value: Choice): void }) {
  const { t } = useTranslation('events');
  const name = `ev-question-${questionKey}`;
  const choices: { value: Choice; key: string }[] = [
    { value: undefined, key: 'off' },
    { value: 'optional', key: 'optional' },
    { value: 'required', key: 'required' },
  ];
  return (
    <fieldset className="event-question">
      <legend>{t(`questions.${questionKey}`)}</legend>
      {choices.map((c) => (
        <label key={c.key} className="event-question-choice">
          <input type="radio" name={name} checked={value === c.value} onChange={() => onChange(c.value)} />
          {t(`form.question.${c.key}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The server's field errors ("questions.0.key", "capacity") as the form's fields, with its message as the text. */
export function fieldErrorsOf(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, message]) => [path.split('.')[0]!, message]));
}
