// Learners' reading of courses: the published list with their progress, one course page (modules, quiz states,
// results and knowledge change) and the home page's "continue your course".
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import type { Grading } from '#shared/learning/course-content.schema.ts';
import type { Continue, CourseList, CourseView } from '#shared/learning/learning.schema.ts';
import { completionOf, isModuleDone, knowledgeOf, quizStateOf, type Standing } from './course-state.ts';
import { moduleTitle, pickTexts } from './course-texts.ts';
import { attemptsOf, courseModules, courseTexts, enrolmentOf, enrolmentsOfAccount, findCourse, moduleCounts, publishedCourses, type CourseRow, type EnrolmentRow } from './learning.queries.ts';

export async function standingOf(ctx: Ctx, enrolment: EnrolmentRow | undefined): Promise<Standing> {
  if (!enrolment) return { done: new Set(), attempts: [] };
  return { done: new Set(enrolment.progress.done), attempts: await attemptsOf(ctx.db, [enrolment.id]) };
}

/** Published courses in the reader's language, each with the actor's progress. */
export async function listCourses(ctx: Ctx, lang: string): Promise<CourseList> {
  const actor = actorOf(ctx);
  const courses = await publishedCourses(ctx.db);
  const ids = courses.map((c) => c.id);
  const [texts, counts, enrolments] = await Promise.all([courseTexts(ctx.db, ids, false), moduleCounts(ctx.db, ids), enrolmentsOfAccount(ctx.db, actor.accountId)]);
  const attempts = await attemptsOf(ctx.db, enrolments.map((e) => e.id));
  return {
    courses: courses.map((c) => {
      const e = enrolments.find((x) => x.courseId === c.id);
      const quizzesDone = new Set(attempts.filter((a) => a.enrolmentId === e?.id && a.status === 'submitted').map((a) => a.quizId)).size;
      const t = pickTexts(texts, c.id, lang, c.sourceLanguage);
      const progress = { started: !!e, done: (e?.progress.done.length ?? 0) + quizzesDone, total: counts.get(c.id) ?? 0, completed: !!e?.completedAt, passed: !!e?.passedAt };
      return { id: c.id, slug: c.slug, title: t.title, summary: t.summary, language: t.language, progress };
    }),
  };
}

export async function publishedCourse(ctx: Ctx, slug: string): Promise<CourseRow> {
  const course = await findCourse(ctx.db, { slug });
  if (!course) throw new AppError('not_found', 'No such course.');
  return course;
}

/** One course as its learner sees it. */
export async function viewCourse(ctx: Ctx, slug: string, lang: string): Promise<CourseView> {
  const course = await publishedCourse(ctx, slug);
  const [rows, modules, enrolment] = await Promise.all([courseTexts(ctx.db, [course.id]), courseModules(ctx.db, course.id), enrolmentOf(ctx.db, course.id, actorOf(ctx).accountId)]);
  const t = pickTexts(rows, course.id, lang, course.sourceLanguage);
  const standing = await standingOf(ctx, enrolment);
  return {
    id: course.id,
    slug: course.slug,
    title: t.title,
    summary: t.summary,
    language: t.language,
    passMark: course.passMark,
    maxAttempts: course.maxAttempts,
    grading: course.grading as Grading,
    certificateEnabled: course.certificateEnabled,
    enrolled: !!enrolment,
    enrolmentId: enrolment?.id ?? null,
    completedAt: enrolment?.completedAt ?? null,
    passedAt: enrolment?.passedAt ?? null,
    modules: modules.map((m) => ({
      key: m.key,
      kind: m.kind as 'lesson' | 'chapter' | 'quiz',
      title: moduleTitle(t.texts, m.key, m.kind),
      done: isModuleDone(m, standing),
      chapterPath: m.chapterRef,
      lessonHtml: m.kind === 'lesson' ? (t.texts.lessons[m.key]?.html ?? null) : null,
      quiz: m.kind === 'quiz' ? quizStateOf(course, m, standing, t.texts.quizzes[m.key]?.intro ?? null) : null,
    })),
    knowledge: knowledgeOf(course, modules, standing),
  };
}

/** The actor's most recently active course not yet completed, for the home page; null when there is none. */
export async function continueCourse(ctx: Ctx, lang: string): Promise<Continue> {
  const enrolments = (await enrolmentsOfAccount(ctx.db, actorOf(ctx).accountId)).filter((e) => !e.completedAt);
  for (const e of enrolments) {
    const course = await findCourse(ctx.db, { id: e.courseId });
    if (!course) continue;
    const modules = await courseModules(ctx.db, course.id);
    const standing = await standingOf(ctx, e);
    if (completionOf(course, modules, standing).completed) continue;
    const t = pickTexts(await courseTexts(ctx.db, [course.id], false), course.id, lang, course.sourceLanguage);
    return { course: { slug: course.slug, title: t.title, done: modules.filter((m) => isModuleDone(m, standing)).length, total: modules.length } };
  }
  return { course: null };
}
