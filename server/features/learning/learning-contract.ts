// What the certificates part reads of e-learning: whether an enrolment's course is passed, and a course's title.
import type { Db } from '#server/db/db.ts';
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
