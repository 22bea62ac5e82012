// What certificates need from e-learning, behind one small seam. The learning feature exports isCoursePassed and
// courseTitle from server/features/learning/learning-contract.ts; until both branches meet, this adapter holds the
// implementation (none: course certificates answer "not found"), and tests plug in a fake with useCourseContract.
// NOTE: on merge, set the default implementation here from the learning contract (one import).
import type { Db } from '#server/db/db.ts';

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

const NONE: CourseContract = {
  passedEnrolment: async () => null,
  courseTitle: async () => null,
};

let current: CourseContract = NONE;

export function courseContract(): CourseContract {
  return current;
}

/** Replaces the implementation (the learning feature on merge; tests with a fake). */
export function useCourseContract(contract: CourseContract | null): void {
  current = contract ?? NONE;
}
