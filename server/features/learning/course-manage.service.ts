// Organisers' use cases: their organisation's courses, publishing and the simple settings (pass mark, attempts,
// grading), and the learners' report with the knowledge change (viewing and exporting it is audited).
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { csvRecord } from '#server/lib/spreadsheet-safe.ts';
import type { Grading } from '#shared/learning/course-content.schema.ts';
import type { CourseReport, CourseSettings, ManagedCourse } from '#shared/learning/learning.schema.ts';
import { pickTexts } from './course-texts.ts';
import { courseLearners, organisationCourses, preTestIds, updateCourseRow, type ManagedRow } from './course-manage.queries.ts';
import { isCourseManager, mayManageCourse } from './course.policy.ts';
import { courseKnowledgeChange } from './learning-figures.ts';
import { attemptsOf, courseTexts, moduleCounts } from './learning.queries.ts';

function organisationOf(ctx: Ctx): string {
  const actor = actorOf(ctx);
  if (!isCourseManager(actor)) throw new AppError('forbidden', 'Only trainers, coordinators and admins manage courses.');
  return actor.organisationId!;
}

async function present(ctx: Ctx, rows: ManagedRow[], lang: string): Promise<ManagedCourse[]> {
  const texts = await courseTexts(ctx.db, rows.map((r) => r.id), false);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: pickTexts(texts, r.id, lang, r.sourceLanguage).title,
    status: r.status as ManagedCourse['status'],
    passMark: r.passMark,
    maxAttempts: r.maxAttempts,
    grading: r.grading as Grading,
    version: r.version,
    learners: Number(r.learners),
    passed: Number(r.passed),
  }));
}

/** The courses of the actor's organisation, drafts too. */
export async function listManagedCourses(ctx: Ctx, lang: string): Promise<{ courses: ManagedCourse[] }> {
  return { courses: await present(ctx, await organisationCourses(ctx.db, organisationOf(ctx)), lang) };
}

/** One course the actor manages; another organisation's is "not found". */
async function managedCourse(ctx: Ctx, id: string, lang: string): Promise<ManagedCourse & { organisationId: string }> {
  const [row] = await organisationCourses(ctx.db, organisationOf(ctx), id);
  if (!row || !mayManageCourse(ctx.actor, row.organisationId)) throw new AppError('not_found', 'No such course.');
  return { ...(await present(ctx, [row], lang))[0]!, organisationId: row.organisationId };
}

async function change(ctx: Ctx, id: string, version: number, values: Parameters<typeof updateCourseRow>[3], action: 'course.settings_changed' | 'course.published' | 'course.unpublished', lang: string): Promise<ManagedCourse> {
  const course = await managedCourse(ctx, id, lang);
  const saved = await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateCourseRow(trx, id, version, values, ctx.now))) return false;
    await recordAudit(ctx, trx, { action, entityType: 'course', entityId: id, organisationId: course.organisationId, details: { fields: Object.keys(values) } });
    return true;
  });
  const { organisationId: _o, ...fresh } = await managedCourse(ctx, id, lang);
  if (!saved) throw new AppError('conflict', 'Someone else changed this course in the meantime.', { current: fresh });
  return fresh;
}

/** Changes the pass mark, the attempts allowed and the grading rule. */
export async function changeCourseSettings(ctx: Ctx, id: string, input: CourseSettings, lang: string): Promise<ManagedCourse> {
  const { version, ...values } = input;
  return change(ctx, id, version, values, 'course.settings_changed', lang);
}

/** Publishes a course to learners, or takes it back to draft (enrolments are kept). */
export async function changeCourseStatus(ctx: Ctx, id: string, input: { status: 'draft' | 'published'; version: number }, lang: string): Promise<ManagedCourse> {
  return change(ctx, id, input.version, { status: input.status }, input.status === 'published' ? 'course.published' : 'course.unpublished', lang);
}

async function buildReport(ctx: Ctx, course: ManagedCourse & { organisationId: string }): Promise<CourseReport> {
  const [learners, counts, [change]] = await Promise.all([courseLearners(ctx.db, course.id), moduleCounts(ctx.db, [course.id]), courseKnowledgeChange(ctx.db, { courseIds: [course.id] })]);
  const [attempts, preTests] = await Promise.all([attemptsOf(ctx.db, learners.map((l) => l.id)), preTestIds(ctx.db, course.id)]);
  // NOTE: the pre-test counts its first submitted attempt, as in the knowledge change (learning-figures.ts).
  const firstPre = (enrolmentId: string) => attempts.find((a) => a.enrolmentId === enrolmentId && a.status === 'submitted' && preTests.has(a.quizId))?.percent ?? null;
  const { organisationId: _o, ...summaryCourse } = course;
  return {
    course: summaryCourse,
    summary: { learners: change?.learners ?? 0, meanPre: change?.meanPre ?? null, meanPost: change?.meanPost ?? null, meanRawGain: change?.meanRawGain ?? null, meanNormalisedGain: change?.meanNormalisedGain ?? null },
    learners: learners.map((l) => {
      const gain = change?.rows.find((r) => r.enrolmentId === l.id);
      const quizzesDone = new Set(attempts.filter((a) => a.enrolmentId === l.id && a.status === 'submitted').map((a) => a.quizId)).size;
      return {
        enrolmentId: l.id,
        name: l.name,
        startedAt: l.startedAt,
        done: l.progress.done.length + quizzesDone,
        total: counts.get(course.id) ?? 0,
        completedAt: l.completedAt,
        passedAt: l.passedAt,
        pre: gain?.pre ?? firstPre(l.id),
        post: gain?.post ?? null,
        rawGain: gain?.rawGain ?? null,
        normalisedGain: gain?.normalisedGain ?? null,
      };
    }),
  };
}

/** The learners' progress and knowledge change; the reading is audited (it names people). */
export async function courseReport(ctx: Ctx, id: string, lang: string, action: 'course.learners_viewed' | 'course.learners_exported' = 'course.learners_viewed'): Promise<CourseReport> {
  const course = await managedCourse(ctx, id, lang);
  const report = await buildReport(ctx, course);
  await ctx.db.transaction().execute((trx) => recordAudit(ctx, trx, { action, entityType: 'course', entityId: id, organisationId: course.organisationId, details: { learners: report.learners.length } }));
  return report;
}

const HEADER = ['name', 'started_at', 'modules_done', 'modules', 'completed_at', 'passed_at', 'pre_test_percent', 'post_test_percent', 'raw_gain', 'normalised_gain'];

/** The same report as CSV, every cell defused against formula injection. */
export async function courseReportCsv(ctx: Ctx, id: string, lang: string): Promise<{ slug: string; csv: string }> {
  const report = await courseReport(ctx, id, lang, 'course.learners_exported');
  const iso = (d: Date | null) => d?.toISOString() ?? '';
  const rows = report.learners.map((l) => csvRecord([l.name, iso(l.startedAt), l.done, l.total, iso(l.completedAt), iso(l.passedAt), l.pre, l.post, l.rawGain, l.normalisedGain === null ? null : Math.round(l.normalisedGain * 1000) / 1000]));
  return { slug: report.course.slug, csv: csvRecord(HEADER) + rows.join('') };
}
