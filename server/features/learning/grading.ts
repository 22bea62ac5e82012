// Scoring and grading, pure. NOTE: every kind is scored all or nothing (a multiple-choice answer with one option
// missing or one too many earns 0, a matching with one pair wrong earns 0): partial credit for "multiple" rewards
// ticking everything, and a clear rule is easier to explain to learners than a formula.
import type { CorrectAnswer, QuestionOptions } from '#server/db/schema-learning.ts';
import type { Answer } from '#shared/learning/learning.schema.ts';

export interface QuestionRow {
  key: string;
  kind: string;
  options: QuestionOptions;
  correct: CorrectAnswer;
  points: number;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** True when `answer` has the shape the question's kind takes, naming only the question's own options. */
export function fitsQuestion(q: QuestionRow, answer: Answer): boolean {
  const options = Array.isArray(q.options) ? q.options : [];
  switch (q.kind) {
    case 'single':
      return typeof answer === 'string' && options.includes(answer);
    case 'multiple':
      return Array.isArray(answer) && answer.every((a) => options.includes(a)) && new Set(answer).size === answer.length;
    case 'true_false':
      return typeof answer === 'boolean';
    case 'matching': {
      if (typeof answer !== 'object' || answer === null || Array.isArray(answer) || Array.isArray(q.options)) return false;
      const { left, right } = q.options;
      return Object.entries(answer).every(([l, r]) => left.includes(l) && right.includes(r));
    }
    default:
      return false;
  }
}

/** True when the answer is right (all or nothing, see above). */
export function isCorrect(q: QuestionRow, answer: Answer | undefined): boolean {
  if (answer === undefined || !fitsQuestion(q, answer)) return false;
  if (q.kind === 'single') return answer === (q.correct as string[])[0];
  if (q.kind === 'multiple') return sameSet(answer as string[], q.correct as string[]);
  if (q.kind === 'true_false') return answer === q.correct;
  const pairs = q.correct as Record<string, string>;
  const given = answer as Record<string, string>;
  return Object.keys(pairs).length === Object.keys(given).length && Object.entries(pairs).every(([l, r]) => given[l] === r);
}

export interface Graded {
  score: number;
  maxScore: number;
  percent: number;
  earned: Record<string, number>;
}

/** Scores the questions of an attempt; unanswered questions earn 0. Percent rounded to one decimal. */
export function gradeAttempt(questions: readonly QuestionRow[], answers: Record<string, unknown>): Graded {
  const earned: Record<string, number> = {};
  let score = 0;
  let maxScore = 0;
  for (const q of questions) {
    earned[q.key] = isCorrect(q, answers[q.key] as Answer | undefined) ? q.points : 0;
    score += earned[q.key]!;
    maxScore += q.points;
  }
  const percent = maxScore === 0 ? 0 : Math.round((score / maxScore) * 1000) / 10;
  return { score, maxScore, percent, earned };
}

export interface SubmittedAttempt {
  number: number;
  percent: number;
}

/** The grade of a quiz by the course's rule: the best submitted attempt, or the last one; null before any. */
export function gradeOf(attempts: readonly SubmittedAttempt[], grading: string): number | null {
  if (attempts.length === 0) return null;
  if (grading === 'last') return [...attempts].sort((a, b) => b.number - a.number)[0]!.percent;
  return Math.max(...attempts.map((a) => a.percent));
}

/** Raw gain in percentage points and normalised gain (post − pre) / (100 − pre); normalised is null when pre = 100. */
export function gainOf(pre: number | null, post: number | null): { rawGain: number | null; normalisedGain: number | null } {
  if (pre === null || post === null) return { rawGain: null, normalisedGain: null };
  return { rawGain: post - pre, normalisedGain: pre >= 100 ? null : (post - pre) / (100 - pre) };
}
