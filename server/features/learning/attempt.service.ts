// Quiz attempts: start (or resume) within the attempt limit, save each answer while open, submit once (graded here,
// never by the client), and read back — the correct answers and explanations only after submission.
import { randomInt } from 'node:crypto';
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { Answer, AttemptView } from '#shared/learning/learning.schema.ts';
import { fitsQuestion, gradeAttempt } from './grading.ts';
import { attemptView } from './attempt-view.ts';
import { enrol, settleCompletion } from './progress.service.ts';
import { attemptsOf, closeAttempt, findAttempt, findCourse, findQuiz, insertAttempt, questionsOf, recordLearningEvent, saveAnswer, type AttemptRow } from './learning.queries.ts';

function shuffled<T>(list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function quizInPublishedCourse(ctx: Ctx, quizId: string) {
  const quiz = await findQuiz(ctx.db, quizId);
  const course = quiz && (await findCourse(ctx.db, { id: quiz.courseId }));
  if (!quiz || !course) throw new AppError('not_found', 'No such quiz.');
  return { quiz, course };
}

const conflict = (message: string) => new AppError('conflict', message);

/**
 * Starts an attempt, or returns the open one. NOTE: the enrolment row is locked first, so parallel starts are counted
 * one after another and can never pass max_attempts; the unique (quiz, enrolment, number) backs this up.
 */
export async function startAttempt(ctx: Ctx, quizId: string, lang: string): Promise<AttemptView> {
  const { quiz, course } = await quizInPublishedCourse(ctx, quizId);
  const attemptId = await ctx.db.transaction().execute(async (trx) => {
    const enrolment = await enrol(ctx, trx, course);
    const attempts = await attemptsOf(trx, [enrolment.id]);
    const own = attempts.filter((a) => a.quizId === quiz.id);
    const open = own.find((a) => a.status === 'in_progress');
    if (open) return open.id;
    if (quiz.role === 'post_test' && enrolment.passedAt) throw conflict('You have passed this course already.');
    const otherQuizzes = await trx.selectFrom('quiz').select(['id', 'role']).where('courseId', '=', course.id).execute();
    const pre = otherQuizzes.find((q) => q.role === 'pre_test');
    const post = otherQuizzes.find((q) => q.role === 'post_test');
    if (quiz.role === 'post_test' && pre && !attempts.some((a) => a.quizId === pre.id && a.status === 'submitted')) throw conflict('Take the pre-test first.');
    if (quiz.role === 'pre_test' && post && attempts.some((a) => a.quizId === post.id)) throw conflict('The pre-test is closed once the post-test has begun.');
    if (course.maxAttempts !== null && own.length >= course.maxAttempts) throw conflict('No attempts are left for this quiz.');
    const number = Math.max(0, ...own.map((a) => a.number)) + 1;
    const id = await insertAttempt(trx, { quizId: quiz.id, enrolmentId: enrolment.id, number, questionOrder: quiz.shuffle ? shuffled(quiz.questionKeys) : quiz.questionKeys, at: ctx.now });
    await recordLearningEvent(trx, { accountId: enrolment.accountId, courseId: course.id, verb: 'attempted', objectType: 'quiz', objectId: quiz.id, result: { number }, at: ctx.now });
    await recordAudit(ctx, trx, { action: 'course.attempt_started', entityType: 'quiz_attempt', entityId: id, organisationId: course.organisationId, details: { quizId: quiz.id, number } });
    return id;
  });
  return readAttempt(ctx, attemptId, lang);
}

/** The actor's own attempt; anyone else's is "not found". */
async function ownAttempt(ctx: Ctx, attemptId: string, lock = false, db = ctx.db): Promise<AttemptRow> {
  const attempt = await findAttempt(db, attemptId, lock);
  if (!attempt || attempt.accountId !== actorOf(ctx).accountId) throw new AppError('not_found', 'No such attempt.');
  return attempt;
}

export async function readAttempt(ctx: Ctx, attemptId: string, lang: string): Promise<AttemptView> {
  return attemptView(ctx.db, await ownAttempt(ctx, attemptId), lang);
}

/** Saves one answer of an open attempt: 409 once submitted, 400 for a question not in it or an answer of the wrong kind. */
export async function answerQuestion(ctx: Ctx, attemptId: string, questionKey: string, answer: Answer): Promise<{ saved: true }> {
  const attempt = await ownAttempt(ctx, attemptId);
  if (attempt.status !== 'in_progress') throw conflict('This attempt has been submitted; its answers cannot change.');
  if (!attempt.questionOrder.includes(questionKey)) throw new AppError('invalid', 'This question is not part of the attempt.', { fields: { questionId: 'Not a question of this attempt' } });
  const [question] = await questionsOf(ctx.db, attempt.courseId, [questionKey]);
  if (!question || !fitsQuestion(question, answer)) throw new AppError('invalid', 'This answer does not fit the question.', { fields: { answer: 'Choose among the question’s own options' } });
  if (!(await saveAnswer(ctx.db, attemptId, questionKey, answer))) throw conflict('This attempt has been submitted; its answers cannot change.');
  await recordLearningEvent(ctx.db, { accountId: attempt.accountId, courseId: attempt.courseId, verb: 'answered', objectType: 'question', objectId: questionKey, at: ctx.now });
  return { saved: true };
}

/** Grades and closes the attempt once: a second, parallel submission waits for the row lock and gets 409. */
export async function submitAttempt(ctx: Ctx, attemptId: string, lang: string): Promise<AttemptView> {
  await ownAttempt(ctx, attemptId);
  await ctx.db.transaction().execute(async (trx) => {
    const attempt = await ownAttempt(ctx, attemptId, true, trx);
    if (attempt.status !== 'in_progress') throw conflict('This attempt has been submitted already.');
    const course = (await findCourse(trx, { id: attempt.courseId }, false))!;
    const graded = gradeAttempt(await questionsOf(trx, course.id, attempt.questionOrder), attempt.answers);
    if (!(await closeAttempt(trx, attemptId, graded, ctx.now))) throw conflict('This attempt has been submitted already.');
    const quiz = (await findQuiz(trx, attempt.quizId))!;
    const verb = quiz.role !== 'post_test' ? 'completed' : graded.percent >= course.passMark ? 'passed' : 'failed';
    await recordLearningEvent(trx, { accountId: attempt.accountId, courseId: course.id, verb, objectType: 'quiz', objectId: quiz.id, result: { score: graded.score, maxScore: graded.maxScore, percent: graded.percent }, at: ctx.now });
    await recordAudit(ctx, trx, { action: 'course.attempt_submitted', entityType: 'quiz_attempt', entityId: attemptId, organisationId: course.organisationId, details: { quizId: quiz.id, number: attempt.number } });
    await settleCompletion(ctx, trx, course, attempt.enrolmentId);
  });
  return readAttempt(ctx, attemptId, lang);
}
