// Demo course history (issue 11): ten fictional professionals who took the first course in the past weeks, each step
// through the learners' own use cases (pre-test, lessons and chapters, post-test, certificate) with the clock set to
// the time of that step, so the course report, the knowledge change and the course certificates are not empty.
// Answers are picked by index, never at random: every seed gives the same scores. A learner who is enrolled already,
// or whose account is missing (a database seeded before the learners were added), is left alone.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { issueCourseCertificate } from '#server/features/certificates/certificate-course.service.ts';
import { answerQuestion, startAttempt, submitAttempt } from '#server/features/learning/attempt.service.ts';
import { viewCourse } from '#server/features/learning/course-read.service.ts';
import type { QuestionRow } from '#server/features/learning/grading.ts';
import { markModuleDone } from '#server/features/learning/progress.service.ts';
import type { Actor } from '#server/http/access.ts';
import { isRole } from '#shared/auth/roles.ts';
import type { Answer } from '#shared/learning/learning.schema.ts';
import { DEMO_LEARNERS } from './demo-data.ts';
import { courseQuestions, findDemoLearners } from './demo.queries.ts';

export const DEMO_COURSE = 'identification-first-response';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface History {
  /** Days before the seed on which they took the pre-test. */
  startedDaysAgo: number;
  /** Per cent of the pre-test answered right. */
  pre: number;
  /** Lessons and chapters marked done: all, or the first n. */
  read: 'all' | number;
  /** Days spent reading, from the pre-test to the first post-test. */
  days: number;
  /** Per cent of each post-test attempt answered right (attempts two days apart). */
  posts: number[];
}

// NOTE: the course's pass mark is 70 % over 15 questions, so 67 % (10 right) fails and 73 % (11 right) passes. Seven
// pass (one at the second attempt), one failed and has not tried again, two are still reading.
const HISTORIES: Record<string, History> = {
  'alexandra.neagu': { startedDaysAgo: 34, pre: 40, read: 'all', days: 9, posts: [87] },
  'vlad.tanase': { startedDaysAgo: 31, pre: 53, read: 'all', days: 6, posts: [80] },
  'raluca.georgescu': { startedDaysAgo: 29, pre: 33, read: 'all', days: 10, posts: [60, 80] },
  'catalina.preda': { startedDaysAgo: 26, pre: 60, read: 'all', days: 5, posts: [93] },
  'sorin.manea': { startedDaysAgo: 23, pre: 47, read: 'all', days: 8, posts: [67] },
  'oana.balan': { startedDaysAgo: 19, pre: 67, read: 'all', days: 4, posts: [100] },
  'gabriel.dinu': { startedDaysAgo: 12, pre: 40, read: 5, days: 6, posts: [] },
  'marit.lunde': { startedDaysAgo: 24, pre: 47, read: 'all', days: 7, posts: [73] },
  'henrik.aas': { startedDaysAgo: 16, pre: 53, read: 'all', days: 6, posts: [87] },
  'ingvild.bakke': { startedDaysAgo: 8, pre: 33, read: 3, days: 5, posts: [] },
};

type LearnerRow = Awaited<ReturnType<typeof findDemoLearners>>[number];

function learnerActor(row: LearnerRow): Actor {
  const roles = (row.roles ?? []).filter(isRole);
  return { accountId: row.id, sessionId: 'demo-seed', email: row.email, displayName: row.displayName ?? '', language: row.language, isPlatformAdmin: false, organisationId: row.organisationId, roles, fullySignedIn: true, twoFactorEnabled: false, twoFactorRequired: false };
}

/** The right answer, or a plausible wrong one: another option, one option missed, two pairs swapped. */
export function answerOf(q: Pick<QuestionRow, 'kind' | 'options' | 'correct'>, right: boolean): Answer {
  if (q.kind === 'true_false') return right ? (q.correct as boolean) : !q.correct;
  if (q.kind === 'matching') {
    const pairs = { ...(q.correct as Record<string, string>) };
    const [a, b] = Object.keys(pairs);
    if (!right && a && b) [pairs[a], pairs[b]] = [pairs[b]!, pairs[a]!];
    return pairs;
  }
  const correct = q.correct as string[];
  if (q.kind === 'multiple') return right ? correct : correct.slice(0, -1);
  return right ? correct[0]! : (q.options as string[]).find((o) => o !== correct[0])!;
}

