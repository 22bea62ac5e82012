// The event's questions for one person (the booker or a colleague): each a labelled field from the vocabulary, marked
// optional when the event does not require it; ids are prefixed so several people's fields live on one form.
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '#web/components/ui/form.tsx';
import { REGIONS } from '#shared/directory/regions.ts';
import { INSTITUTION_TYPES, PARTICIPANT_COUNTRIES, PARTICIPANT_PROFESSIONS, SEXES, type QuestionKey } from '#shared/events/event-vocabulary.ts';

export type AnswerDraft = Partial<Record<QuestionKey, string>>;

const CHOICES: Partial<Record<QuestionKey, { list: readonly string[]; group: string }>> = {
  profession: { list: PARTICIPANT_PROFESSIONS, group: 'professions' },
  institution_type: { list: INSTITUTION_TYPES, group: 'institutionTypes' },
  country: { list: PARTICIPANT_COUNTRIES, group: 'countries' },
  sex: { list: SEXES, group: 'sexes' },
};

const COUNTIES = Object.values(REGIONS).flatMap((r) => Object.entries(r).map(([value, label]) => ({ value, label })));

export function AnswerFields(props: { prefix: string; questions: { key: QuestionKey; required: boolean }[]; value: AnswerDraft; onChange(v: AnswerDraft): void; errors: Partial<Record<string, string>>; errorPath: string }) {
  const { t } = useTranslation('event-registration');
  return (
    <>
      {props.questions.map((q) => {
        const id = `${props.prefix}-${q.key}`;
        const label = `${t(`questions.${q.key}`)}${q.required ? '' : ` ${t('questions.optional')}`}`;
        const set = (v: string) => props.onChange({ ...props.value, [q.key]: v });
        const error = props.errors[`${props.errorPath}answers.${q.key}`];
        const choice = CHOICES[q.key];
        if (choice || q.key === 'county') {
          const options = choice ? choice.list.map((v) => ({ value: v, label: t(`${choice.group}.${v}`) })) : COUNTIES;
          return <SelectField key={q.key} id={id} label={label} value={props.value[q.key] ?? ''} onChange={set} options={[{ value: '', label: t('questions.choose') }, ...options]} error={error} />;
        }
        const hint = q.key === 'languages' ? t('questions.languagesHint') : undefined;
        return <TextField key={q.key} id={id} label={label} value={props.value[q.key] ?? ''} onChange={set} hint={hint} error={error} maxLength={q.key.endsWith('needs') ? 500 : 160} />;
      })}
    </>
  );
}

/** The draft as the API takes it: empty answers left out, languages split into codes. */
export function answersOf(draft: AnswerDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(draft)) {
    if (!v) continue;
    out[k] = k === 'languages' ? v.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean) : v;
  }
  return out;
}
