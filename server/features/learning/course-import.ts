// Imports courses from content/courses/<slug>/ (course.json and en/ro/nb.json): all or nothing per course, refused
// with the path of each problem (a correct answer that is not an option, a missing translation, an unknown chapter).
// Lesson Markdown is rendered here, once, so reading a lesson never renders. NOTE: inline, not in the worker pool:
// these are the operator's own files read at start-up or by the CLI, never a request's input, and the pool's start-up
// cost more than the rendering (seconds on the demo seed).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import type { CourseTexts } from '#server/db/schema-learning.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { renderMarkdown } from '#server/features/library/markdown.ts';
import { COURSE_LANGUAGES, CourseFileSchema, CourseLanguageFileSchema, type CourseFile, type CourseLanguageFile } from '#shared/learning/course-content.schema.ts';
import { checkCourse } from './course-check.ts';
import { courseIdBySlug, firstOrganisation, libraryChapterRefs, publicationOwner, replaceStructure, upsertCourse, upsertCourseText } from './course-import.queries.ts';

// NOTE: from this file's place, as the library's content is, not from the working directory (a server started
// elsewhere, e.g. from a private web build, would find no courses).
export const COURSES_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../content/courses');

export interface CourseFiles {
  course: CourseFile;
  languages: Partial<Record<string, CourseLanguageFile>>;
}

async function readJson<T>(file: string, label: string, schema: z.ZodType<T>, problems: Record<string, string>): Promise<T | null> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    problems[label] = 'Missing file';
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    problems[label] = 'Not valid JSON';
    return null;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) problems[[label, ...issue.path.map(String)].join('.')] = issue.message;
  return null;
}

function refuse(problems: Record<string, string>): never {
  throw new AppError('invalid', 'The course files are not valid.', { fields: problems });
}

/** Reads and checks one course folder; throws AppError('invalid') with every problem found. */
export async function readCourseFiles(dir: string, chapters: ReadonlySet<string>): Promise<CourseFiles> {
  const problems: Record<string, string> = {};
  const course = await readJson(path.join(dir, 'course.json'), 'course.json', CourseFileSchema, problems);
  const languages: CourseFiles['languages'] = {};
  for (const lang of COURSE_LANGUAGES) {
    const file = await readJson(path.join(dir, `${lang}.json`), `${lang}.json`, CourseLanguageFileSchema, problems);
    if (file) languages[lang] = file;
  }
  if (!course) refuse(problems);
  Object.assign(problems, Object.fromEntries(Object.entries(checkCourse(course, languages, chapters)).filter(([k]) => !(k in problems))));
  if (Object.keys(problems).length > 0) refuse(problems);
  return { course, languages };
}

function lessonHtml(body: string, id: string, at: string): string {
  try {
    // NOTE: a lesson sits under its module's h3 on the course page (h1 course, h2 its parts), so its headings start at h4.
    return renderMarkdown(body, `lesson-${id}`, 4);
  } catch {
    throw new AppError('invalid', 'The course files are not valid.', { fields: { [at]: 'Too complex to display: nesting too deep' } });
  }
}

function textsOf(course: CourseFile, lang: string, file: CourseLanguageFile): CourseTexts {
  const lessons: CourseTexts['lessons'] = {};
  for (const m of course.modules) {
    const lesson = m.kind === 'lesson' ? file.lessons[m.id] : undefined;
    if (lesson) lessons[m.id] = { ...lesson, html: lessonHtml(lesson.body, m.id, `${lang}.json.lessons.${m.id}.body`) };
  }
  return { lessons, modules: file.modules, quizzes: file.quizzes, questions: file.questions };
}

async function ownerOf(trx: Transaction<Database>, course: CourseFile, organisationId?: string): Promise<string> {
  if (organisationId) return organisationId;
  const chapter = course.modules.find((m) => m.kind === 'chapter');
  const owner = (chapter && (await publicationOwner(trx, chapter.chapter.split('/')[0]!))) ?? (await firstOrganisation(trx));
  if (!owner) throw new AppError('invalid', 'Create an organisation before importing courses.');
  return owner;
}

/** Writes one checked course (created or updated by slug) with an audit entry; returns its id. */
export async function writeCourse(ctx: Ctx, files: CourseFiles, organisationId?: string): Promise<{ id: string; created: boolean }> {
  const texts = new Map<string, CourseTexts>();
  for (const [lang, file] of Object.entries(files.languages)) texts.set(lang, textsOf(files.course, lang, file!));
  return ctx.db.transaction().execute(async (trx) => {
    const owner = await ownerOf(trx, files.course, organisationId);
    const saved = await upsertCourse(trx, files.course, owner, ctx.now);
    await replaceStructure(trx, saved.id, files.course);
    for (const [lang, file] of Object.entries(files.languages)) {
      await upsertCourseText(trx, saved.id, lang, { title: file!.title, summary: file!.summary, texts: texts.get(lang)! }, ctx.now);
    }
    await recordAudit(ctx, trx, { action: 'course.imported', entityType: 'course', entityId: saved.id, organisationId: owner, details: { slug: files.course.slug, created: saved.created } });
    return saved;
  });
}

/** Imports the course in `dir` (created, or updated in place by slug). */
export async function importCourse(ctx: Ctx, dir: string, organisationId?: string): Promise<{ id: string; slug: string; created: boolean }> {
  const files = await readCourseFiles(dir, await libraryChapterRefs(ctx.db));
  const saved = await writeCourse(ctx, files, organisationId);
  return { ...saved, slug: files.course.slug };
}

/** The demo seed: every course folder whose slug is not in the database yet; quiet when there is no folder. */
export async function seedDemoCourses(ctx: Ctx, root = COURSES_DIR): Promise<number> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  let created = 0;
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (await courseIdBySlug(ctx.db, entry.name)) continue;
    try {
      await importCourse(ctx, path.join(root, entry.name));
      created++;
    } catch (error) {
      // NOTE: a course folder with mistakes must not stop the platform from starting; the CLI shows the same problems.
      if (!(error instanceof AppError)) throw error;
      ctx.log.error({ course: entry.name, problems: error.fields }, 'demo course not imported');
    }
  }
  return created;
}