const byKey = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Takes one attempt answering `percent` of it right; `offset` turns which questions those are. Answers its end. */
async function takeQuiz(ctx: Ctx, quizId: string, percent: number, offset: number, questions: Map<string, QuestionRow>, lang: string): Promise<Date> {
  const attempt = await startAttempt(ctx, quizId, lang);
  const keys = attempt.questions.map((q) => q.key);
  const sorted = keys.toSorted(byKey);
  const rightCount = Math.round((percent * keys.length) / 100);
  for (const [i, key] of keys.entries()) {
    const right = (sorted.indexOf(key) + offset) % keys.length < rightCount;
    await answerQuestion({ ...ctx, now: new Date(ctx.now.getTime() + (i + 1) * MINUTE) }, attempt.id, key, answerOf(questions.get(key)!, right));
  }
  const end = new Date(ctx.now.getTime() + (keys.length + 2) * MINUTE);
  await submitAttempt({ ...ctx, now: end }, attempt.id, lang);
  return end;
}

/** One learner's history, from `start` (the pre-test) on; n turns their answers and their hour. */
async function seedHistory(base: Ctx, h: History, n: number, questions: Map<string, QuestionRow>): Promise<boolean> {
  const lang = base.actor?.language ?? 'en';
  const course = await viewCourse(base, DEMO_COURSE, lang);
  const quiz = (role: string) => course.modules.find((m) => m.quiz?.role === role)?.quiz?.id;
  const [pre, post] = [quiz('pre_test'), quiz('post_test')];
  if (course.enrolled || !pre || !post) return false;
  const day = Date.UTC(base.now.getUTCFullYear(), base.now.getUTCMonth(), base.now.getUTCDate());
  const start = day - h.startedDaysAgo * DAY + 8 * HOUR + n * 41 * MINUTE;
  const at = (time: number): Ctx => ({ ...base, now: new Date(time) });
  await takeQuiz(at(start), pre, h.pre, n * 4, questions, lang);
  const parts = course.modules.filter((m) => m.kind !== 'quiz');
  const read = h.read === 'all' ? parts : parts.slice(0, h.read);
  for (const [k, part] of read.entries()) {
    await markModuleDone(at(start + Math.floor((k * h.days) / parts.length) * DAY + 30 * MINUTE + k * 12 * MINUTE), DEMO_COURSE, part.key, lang);
  }
  let end = start;
  for (const [j, percent] of h.posts.entries()) {
    end = (await takeQuiz(at(start + (h.days + 2 * j) * DAY + 4 * HOUR), post, percent, n * 4 + 5 * (j + 1), questions, lang)).getTime();
  }
  const after = await viewCourse(base, DEMO_COURSE, lang);
  // NOTE: what the course page's certificate button asks for, a few minutes after passing.
  if (after.passedAt && after.certificateEnabled && after.enrolmentId) await issueCourseCertificate(at(end + 5 * MINUTE), after.enrolmentId);
  return true;
}

/** Seeds the demo learners' history of the first course; idempotent, quiet when the course or learners are missing. */
export async function seedDemoCourseHistory(ctx: Ctx): Promise<number> {
  const questions = new Map((await courseQuestions(ctx.db, DEMO_COURSE)).map((q) => [q.key, q]));
  if (questions.size === 0) return 0;
  const rows = await findDemoLearners(ctx.db, DEMO_LEARNERS.map((l) => l.email));
  let seeded = 0;
  for (const [n, learner] of DEMO_LEARNERS.entries()) {
    const row = rows.find((r) => r.email === learner.email);
    const history = HISTORIES[learner.email.split('@')[0]!];
    if (!row || !history) continue;
    try {
      if (await seedHistory({ ...ctx, actor: learnerActor(row) }, history, n, questions)) seeded++;
    } catch (error) {
      // NOTE: as with the demo courses, a course that no longer fits this history must not stop the platform starting.
      if (!(error instanceof AppError)) throw error;
      ctx.log.error({ learner: n, code: error.code }, 'demo course history not seeded');
    }
  }
  if (seeded > 0) ctx.log.info({ learners: seeded }, 'demo course history seeded');
  return seeded;
}
