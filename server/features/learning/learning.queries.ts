// Kysely for learners: published courses and their parts, enrolments, quiz attempts (started, answered and submitted
// by guarded statements) and the xAPI-shaped learning events. No rules here (learner.service.ts decides).
import { sql, type Transaction } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import type { CourseTexts } from '#server/db/schema-learning.ts';
import type { QuestionRow } from './grading.ts';

type Executor = Db | Transaction<Database>;

const COURSE_COLUMNS = ['id', 'slug', 'organisationId', 'status', 'sourceLanguage', 'passMark', 'maxAttempts', 'grading', 'certificateEnabled', 'version'] as const;

export async function publishedCourses(db: Executor) {
  return db.selectFrom('course').select(COURSE_COLUMNS).where('status', '=', 'published').orderBy('slug').execute();
}
export type CourseRow = Awaited<ReturnType<typeof publishedCourses>>[number];

export async function findCourse(db: Executor, where: { slug: string } | { id: string }, publishedOnly = true): Promise<CourseRow | undefined> {
  let q = db.selectFrom('course').select(COURSE_COLUMNS);
  q = 'slug' in where ? q.where('slug', '=', where.slug) : q.where('id', '=', where.id);
  if (publishedOnly) q = q.where('status', '=', 'published');
  return q.executeTakeFirst();
}

export interface TextRow {
  courseId: string;
  language: string;
  title: string;
  summary: string;
  texts: CourseTexts;
}

export async function courseTexts(db: Executor, courseIds: string[], withBodies = true): Promise<TextRow[]> {
  if (courseIds.length === 0) return [];
  const texts = withBodies ? sql<CourseTexts>`texts` : sql<CourseTexts>`'{}'::jsonb`;
  return db.selectFrom('courseText').select(['courseId', 'language', 'title', 'summary', texts.as('texts')]).where('courseId', 'in', courseIds).execute();
}

export async function courseModules(db: Executor, courseId: string) {
  return db
    .selectFrom('courseModule')
    .leftJoin('quiz', 'quiz.id', 'courseModule.quizId')
    .select(['courseModule.key', 'courseModule.kind', 'courseModule.chapterRef', 'courseModule.quizId', 'quiz.role', 'quiz.shuffle', 'quiz.questionKeys'])
    .where('courseModule.courseId', '=', courseId)
    .orderBy('courseModule.position')
    .execute();
}
export type ModuleRow = Awaited<ReturnType<typeof courseModules>>[number];

/** The number of modules of each course (for progress in lists). */
export async function moduleCounts(db: Executor, courseIds: string[]): Promise<Map<string, number>> {
  if (courseIds.length === 0) return new Map();
  const rows = await db.selectFrom('courseModule').select(['courseId', (eb) => eb.fn.countAll<number>().as('n')]).where('courseId', 'in', courseIds).groupBy('courseId').execute();
  return new Map(rows.map((r) => [r.courseId, Number(r.n)]));
}

export async function questionsOf(db: Executor, courseId: string, keys: string[]): Promise<QuestionRow[]> {
  if (keys.length === 0) return [];
  return db.selectFrom('quizQuestion').select(['key', 'kind', 'options', 'correct', 'points']).where('courseId', '=', courseId).where('key', 'in', keys).execute();
}

export async function findQuiz(db: Executor, quizId: string) {
  return db.selectFrom('quiz').select(['id', 'courseId', 'key', 'role', 'shuffle', 'questionKeys']).where('id', '=', quizId).executeTakeFirst();
}

const ENROLMENT_COLUMNS = ['id', 'courseId', 'accountId', 'startedAt', 'completedAt', 'passedAt', 'progress', 'version'] as const;

export async function enrolmentOf(db: Executor, courseId: string, accountId: string) {
  return db.selectFrom('courseEnrolment').select(ENROLMENT_COLUMNS).where('courseId', '=', courseId).where('accountId', '=', accountId).executeTakeFirst();
}
export type EnrolmentRow = NonNullable<Awaited<ReturnType<typeof enrolmentOf>>>;

export async function enrolmentsOfAccount(db: Executor, accountId: string) {
  return db.selectFrom('courseEnrolment').select(ENROLMENT_COLUMNS).where('accountId', '=', accountId).orderBy('updatedAt', 'desc').execute();
}

