// Kysely for organisers: their organisation's courses with learner counts, settings and status changes (guarded by
// version), and the learners' progress rows of one course.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

export async function organisationCourses(db: Db, organisationId: string, courseId?: string) {
  let q = db
    .selectFrom('course')
    .leftJoin('courseEnrolment', 'courseEnrolment.courseId', 'course.id')
    .select(['course.id', 'course.slug', 'course.status', 'course.sourceLanguage', 'course.passMark', 'course.maxAttempts', 'course.grading', 'course.version', 'course.organisationId'])
    .select((eb) => [eb.fn.count<number>('courseEnrolment.id').as('learners'), eb.fn.count<number>('courseEnrolment.passedAt').as('passed')])
    .where('course.organisationId', '=', organisationId)
    .groupBy('course.id')
    .orderBy('course.slug');
  if (courseId) q = q.where('course.id', '=', courseId);
  return q.execute();
}
export type ManagedRow = Awaited<ReturnType<typeof organisationCourses>>[number];

export async function updateCourseRow(db: Db, id: string, version: number, values: { passMark?: number; maxAttempts?: number | null; grading?: string; status?: string }, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('course')
    .set({ ...values, updatedAt: at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function courseLearners(db: Db, courseId: string) {
  return db
    .selectFrom('courseEnrolment')
    .innerJoin('account', 'account.id', 'courseEnrolment.accountId')
    .select(['courseEnrolment.id', 'courseEnrolment.accountId', 'account.displayName as name', 'courseEnrolment.startedAt', 'courseEnrolment.completedAt', 'courseEnrolment.passedAt', 'courseEnrolment.progress'])
    .where('courseEnrolment.courseId', '=', courseId)
    .orderBy('account.displayName')
    .orderBy('courseEnrolment.id')
    .execute();
}

/** The ids of a course's pre-tests: a learner's score before the course shows even before the final test. */
export async function preTestIds(db: Db, courseId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('quiz').select('id').where('courseId', '=', courseId).where('role', '=', 'pre_test').execute();
  return new Set(rows.map((r) => r.id));
}
