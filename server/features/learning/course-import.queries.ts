// Kysely for importing a course: upserts by slug and by key, so a re-import keeps the ids enrolments and attempts
// point at. No rules here (course-import.ts decides).
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import type { CourseTexts } from '#server/db/schema-learning.ts';
import type { CourseFile } from '#shared/learning/course-content.schema.ts';

type Executor = Db | Transaction<Database>;

/** "<publication slug>/<chapter slug>" of every chapter in the library. */
export async function libraryChapterRefs(db: Executor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('chapter')
    .innerJoin('publication', 'publication.id', 'chapter.publicationId')
    .select(['publication.slug as publication', 'chapter.slug as chapter'])
    .execute();
  return new Set(rows.map((r) => `${r.publication}/${r.chapter}`));
}

/** The organisation owning the publication of a chapter reference; null when there is none. */
export async function publicationOwner(db: Executor, publicationSlug: string): Promise<string | null> {
  const row = await db.selectFrom('publication').select('organisationId').where('slug', '=', publicationSlug).executeTakeFirst();
  return row?.organisationId ?? null;
}

export async function firstOrganisation(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('organisation').select('id').orderBy('createdAt').orderBy('id').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

export async function courseIdBySlug(db: Executor, slug: string): Promise<string | null> {
  const row = await db.selectFrom('course').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id ?? null;
}

/** Inserts or updates the course row; a new course starts published (imported content is reviewed in git). */
export async function upsertCourse(trx: Transaction<Database>, course: CourseFile, organisationId: string, at: Date): Promise<{ id: string; created: boolean }> {
  const values = { sourceLanguage: course.sourceLanguage, passMark: course.passMark, maxAttempts: course.maxAttempts, grading: course.grading, certificateEnabled: course.certificate };
  const row = await trx
    .insertInto('course')
    .values({ ...values, slug: course.slug, organisationId, status: 'published', createdAt: at, updatedAt: at })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ ...values, updatedAt: at, version: sql`course.version + 1` }))
    .returning(['id', sql<boolean>`(xmax = 0)`.as('created')])
    .executeTakeFirstOrThrow();
  return { id: row.id, created: row.created };
}

export async function upsertCourseText(trx: Transaction<Database>, courseId: string, language: string, t: { title: string; summary: string; texts: CourseTexts }, at: Date): Promise<void> {
  const values = { title: t.title, summary: t.summary, texts: JSON.stringify(t.texts), updatedAt: at };
  await trx
    .insertInto('courseText')
    .values({ courseId, language, ...values })
    .onConflict((oc) => oc.columns(['courseId', 'language']).doUpdateSet(values))
    .execute();
}

/** Quizzes by key (ids kept), then the modules replaced in the file's order. */
export async function replaceStructure(trx: Transaction<Database>, courseId: string, course: CourseFile): Promise<void> {
  const quizIds = new Map<string, string>();
  for (const m of course.modules) {
    if (m.kind !== 'quiz') continue;
    const quiz = course.quizzes[m.id]!;
    const values = { role: m.role, shuffle: quiz.shuffle, questionKeys: JSON.stringify(quiz.questions) };
    const row = await trx
      .insertInto('quiz')
      .values({ courseId, key: m.id, ...values })
      .onConflict((oc) => oc.columns(['courseId', 'key']).doUpdateSet(values))
      .returning('id')
      .executeTakeFirstOrThrow();
    quizIds.set(m.id, row.id);
  }
  await trx.deleteFrom('courseModule').where('courseId', '=', courseId).execute();
  await trx
    .insertInto('courseModule')
    .values(course.modules.map((m, position) => ({ courseId, key: m.id, position, kind: m.kind, chapterRef: m.kind === 'chapter' ? m.chapter : null, quizId: quizIds.get(m.id) ?? null })))
    .execute();
  // NOTE: one statement for every question (a course has dozens): the demo seed runs this at start-up.
  const rows = course.questions.map((q) => ({
    courseId,
    key: q.id,
    kind: q.kind,
    options: JSON.stringify(q.kind === 'matching' ? { left: q.left, right: q.right } : q.kind === 'true_false' ? [] : q.options),
    correct: JSON.stringify(q.kind === 'matching' ? q.pairs : q.correct),
    points: q.points,
  }));
  await trx
    .insertInto('quizQuestion')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['courseId', 'key']).doUpdateSet((eb) => ({ kind: eb.ref('excluded.kind'), options: eb.ref('excluded.options'), correct: eb.ref('excluded.correct'), points: eb.ref('excluded.points') })),
    )
    .execute();
}
