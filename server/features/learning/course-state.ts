// Where a learner stands in a course, pure: which modules are done, each quiz's attempts and grade, whether the
// course is completed and passed, and the knowledge change. NOTE: the pre-test counts its FIRST submitted attempt
// only (what the learner knew before the course); the post-test counts by the course's grading rule.
import type { QuizState } from '#shared/learning/learning.schema.ts';
import { gainOf, gradeOf } from './grading.ts';
import type { AttemptSummary, CourseRow, ModuleRow } from './learning.queries.ts';

export interface Standing {
  done: Set<string>;
  attempts: AttemptSummary[];
}

const submittedOf = (attempts: AttemptSummary[], quizId: string | null) =>
  attempts.filter((a) => a.quizId === quizId && a.status === 'submitted').map((a) => ({ id: a.id, number: a.number, percent: a.percent ?? 0 }));

/** The grade a quiz counts with: the first attempt for a pre-test, else by the grading rule. */
export function quizGrade(course: Pick<CourseRow, 'grading'>, module: Pick<ModuleRow, 'quizId' | 'role'>, attempts: AttemptSummary[]): number | null {
  const submitted = submittedOf(attempts, module.quizId);
  if (module.role === 'pre_test') return submitted.length ? submitted.sort((a, b) => a.number - b.number)[0]!.percent : null;
  return gradeOf(submitted, course.grading);
}

export function isModuleDone(module: ModuleRow, s: Standing): boolean {
  return module.kind === 'quiz' ? submittedOf(s.attempts, module.quizId).length > 0 : s.done.has(module.key);
}

export function quizStateOf(course: CourseRow, module: ModuleRow, s: Standing, intro: string | null): QuizState {
  const own = s.attempts.filter((a) => a.quizId === module.quizId);
  const submitted = submittedOf(s.attempts, module.quizId);
  return {
    id: module.quizId!,
    role: module.role as QuizState['role'],
    intro,
    attemptsUsed: own.length,
    attemptsLeft: course.maxAttempts === null ? null : Math.max(0, course.maxAttempts - own.length),
    openAttemptId: own.find((a) => a.status === 'in_progress')?.id ?? null,
    lastAttemptId: submitted.at(-1)?.id ?? null,
    grade: quizGrade(course, module, s.attempts),
  };
}

/** Completed: every module done. Passed: completed and the post-test's grade at or above the pass mark. */
export function completionOf(course: CourseRow, modules: ModuleRow[], s: Standing): { completed: boolean; passed: boolean; postGrade: number | null } {
  const completed = modules.every((m) => isModuleDone(m, s));
  const post = modules.find((m) => m.role === 'post_test');
  const postGrade = post ? quizGrade(course, post, s.attempts) : null;
  return { completed, passed: completed && postGrade !== null && postGrade >= course.passMark, postGrade };
}

export function knowledgeOf(course: CourseRow, modules: ModuleRow[], s: Standing) {
  const pre = modules.find((m) => m.role === 'pre_test');
  const post = modules.find((m) => m.role === 'post_test');
  const preGrade = pre ? quizGrade(course, pre, s.attempts) : null;
  const postGrade = post ? quizGrade(course, post, s.attempts) : null;
  return { pre: preGrade, post: postGrade, ...gainOf(preGrade, postGrade) };
}
