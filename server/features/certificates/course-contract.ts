// What certificates need from e-learning, behind one small seam: the learning feature's contract
// (server/features/learning/learning-contract.ts) by default; tests may plug in a fake with useCourseContract.
import type { Db } from '#server/db/db.ts';
import { courseTitle, isCertifyingCourse, lockEnrolment, passedEnrolment } from '#server/features/learning/learning-contract.ts';

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
  /** True when the course is published and gives certificates (drafts stay unseen). */
  isCertifyingCourse(db: Db, courseId: string): Promise<boolean>;
  /** Locks the enrolment until the transaction `trx` ends, so one request at a time decides on its certificate. */
  lockEnrolment(trx: Db, enrolmentId: string): Promise<void>;
}

const LEARNING: CourseContract = {
  passedEnrolment,
  isCertifyingCourse,
  lockEnrolment,
  courseTitle: async (db, courseId, language) => {
    const texts = await courseTitle(db, courseId, language);
    return texts && { title: texts.title, description: texts.summary };
  },
};

let current: CourseContract = LEARNING;

export function courseContract(): CourseContract {
  return current;
}

/** Replaces the implementation (tests with a fake; null puts the learning feature's back). */
export function useCourseContract(contract: CourseContract | null): void {
  current = contract ?? LEARNING;
}
