// An attempt as its learner sees it: questions in the attempt's order with their texts in the reader's language and
// the answers saved so far. NOTE: correct answers and explanations are added only to a submitted attempt.
import type { Db } from '#server/db/db.ts';
import type { CourseTexts } from '#server/db/schema-learning.ts';
import type { Answer, AttemptView, Feedback, QuestionView } from '#shared/learning/learning.schema.ts';
import { moduleTitle, pickTexts } from './course-texts.ts';
import { gradeAttempt, type QuestionRow } from './grading.ts';
import { courseTexts, findCourse, findQuiz, questionsOf, type AttemptRow } from './learning.queries.ts';

const choices = (keys: string[], labels: Record<string, string> | undefined) => keys.map((key) => ({ key, label: labels?.[key] ?? key }));

function questionView(q: QuestionRow, texts: CourseTexts): QuestionView {
  const t = texts.questions[q.key];
  const matching = !Array.isArray(q.options) ? q.options : null;
  return {
    key: q.key,
    kind: q.kind as QuestionView['kind'],
    prompt: t?.prompt ?? q.key,
    points: q.points,
    options: Array.isArray(q.options) ? choices(q.options, t?.options) : [],
    left: matching ? choices(matching.left, t?.left) : [],
    right: matching ? choices(matching.right, t?.right) : [],
  };
}

function feedbackOf(questions: QuestionRow[], answers: Record<string, unknown>, texts: CourseTexts): Feedback[] {
  const { earned } = gradeAttempt(questions, answers);
  return questions.map((q) => ({
    key: q.key,
    earned: earned[q.key] ?? 0,
    correct: (earned[q.key] ?? 0) > 0,
    correctAnswer: (q.kind === 'single' ? (q.correct as string[])[0]! : q.correct) as Answer,
    explanation: texts.questions[q.key]?.explanation ?? null,
  }));
}

export async function attemptView(db: Db, attempt: AttemptRow, lang: string): Promise<AttemptView> {
  const course = (await findCourse(db, { id: attempt.courseId }, false))!;
  const quiz = (await findQuiz(db, attempt.quizId))!;
  const t = pickTexts(await courseTexts(db, [course.id]), course.id, lang, course.sourceLanguage);
  const rows = await questionsOf(db, course.id, attempt.questionOrder);
  const questions = attempt.questionOrder.map((key) => rows.find((r) => r.key === key)).filter((q): q is QuestionRow => !!q);
  const submitted = attempt.status === 'submitted';
  return {
    id: attempt.id,
    quizId: quiz.id,
    role: quiz.role as AttemptView['role'],
    courseSlug: course.slug,
    courseTitle: t.title,
    title: moduleTitle(t.texts, quiz.key, 'quiz'),
    intro: t.texts.quizzes[quiz.key]?.intro ?? null,
    number: attempt.number,
    status: attempt.status as AttemptView['status'],
    questions: questions.map((q) => questionView(q, t.texts)),
    answers: attempt.answers as Record<string, Answer>,
    result: submitted ? { score: attempt.score ?? 0, maxScore: attempt.maxScore ?? 0, percent: attempt.percent ?? 0, feedback: feedbackOf(questions, attempt.answers, t.texts) } : null,
  };
}
