// What the certificates part reads of e-learning: whether an enrolment's course is passed, and a course's title; and
// the enrolment's row lock that keeps parallel certificate requests for one enrolment in line.
import type { Db } from '#server/db/db.ts';
import { pickTexts } from './course-texts.ts';
import { courseTexts, findCourse } from './learning.queries.ts';

/** True when the enrolment's course is passed (post-test graded at or above the pass mark, every module done). */
export async function isCoursePassed(db: Db, enrolmentId: string): Promise<boolean> {
  const row = await db.selectFrom('courseEnrolment').select('passedAt').where('id', '=', enrolmentId).executeTakeFirst();
  return !!row?.passedAt;
}

/** A published course that gives certificates (its achievement may be public before anyone has one). */
export async function isCertifyingCourse(db: Db, courseId: string): Promise<boolean> {
  return !!(await db.selectFrom('course').select('id').where('id', '=', courseId).where('status', '=', 'published').where('certificateEnabled', '=', true).executeTakeFirst());
}

/** The course's title and summary in `lang` (else its source language); null when there is no such course. */
export async function courseTitle(db: Db, courseId: string, lang: string): Promise<{ title: string; summary: string } | null> {
  const course = await findCourse(db, { id: courseId }, false);
  if (!course) return null;
  const { title, summary } = pickTexts(await courseTexts(db, [courseId], false), courseId, lang, course.sourceLanguage);
  return { title, summary };
}

/** A passed enrolment of a course that gives certificates, with what a course certificate names: the learner, the course, the day, the publisher. */
export async function passedEnrolment(db: Db, enrolmentId: string) {
  const row = await db
    .selectFrom('courseEnrolment as e')
    .innerJoin('course as c', 'c.id', 'e.courseId')
    .innerJoin('organisation as o', 'o.id', 'c.organisationId')
    .select(['e.id as enrolmentId', 'e.accountId', 'e.courseId', 'e.passedAt', 'o.id as organisationId', 'o.name as organisationName'])
    .where('e.id', '=', enrolmentId)
    .where('e.passedAt', 'is not', null)
    // NOTE: a course that gives no certificate has no passed enrolment to certify.
    .where('c.certificateEnabled', '=', true)
    .executeTakeFirst();
  if (!row?.passedAt) return null;
  return { enrolmentId: row.enrolmentId, accountId: row.accountId, courseId: row.courseId, passedAt: row.passedAt, organisation: { id: row.organisationId, name: row.organisationName } };
}

/** Locks the enrolment row for the rest of the caller's transaction (FOR UPDATE): parallel callers wait here. */
export async function lockEnrolment(trx: Db, enrolmentId: string): Promise<void> {
  await trx.selectFrom('courseEnrolment').select('id').where('id', '=', enrolmentId).forUpdate().executeTakeFirst();
}
