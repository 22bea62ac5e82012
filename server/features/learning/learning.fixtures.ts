// Test set-up for e-learning: a library chapter the fixture course uses, the fixture course imported (optionally
// with other settings) into an organisation, and small helpers to take quizzes through the API.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { operatorCtx } from '#server/features/organisations/operator.service.ts';
import type { TestApp } from '#tests/test-app.ts';
import { importCourse } from './course-import.ts';

export const FIXTURE = path.resolve('server/features/learning/fixtures/basic-course');
/** The fixture's right answers: 5 points in all (q2 is worth 2). */
export const RIGHT = { q1: 'b', q2: ['a', 'c'], q3: true, q4: { l1: 'r2', l2: 'r1' } } as const;

/** The library chapter "test-manual/signs" the fixture course links to (once per database). */
export async function plantChapter(t: TestApp, organisationId: string): Promise<void> {
  const db = t.deps.db;
  const existing = await db.selectFrom('publication').select('id').where('slug', '=', 'test-manual').executeTakeFirst();
  if (existing) return;
  const publication = await db.insertInto('publication').values({ slug: 'test-manual', organisationId, titles: JSON.stringify({ en: 'Test manual' }) }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('chapter').values({ publicationId: publication.id, slug: 'signs', position: 1, titles: JSON.stringify({ en: 'Signs' }), summaries: JSON.stringify({ en: '' }) }).execute();
}

/** A copy of the fixture folder with course.json changed by `edit` (and a new slug), for import tests. */
export async function fixtureCopy(edit: (course: Record<string, unknown>) => void, editLanguage?: (lang: string, file: Record<string, unknown>) => void): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'course-')), 'course');
  await cp(FIXTURE, dir, { recursive: true });
  const course = JSON.parse(await readFile(path.join(dir, 'course.json'), 'utf8')) as Record<string, unknown>;
  edit(course);
  await writeFile(path.join(dir, 'course.json'), JSON.stringify(course));
  for (const lang of ['en', 'ro', 'nb']) {
    if (!editLanguage) break;
    const file = JSON.parse(await readFile(path.join(dir, `${lang}.json`), 'utf8')) as Record<string, unknown>;
    editLanguage(lang, file);
    await writeFile(path.join(dir, `${lang}.json`), JSON.stringify(file));
  }
  return dir;
}

/** Imports the fixture course (with `changes` to course.json) into `organisationId`; returns its id and slug. */
export async function plantCourse(t: TestApp, organisationId: string, changes: Record<string, unknown> = {}): Promise<{ id: string; slug: string }> {
  await plantChapter(t, organisationId);
  const dir = Object.keys(changes).length ? await fixtureCopy((c) => Object.assign(c, changes)) : FIXTURE;
  const ctx = operatorCtx({ db: t.deps.db, config: t.deps.config, now: t.deps.now });
  const saved = await importCourse(ctx, dir, organisationId);
  return { id: saved.id, slug: saved.slug };
}

export async function quizIds(t: TestApp, courseId: string): Promise<{ pre: string; post: string }> {
  const rows = await t.deps.db.selectFrom('quiz').select(['id', 'key']).where('courseId', '=', courseId).execute();
  return { pre: rows.find((r) => r.key === 'pre')!.id, post: rows.find((r) => r.key === 'post')!.id };
}

/** Calls the API as `cookie`; JSON body when given. */
export function call(t: TestApp, cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) {
  return t.app.inject({ method, url, headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) }, ...(body !== undefined && { payload: JSON.stringify(body) }) });
}

/** Starts an attempt, answers every question with `answers`, submits it; returns the submitted attempt. */
export async function takeQuiz(t: TestApp, cookie: string, quizId: string, answers: Record<string, unknown>) {
  const started = await call(t, cookie, 'POST', `/api/learning/quizzes/${quizId}/attempts`);
  if (started.statusCode !== 200) throw new Error(`start: ${started.statusCode} ${started.body}`);
  const attempt = started.json<{ id: string }>();
  for (const [key, answer] of Object.entries(answers)) {
    const saved = await call(t, cookie, 'PUT', `/api/learning/attempts/${attempt.id}/answers/${key}`, { answer });
    if (saved.statusCode !== 200) throw new Error(`answer ${key}: ${saved.statusCode} ${saved.body}`);
  }
  const submitted = await call(t, cookie, 'POST', `/api/learning/attempts/${attempt.id}/submit`);
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.statusCode} ${submitted.body}`);
  return submitted.json<{ id: string; result: { percent: number; score: number } }>();
}
