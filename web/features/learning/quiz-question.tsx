// One question of an open attempt, keyboard- and phone-friendly: a radio group (single choice, true/false), a
// checkbox group (multiple choice), or one select per left item (matching, the phone's own picker).
import { useTranslation } from 'react-i18next';
import { Checkbox, CheckboxGroup, Label, Radio, RadioGroup } from 'react-aria-components';
import type { Answer, QuestionView } from '#shared/learning/learning.schema.ts';

interface Props {
  question: QuestionView;
  number: number;
  answer: Answer | undefined;
  onAnswer(answer: Answer): void;
}

export function QuizQuestion({ question, number, answer, onAnswer }: Props) {
  const { t } = useTranslation('learning');
  const labelId = `q-${question.key}-label`;
  const prompt = (
    <>
      <span className="learn-step">{t('quiz.questionNumber', { n: number })}</span> {question.prompt}
      {question.kind === 'multiple' && <span className="hint"> {t('quiz.chooseAll')}</span>}
    </>
  );
  if (question.kind === 'single' || question.kind === 'true_false') {
    const options = question.kind === 'single' ? question.options : [{ key: 'true', label: t('quiz.true') }, { key: 'false', label: t('quiz.false') }];
    const value = typeof answer === 'boolean' ? String(answer) : typeof answer === 'string' ? answer : null;
    return (
      <RadioGroup className="quiz-question" value={value} onChange={(v) => onAnswer(question.kind === 'true_false' ? v === 'true' : v)}>
        <Label className="quiz-prompt">{prompt}</Label>
        {options.map((o) => (
          <Radio key={o.key} value={o.key} className="quiz-choice quiz-radio">
            {o.label}
          </Radio>
        ))}
      </RadioGroup>
    );
  }
  if (question.kind === 'multiple') {
    return (
      <CheckboxGroup className="quiz-question" value={Array.isArray(answer) ? answer : []} onChange={(v) => onAnswer(v)}>
        <Label className="quiz-prompt">{prompt}</Label>
        {question.options.map((o) => (
          <Checkbox key={o.key} value={o.key} className="quiz-choice quiz-checkbox">
            {o.label}
          </Checkbox>
        ))}
      </CheckboxGroup>
    );
  }
  const pairs = answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {};
  return (
    <fieldset className="quiz-question" aria-labelledby={labelId}>
      <legend id={labelId} className="quiz-prompt">
        {prompt}
      </legend>
      {question.left.map((l) => (
        <div className="field quiz-match" key={l.key}>
          <label htmlFor={`q-${question.key}-${l.key}`}>{l.label}</label>
          <select id={`q-${question.key}-${l.key}`} value={pairs[l.key] ?? ''} onChange={(e) => onAnswer(withPair(pairs, l.key, e.target.value))}>
            <option value="">{t('quiz.choose')}</option>
            {question.right.map((r) => (
              <option key={r.key} value={r.key}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}

function withPair(pairs: Record<string, string>, left: string, right: string): Record<string, string> {
  const next = { ...pairs };
  if (right) next[left] = right;
  else delete next[left];
  return next;
}
