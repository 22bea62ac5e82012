// What the certificates part reads of e-learning: whether an enrolment's course is passed, and a course's title.
import type { Db } from '#server/db/db.ts';
import type { CourseContract, PassedEnrolment } from '#server/features/certificates/course-contract.ts';
import { pickTexts } from './course-texts.ts';
import { courseTexts, findCourse } from './learning.queries.ts';

/** True when the enrolment's course is passed (post-test graded at or above the pass mark, every module done). */
export async function isCoursePassed(db: Db, enrolmentId: string): Promise<boolean> {
  const row = await db.selectFrom('courseEnrolment').select('passedAt').where('id', '=', enrolmentId).executeTakeFirst();
  return !!row?.passedAt;
}

/** The course's title in `lang` (else its source language); null when there is no such course. */
export async function courseTitle(db: Db, courseId: string, lang: string): Promise<string | null> {
  const course = await findCourse(db, { id: courseId }, false);
  if (!course) return null;
  return pickTexts(await courseTexts(db, [courseId], false), courseId, lang, course.sourceLanguage).title;
}

/** The enrolment with its course and publisher when the course is passed and gives certificates; else null. */
export async function passedEnrolment(db: Db, enrolmentId: string): Promise<PassedEnrolment | null> {
  const row = await db
    .selectFrom('courseEnrolment')
    .innerJoin('course', 'course.id', 'courseEnrolment.courseId')
    .innerJoin('organisation', 'organisation.id', 'course.organisationId')
    .select(['courseEnrolment.id', 'courseEnrolment.accountId', 'courseEnrolment.courseId', 'courseEnrolment.passedAt', 'course.certificateEnabled', 'organisation.id as organisationId', 'organisation.name as organisationName'])
    .where('courseEnrolment.id', '=', enrolmentId)
    .executeTakeFirst();
  if (!row?.passedAt || !row.certificateEnabled) return null;
  return { enrolmentId: row.id, accountId: row.accountId, courseId: row.courseId, passedAt: row.passedAt, organisation: { id: row.organisationId, name: row.organisationName } };
}

/** What the certificates part reads of e-learning (server/features/certificates/course-contract.ts). */
export const LEARNING_COURSE_CONTRACT: CourseContract = {
  passedEnrolment,
  async courseTitle(db, courseId, language) {
    const course = await findCourse(db, { id: courseId }, false);
    if (!course) return null;
    const texts = pickTexts(await courseTexts(db, [courseId], false), courseId, language, course.sourceLanguage);
    return { title: texts.title, description: texts.summary };
  },
};
