// A learner's progress: enrolling (on the first step taken), marking a lesson or chapter done, and settling the
// course's completion and pass after each change, in the transaction of that change.
import type { Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { CourseView } from '#shared/learning/learning.schema.ts';
import { completionOf } from './course-state.ts';
import { publishedCourse, viewCourse } from './course-read.service.ts';
import { attemptsOf, courseModules, ensureEnrolment, markDone, recordLearningEvent, setCompletion, type CourseRow, type EnrolmentRow } from './learning.queries.ts';

/** The actor's enrolment in the course, created (and audited) on first use; locked for the rest of the transaction. */
export async function enrol(ctx: Ctx, trx: Transaction<Database>, course: CourseRow): Promise<EnrolmentRow> {
  const { enrolment, created } = await ensureEnrolment(trx, course.id, actorOf(ctx).accountId, ctx.now);
  if (created) {
    await recordAudit(ctx, trx, { action: 'course.enrolled', entityType: 'course_enrolment', entityId: enrolment.id, organisationId: course.organisationId, details: { courseId: course.id } });
  }
  return enrolment;
}

/**
 * Sets completed_at and passed_at once they are earned (never unset: a certificate may rest on them), with the
 * learning events and an audit entry when the course is passed now.
 */
export async function settleCompletion(ctx: Ctx, trx: Transaction<Database>, course: CourseRow, enrolmentId: string): Promise<void> {
  const enrolment = await trx.selectFrom('courseEnrolment').select(['progress', 'completedAt', 'passedAt']).where('id', '=', enrolmentId).executeTakeFirstOrThrow();
  const modules = await courseModules(trx, course.id);
  const state = completionOf(course, modules, { done: new Set(enrolment.progress.done), attempts: await attemptsOf(trx, [enrolmentId]) });
  if ((!state.completed || enrolment.completedAt) && (!state.passed || enrolment.passedAt)) return;
  await setCompletion(trx, enrolmentId, state, ctx.now);
  const event = { accountId: actorOf(ctx).accountId, courseId: course.id, objectType: 'course', objectId: course.id, at: ctx.now, result: { percent: state.postGrade } };
  if (state.completed && !enrolment.completedAt) await recordLearningEvent(trx, { ...event, verb: 'completed' });
  if (state.passed && !enrolment.passedAt) {
    await recordLearningEvent(trx, { ...event, verb: 'passed' });
    await recordAudit(ctx, trx, { action: 'course.passed', entityType: 'course_enrolment', entityId: enrolmentId, organisationId: course.organisationId, details: { courseId: course.id } });
  }
}

/** Marks a lesson or library chapter of the course done (the learner says so); quizzes are done by submitting. */
export async function markModuleDone(ctx: Ctx, slug: string, moduleKey: string, lang: string): Promise<CourseView> {
  const course = await publishedCourse(ctx, slug);
  const module = (await courseModules(ctx.db, course.id)).find((m) => m.key === moduleKey);
  if (!module) throw new AppError('not_found', 'No such part of this course.');
  if (module.kind === 'quiz') throw new AppError('invalid', 'A quiz is done by submitting an attempt.', { fields: { moduleKey: 'Submit the quiz instead' } });
  await ctx.db.transaction().execute(async (trx) => {
    const enrolment = await enrol(ctx, trx, course);
    if (enrolment.progress.done.includes(moduleKey)) return;
    await markDone(trx, enrolment.id, moduleKey, ctx.now);
    await recordLearningEvent(trx, { accountId: enrolment.accountId, courseId: course.id, verb: 'completed', objectType: 'module', objectId: moduleKey, at: ctx.now });
    await recordAudit(ctx, trx, { action: 'course.module_done', entityType: 'course_enrolment', entityId: enrolment.id, organisationId: course.organisationId, details: { courseId: course.id, module: moduleKey } });
    await settleCompletion(ctx, trx, course, enrolment.id);
  });
  return viewCourse(ctx, slug, lang);
}
