// What certificates need from e-learning, behind one small seam. The learning feature exports isCoursePassed and
// courseTitle from server/features/learning/learning-contract.ts; until both branches meet, this adapter holds the
// implementation, and tests plug in a fake with useCourseContract.
// NOTE: the default is the learning feature's (it was left as "none" at the merge, so no course certificate could be
// issued); the import is of a small file with no route or service behind it.
import type { Db } from '#server/db/db.ts';
import { LEARNING_COURSE_CONTRACT } from '#server/features/learning/learning-contract.ts';

export interface PassedEnrolment {
  enrolmentId: string;
  accountId: string;
  courseId: string;
  passedAt: Date;
  /** The organisation that publishes the course (the achievement's creator), when known. */
  organisation: { id: string; name: string } | null;
}

export interface CourseContract {
  /** The enrolment when its course is passed (course_enrolment.passed_at set), else null. */
  passedEnrolment(db: Db, enrolmentId: string): Promise<PassedEnrolment | null>;
  /** The course's title and a one-line description in the language (falling back as the course does). */
  courseTitle(db: Db, courseId: string, language: string): Promise<{ title: string; description: string } | null>;
}

let current: CourseContract = LEARNING_COURSE_CONTRACT;

export function courseContract(): CourseContract {
  return current;
}

/** Replaces the implementation (tests with a fake); null puts the learning feature's back. */
export function useCourseContract(contract: CourseContract | null): void {
  current = contract ?? LEARNING_COURSE_CONTRACT;
}