/** The enrolment, created when missing (one per course and account: the unique constraint settles a race). */
export async function ensureEnrolment(trx: Transaction<Database>, courseId: string, accountId: string, at: Date): Promise<{ enrolment: EnrolmentRow; created: boolean }> {
  const inserted = await trx
    .insertInto('courseEnrolment')
    .values({ courseId, accountId, startedAt: at, updatedAt: at })
    .onConflict((oc) => oc.columns(['courseId', 'accountId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  const enrolment = await trx.selectFrom('courseEnrolment').select(ENROLMENT_COLUMNS).where('courseId', '=', courseId).where('accountId', '=', accountId).forUpdate().executeTakeFirstOrThrow();
  return { enrolment, created: !!inserted };
}

/** Adds a module key to the enrolment's done list, once. */
export async function markDone(trx: Transaction<Database>, enrolmentId: string, key: string, at: Date): Promise<void> {
  await trx
    .updateTable('courseEnrolment')
    .set({
      progress: sql`jsonb_build_object('done', (progress->'done') || ${JSON.stringify([key])}::jsonb)`,
      updatedAt: at,
      version: sql`version + 1`,
    })
    .where('id', '=', enrolmentId)
    .where(sql<boolean>`not (progress->'done') ? ${key}`)
    .execute();
}

export async function setCompletion(trx: Transaction<Database>, enrolmentId: string, o: { completed: boolean; passed: boolean }, at: Date): Promise<void> {
  await trx
    .updateTable('courseEnrolment')
    .set({
      completedAt: o.completed ? sql`coalesce(completed_at, ${at})` : sql`completed_at`,
      passedAt: o.passed ? sql`coalesce(passed_at, ${at})` : sql`passed_at`,
      updatedAt: at,
      version: sql`version + 1`,
    })
    .where('id', '=', enrolmentId)
    .execute();
}

const ATTEMPT_COLUMNS = ['quizAttempt.id', 'quizAttempt.quizId', 'quizAttempt.enrolmentId', 'quizAttempt.number', 'quizAttempt.status', 'quizAttempt.percent', 'quizAttempt.submittedAt'] as const;

export async function attemptsOf(db: Executor, enrolmentIds: string[]) {
  if (enrolmentIds.length === 0) return [];
  return db.selectFrom('quizAttempt').select(ATTEMPT_COLUMNS).where('enrolmentId', 'in', enrolmentIds).orderBy('number').execute();
}
export type AttemptSummary = Awaited<ReturnType<typeof attemptsOf>>[number];

export async function insertAttempt(trx: Transaction<Database>, v: { quizId: string; enrolmentId: string; number: number; questionOrder: string[]; at: Date }): Promise<string> {
  const row = await trx
    .insertInto('quizAttempt')
    .values({ quizId: v.quizId, enrolmentId: v.enrolmentId, number: v.number, questionOrder: JSON.stringify(v.questionOrder), startedAt: v.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One attempt with its owner; `lock` takes the row for the submitting transaction. */
export async function findAttempt(db: Executor, attemptId: string, lock = false) {
  let q = db
    .selectFrom('quizAttempt')
    .innerJoin('courseEnrolment', 'courseEnrolment.id', 'quizAttempt.enrolmentId')
    .select([...ATTEMPT_COLUMNS, 'quizAttempt.questionOrder', 'quizAttempt.answers', 'quizAttempt.score', 'quizAttempt.maxScore', 'courseEnrolment.accountId', 'courseEnrolment.courseId'])
    .where('quizAttempt.id', '=', attemptId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type AttemptRow = NonNullable<Awaited<ReturnType<typeof findAttempt>>>;

/** Saves one answer while the attempt is open; false when it was submitted in the meantime. */
export async function saveAnswer(db: Executor, attemptId: string, questionKey: string, answer: unknown): Promise<boolean> {
  const result = await db
    .updateTable('quizAttempt')
    .set({ answers: sql`answers || jsonb_build_object(${questionKey}::text, ${JSON.stringify(answer)}::jsonb)` })
    .where('id', '=', attemptId)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Closes the attempt with its grade; false when another submission closed it first. */
export async function closeAttempt(trx: Transaction<Database>, attemptId: string, g: { score: number; maxScore: number; percent: number }, at: Date): Promise<boolean> {
  const result = await trx
    .updateTable('quizAttempt')
    .set({ status: 'submitted', submittedAt: at, score: g.score, maxScore: g.maxScore, percent: g.percent })
    .where('id', '=', attemptId)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordLearningEvent(db: Executor, e: { accountId: string; courseId: string; verb: string; objectType: string; objectId: string; result?: Record<string, unknown>; at: Date }): Promise<void> {
  const { result, ...rest } = e;
  await db.insertInto('learningEvent').values({ ...rest, result: result ? JSON.stringify(result) : null }).execute();
}
