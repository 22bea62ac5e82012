// Importing a course: the fixture goes in whole; a re-import updates in place; bad files are refused with the path
// of each problem (a correct answer that is not an option, a missing translation, an unknown chapter) and nothing
// is written.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AppError } from '#server/errors.ts';
import { operatorCtx } from '#server/features/organisations/operator.service.ts';
import { createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { importCourse } from './course-import.ts';
import { FIXTURE, fixtureCopy, plantChapter } from './learning.fixtures.ts';

let t: TestApp;
let organisationId: string;
beforeAll(async () => {
  t = await createTestApp();
  organisationId = (await createOrganisation(t.deps.db)).id;
  await plantChapter(t, organisationId);
});
afterAll(() => t.close());

const ctx = () => operatorCtx({ db: t.deps.db, config: t.deps.config });

async function refusal(dir: string): Promise<Record<string, string>> {
  const error = await importCourse(ctx(), dir, organisationId).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('invalid');
  return (error as AppError).fields ?? {};
}

describe('import-course', () => {
  test('the fixture imports with its modules, quizzes, questions, three languages and rendered lessons', async () => {
    const saved = await importCourse(ctx(), FIXTURE, organisationId);
    expect(saved).toMatchObject({ slug: 'basic-course', created: true });
    const db = t.deps.db;
    const modules = await db.selectFrom('courseModule').select(['key', 'kind', 'position']).where('courseId', '=', saved.id).orderBy('position').execute();
    expect(modules.map((m) => m.key)).toEqual(['pre', 'intro', 'ch-signs', 'post']);
    expect(await db.selectFrom('quizQuestion').select('key').where('courseId', '=', saved.id).execute()).toHaveLength(4);
    const texts = await db.selectFrom('courseText').select(['language', 'texts']).where('courseId', '=', saved.id).orderBy('language').execute();
    expect(texts.map((r) => r.language)).toEqual(['en', 'nb', 'ro']);
    // NOTE: the lesson shows under its module's h3, so its "## Introduction" is an h4 (never an h2 inside an h3).
    expect(texts[0]!.texts.lessons.intro!.html).toBe('<h4 id="lesson-intro--introduction">Introduction</h4>\n<p>Read this first.</p>');
    const audit = await db.selectFrom('auditEvent').select('action').where('entityId', '=', saved.id).execute();
    expect(audit.map((a) => a.action)).toContain('course.imported');
  });

  test('a re-import updates the same course and keeps its quiz ids', async () => {
    const id = (await t.deps.db.selectFrom('course').select('id').where('slug', '=', 'basic-course').executeTakeFirstOrThrow()).id;
    const quizzes = await t.deps.db.selectFrom('quiz').select(['id', 'key']).where('courseId', '=', id).orderBy('key').execute();
    const again = await importCourse(ctx(), await fixtureCopy((c) => (c.passMark = 75)), organisationId);
    expect(again).toMatchObject({ id, created: false });
    expect(await t.deps.db.selectFrom('quiz').select(['id', 'key']).where('courseId', '=', id).orderBy('key').execute()).toEqual(quizzes);
    expect((await t.deps.db.selectFrom('course').select('passMark').where('id', '=', id).executeTakeFirstOrThrow()).passMark).toBe(75);
  });

  test('a correct answer that is not an option is refused with its path', async () => {
    const fields = await refusal(
      await fixtureCopy((c) => {
        c.slug = 'bad-answer';
        (c.questions as { id: string; correct?: unknown }[])[0]!.correct = ['z'];
      }),
    );
    expect(fields['course.json.questions.q1.correct']).toMatch(/not an option/i);
    expect(await t.deps.db.selectFrom('course').select('id').where('slug', '=', 'bad-answer').executeTakeFirst()).toBeUndefined();
  });

  test('a matching pair to an unlisted item and a quiz naming an unknown question are refused', async () => {
    const fields = await refusal(
      await fixtureCopy((c) => {
        c.slug = 'bad-pairs';
        (c.questions as { id: string; pairs?: Record<string, string> }[])[3]!.pairs = { l1: 'r9', l2: 'r1' };
        (c.quizzes as Record<string, { questions: string[] }>).pre!.questions.push('q99');
      }),
    );
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['course.json.questions.q4.pairs', 'course.json.quizzes.pre.questions']));
  });

  test('a missing translation is refused with the path in that language', async () => {
    const fields = await refusal(
      await fixtureCopy(
        (c) => (c.slug = 'bad-translation'),
        (lang, file) => {
          if (lang === 'ro') delete (file.questions as Record<string, { options?: Record<string, string> }>).q2!.options!.d;
          if (lang === 'nb') delete (file.lessons as Record<string, unknown>).intro;
        },
      ),
    );
    expect(fields).toMatchObject({ 'ro.json.questions.q2.options.d': 'Missing translation', 'nb.json.lessons.intro': 'Missing translation' });
  });

  test('an unknown library chapter, a pre-test out of first place and a second post-test are refused', async () => {
    const fields = await refusal(
      await fixtureCopy((c) => {
        c.slug = 'bad-structure';
        const modules = c.modules as Record<string, unknown>[];
        modules[2] = { id: 'ch-signs', kind: 'chapter', chapter: 'test-manual/nothing' };
        modules.push(modules.shift()!);
      }),
    );
    expect(fields['course.json.modules.2.chapter'] ?? fields['course.json.modules.1.chapter']).toMatch(/no chapter/);
    expect(fields['course.json.modules.3.role']).toMatch(/pre-test comes first/);
  });

  test('a file that is not JSON, or of the wrong shape, is refused by file and field', async () => {
    const fields = await refusal(await fixtureCopy((c) => ((c.slug = 'bad-shape'), (c.passMark = 'high'))));
    expect(fields['course.json.passMark']).toBeDefined();
  });
});

describe('demo seed', () => {
  test('imports each new course folder once, and skips a folder with mistakes without failing', async () => {
    const { mkdtemp, cp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { seedDemoCourses } = await import('./course-import.ts');
    const root = await mkdtemp(path.join(tmpdir(), 'courses-'));
    await cp(await fixtureCopy((c) => (c.slug = 'seeded-course')), path.join(root, 'seeded-course'), { recursive: true });
    await cp(await fixtureCopy((c) => ((c.slug = 'broken-course'), (c.grading = 'best'))), path.join(root, 'broken-course'), { recursive: true });
    expect(await seedDemoCourses(ctx(), root)).toBe(1);
    expect(await seedDemoCourses(ctx(), root)).toBe(0);
    expect(await t.deps.db.selectFrom('course').select('slug').where('slug', 'in', ['seeded-course', 'broken-course']).execute()).toEqual([{ slug: 'seeded-course' }]);
  });
});
