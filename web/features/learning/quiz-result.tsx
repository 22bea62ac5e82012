// A submitted attempt: the score, and per question whether it was right, the right answer and the explanation.
import { useTranslation } from 'react-i18next';
import type { Answer, AttemptView, QuestionView } from '#shared/learning/learning.schema.ts';

function answerText(question: QuestionView, answer: Answer | undefined, t: (k: string) => string): string {
  if (answer === undefined) return t('result.noAnswer');
  if (typeof answer === 'boolean') return answer ? t('quiz.true') : t('quiz.false');
  const label = (key: string, list = question.options) => list.find((o) => o.key === key)?.label ?? key;
  if (typeof answer === 'string') return label(answer);
  if (Array.isArray(answer)) return answer.length ? answer.map((a) => label(a)).join('; ') : t('result.noAnswer');
  return question.left.map((l) => `${l.label} → ${answer[l.key] ? label(answer[l.key]!, question.right) : '—'}`).join('; ');
}

export function QuizResult({ attempt }: { attempt: AttemptView }) {
  const { t } = useTranslation('learning');
  const result = attempt.result!;
  return (
    <section aria-labelledby="quiz-result">
      <h2 id="quiz-result">{t('result.title')}</h2>
      <p className="learn-score">{t('result.score', { score: result.score, max: result.maxScore, percent: result.percent })}</p>
      <ol className="learn-feedback">
        {attempt.questions.map((q, i) => {
          const f = result.feedback.find((x) => x.key === q.key);
          return (
            <li key={q.key} className={`card${f?.correct ? ' is-right' : ' is-wrong'}`}>
              <h3>
                {t('quiz.questionNumber', { n: i + 1 })} {q.prompt}
              </h3>
              <p className="learn-mark">
                <span aria-hidden="true">{f?.correct ? '✓' : '✗'}</span> {f?.correct ? t('result.right') : t('result.wrong')}
              </p>
              <p>
                <strong>{t('result.yourAnswer')}</strong> {answerText(q, attempt.answers[q.key], t)}
              </p>
              {!f?.correct && f && (
                <p>
                  <strong>{t('result.correctAnswer')}</strong> {answerText(q, f.correctAnswer, t)}
                </p>
              )}
              {f?.explanation && <p className="hint">{f.explanation}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
