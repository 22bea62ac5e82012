// Knowledge change for reporting (the evaluation part and the course report call it): per course, the learners with
// both tests, mean pre- and post-test percent, mean raw gain (post − pre, percentage points) and mean normalised gain
// ((post − pre) / (100 − pre), learners with pre = 100 left out of that mean), and one row per learner.
// NOTE: pre = the first submitted pre-test attempt; post = the post-test grade by the course's rule (highest | last).
// The period filter applies to the learner's latest post-test submission.
import type { Db } from '#server/db/db.ts';
import { gainOf, gradeOf } from './grading.ts';

export interface KnowledgeFilter {
  organisationId?: string;
  from?: Date;
  to?: Date;
  courseIds?: string[];
}

export interface LearnerChange {
  enrolmentId: string;
  accountId: string;
  pre: number;
  post: number;
  rawGain: number;
  normalisedGain: number | null;
}

export interface CourseChange {
  courseId: string;
  slug: string;
  learners: number;
  meanPre: number | null;
  meanPost: number | null;
  meanRawGain: number | null;
  meanNormalisedGain: number | null;
  rows: LearnerChange[];
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

async function submittedTests(db: Db, f: KnowledgeFilter) {
  let q = db
    .selectFrom('quizAttempt')
    .innerJoin('quiz', 'quiz.id', 'quizAttempt.quizId')
    .innerJoin('courseEnrolment', 'courseEnrolment.id', 'quizAttempt.enrolmentId')
    .innerJoin('course', 'course.id', 'courseEnrolment.courseId')
    .select(['course.id as courseId', 'course.slug', 'course.grading', 'courseEnrolment.id as enrolmentId', 'courseEnrolment.accountId', 'quiz.role', 'quizAttempt.number', 'quizAttempt.percent', 'quizAttempt.submittedAt'])
    .where('quizAttempt.status', '=', 'submitted')
    .where('quiz.role', 'in', ['pre_test', 'post_test']);
  if (f.organisationId) q = q.where('course.organisationId', '=', f.organisationId);
  if (f.courseIds) q = f.courseIds.length ? q.where('course.id', 'in', f.courseIds) : q.where((eb) => eb.val(false));
  return q.orderBy('course.slug').orderBy('courseEnrolment.id').orderBy('quizAttempt.number').execute();
}
type TestRow = Awaited<ReturnType<typeof submittedTests>>[number];

function learnerChange(rows: TestRow[], f: KnowledgeFilter): LearnerChange | null {
  const pre = rows.find((r) => r.role === 'pre_test');
  const posts = rows.filter((r) => r.role === 'post_test');
  const latest = posts.at(-1);
  if (!pre || !latest) return null;
  if ((f.from && latest.submittedAt! < f.from) || (f.to && latest.submittedAt! >= f.to)) return null;
  const post = gradeOf(posts.map((p) => ({ number: p.number, percent: p.percent ?? 0 })), latest.grading)!;
  const { rawGain, normalisedGain } = gainOf(pre.percent ?? 0, post);
  return { enrolmentId: latest.enrolmentId, accountId: latest.accountId, pre: pre.percent ?? 0, post, rawGain: rawGain!, normalisedGain };
}

/** The knowledge change of each course with at least one learner who took both tests. */
export async function courseKnowledgeChange(db: Db, f: KnowledgeFilter = {}): Promise<CourseChange[]> {
  const byEnrolment = Map.groupBy(await submittedTests(db, f), (r) => r.enrolmentId);
  const byCourse = new Map<string, CourseChange>();
  for (const rows of byEnrolment.values()) {
    const change = learnerChange(rows, f);
    if (!change) continue;
    const { courseId, slug } = rows[0]!;
    const course = byCourse.get(courseId) ?? { courseId, slug, learners: 0, meanPre: null, meanPost: null, meanRawGain: null, meanNormalisedGain: null, rows: [] };
    course.rows.push(change);
    byCourse.set(courseId, course);
  }
  return [...byCourse.values()].map((c) => ({
    ...c,
    learners: c.rows.length,
    meanPre: mean(c.rows.map((r) => r.pre)),
    meanPost: mean(c.rows.map((r) => r.post)),
    meanRawGain: mean(c.rows.map((r) => r.rawGain)),
    meanNormalisedGain: mean(c.rows.flatMap((r) => (r.normalisedGain === null ? [] : [r.normalisedGain]))),
  }));
}
