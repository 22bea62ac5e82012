// The learner's journey through the API: list and course page, the pre-test first, attempts saved per answer and
// graded on the server, correct answers never sent before submission, the attempt limit under parallel starts,
// answers after submission refused, one grading for parallel submissions, the pass and the certificates contract.
import { describe, expect, test } from 'vitest';
import { useEventWorld, type EventWorld } from '#server/features/events/events.fixtures.ts';
import type { TestApp } from '#tests/test-app.ts';
import { isCoursePassed, courseTitle } from './learning-contract.ts';
import { call, plantCourse, quizIds, RIGHT, takeQuiz } from './learning.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => ((t = app), (w = world)));

type View = { enrolmentId: string | null; modules: { key: string; done: boolean; quiz: { id: string; grade: number | null; attemptsLeft: number | null } | null }[]; passedAt: string | null; knowledge: Record<string, number | null>; title: string };

describe('learner', () => {
  test('the list shows published courses with progress; the page shows modules in order in the reader’s language', async () => {
    const course = await plantCourse(t, w.lead.organisationId);
    const list = await call(t, w.clinician.cookie, 'GET', '/api/learning/courses?lang=ro');
    expect(list.statusCode).toBe(200);
    expect(list.json().courses).toContainEqual(expect.objectContaining({ slug: course.slug, title: 'Curs de bază', progress: { started: false, done: 0, total: 4, completed: false, passed: false } }));
    const page = await call(t, w.clinician.cookie, 'GET', `/api/learning/courses/${course.slug}?lang=nb`);
    expect(page.json<View>().title).toBe('Grunnkurs');
    expect(page.json<View>().modules.map((m) => m.key)).toEqual(['pre', 'intro', 'ch-signs', 'post']);
    expect((await t.app.inject({ method: 'GET', url: `/api/learning/courses/${course.slug}` })).statusCode).toBe(401);
    expect((await call(t, w.clinician.cookie, 'GET', '/api/learning/courses/no-such-course')).statusCode).toBe(404);
  });

  test('the post-test waits for the pre-test; the pre-test closes once the post-test begins', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'order-course' });
    const { pre, post } = await quizIds(t, course.id);
    const early = await call(t, w.participant.cookie, 'POST', `/api/learning/quizzes/${post}/attempts`);
    expect(early.statusCode).toBe(409);
    await takeQuiz(t, w.participant.cookie, pre, { q1: 'a' });
    expect((await call(t, w.participant.cookie, 'POST', `/api/learning/quizzes/${post}/attempts`)).statusCode).toBe(200);
    expect((await call(t, w.participant.cookie, 'POST', `/api/learning/quizzes/${pre}/attempts`)).statusCode).toBe(409);
  });

  test('the correct answers and explanations are never in an open attempt; after submission they are', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'secret-course' });
    const { pre } = await quizIds(t, course.id);
    const started = await call(t, w.clinician.cookie, 'POST', `/api/learning/quizzes/${pre}/attempts`);
    const body = started.body;
    for (const leak of ['correct', 'pairs', 'explanation', 'The sky looks blue', 'Ziua, cerul']) expect(body).not.toContain(leak);
    const attempt = started.json<{ id: string; questions: { key: string; options: unknown[] }[] }>();
    expect(attempt.questions.map((q) => q.key)).toEqual(['q1', 'q2', 'q3', 'q4']);
    await call(t, w.clinician.cookie, 'PUT', `/api/learning/attempts/${attempt.id}/answers/q1`, { answer: 'b' });
    const resumed = await call(t, w.clinician.cookie, 'GET', `/api/learning/attempts/${attempt.id}`);
    expect(resumed.json().answers).toEqual({ q1: 'b' });
    expect(resumed.body).not.toContain('correct');
    const submitted = await call(t, w.clinician.cookie, 'POST', `/api/learning/attempts/${attempt.id}/submit?lang=en`);
    expect(submitted.json().result).toMatchObject({ score: 1, maxScore: 5, percent: 20 });
    expect(submitted.json().result.feedback[0]).toEqual({ key: 'q1', earned: 1, correct: true, correctAnswer: 'b', explanation: 'The sky looks blue by day.' });
  });

  test('hostile answers: unknown question, wrong kind, foreign option, huge arrays → 400; another learner’s attempt → 404', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'hostile-course' });
    const { pre } = await quizIds(t, course.id);
    const attempt = (await call(t, w.participant.cookie, 'POST', `/api/learning/quizzes/${pre}/attempts`)).json<{ id: string }>();
    const put = (q: string, answer: unknown, cookie = w.participant.cookie) => call(t, cookie, 'PUT', `/api/learning/attempts/${attempt.id}/answers/${q}`, { answer });
    expect((await put('q42', 'a')).statusCode).toBe(400);
    expect((await put('q1', true)).statusCode).toBe(400);
    expect((await put('q1', 'z')).statusCode).toBe(400);
    expect((await put('q2', ['a', 'a'])).statusCode).toBe(400);
    expect((await put('q2', Array.from({ length: 5000 }, () => 'a'))).statusCode).toBe(400);
    expect((await put('q4', Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`l${i}`, 'r1'])))).statusCode).toBe(400);
    expect((await put('q4', { l1: 'r9' })).statusCode).toBe(400);
    expect((await put('Q1;drop', 'a')).statusCode).toBe(400);
    expect((await put('q1', 'b', w.clinician.cookie)).statusCode).toBe(404);
    expect((await call(t, w.clinician.cookie, 'POST', `/api/learning/attempts/${attempt.id}/submit`)).statusCode).toBe(404);
    expect((await put('q1', 'b')).statusCode).toBe(200);
  });

  test('an answer to a submitted attempt is refused with 409; parallel submissions grade once', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'submit-course' });
    const { pre } = await quizIds(t, course.id);
    const attempt = (await call(t, w.clinician.cookie, 'POST', `/api/learning/quizzes/${pre}/attempts`)).json<{ id: string }>();
    await call(t, w.clinician.cookie, 'PUT', `/api/learning/attempts/${attempt.id}/answers/q3`, { answer: true });
    const results = await Promise.all(Array.from({ length: 8 }, () => call(t, w.clinician.cookie, 'POST', `/api/learning/attempts/${attempt.id}/submit`)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const audits = await t.deps.db.selectFrom('auditEvent').select('seq').where('action', '=', 'course.attempt_submitted').where('entityId', '=', attempt.id).execute();
    expect(audits).toHaveLength(1);
    expect((await call(t, w.clinician.cookie, 'PUT', `/api/learning/attempts/${attempt.id}/answers/q1`, { answer: 'b' })).statusCode).toBe(409);
  });

  test('parallel starts never pass the attempt limit (2); the open attempt is resumed, not duplicated', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'limit-course' });
    const { pre } = await quizIds(t, course.id);
    const first = await Promise.all(Array.from({ length: 10 }, () => call(t, w.participant.cookie, 'POST', `/api/learning/quizzes/${pre}/attempts`)));
    expect(new Set(first.map((r) => r.json<{ id: string }>().id)).size).toBe(1);
    await call(t, w.participant.cookie, 'POST', `/api/learning/attempts/${first[0]!.json<{ id: string }>().id}/submit`);
    const second = await Promise.all(Array.from({ length: 10 }, () => call(t, w.participant.cookie, 'POST', `/api/learning/quizzes/${pre}/attempts`)));
    await call(t, w.participant.cookie, 'POST', `/api/learning/attempts/${second[0]!.json<{ id: string }>().id}/submit`);
    const third = await Promise.all(Array.from({ length: 10 }, () => call(t, w.participant.cookie, 'POST', `/api/learning/quizzes/${pre}/attempts`)));
    expect(third.every((r) => r.statusCode === 409)).toBe(true);
    const rows = await t.deps.db.selectFrom('quizAttempt').select('number').where('quizId', '=', pre).execute();
    expect(rows.map((r) => r.number).sort()).toEqual([1, 2]);
  });

  test('the whole course: passed only with every module done and the post-test at the pass mark; contract answers', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'pass-course', grading: 'highest' });
    const { pre, post } = await quizIds(t, course.id);
    const who = w.lead.caseManager.cookie;
    await takeQuiz(t, who, pre, { q1: 'b' });
    const failed = await takeQuiz(t, who, post, { q1: 'b', q3: true });
    expect(failed.result.percent).toBe(40);
    const good = await takeQuiz(t, who, post, RIGHT);
    expect(good.result.percent).toBe(100);
    let view = (await call(t, who, 'GET', `/api/learning/courses/${course.slug}`)).json<View>();
    expect(view.passedAt).toBeNull();
    await call(t, who, 'POST', `/api/learning/courses/${course.slug}/modules/intro/done`);
    expect((await call(t, who, 'POST', `/api/learning/courses/${course.slug}/modules/post/done`)).statusCode).toBe(400);
    expect((await call(t, who, 'POST', `/api/learning/courses/${course.slug}/modules/nothing/done`)).statusCode).toBe(404);
    view = (await call(t, who, 'POST', `/api/learning/courses/${course.slug}/modules/ch-signs/done`)).json<View>();
    expect(view.passedAt).not.toBeNull();
    expect(view.modules.every((m) => m.done)).toBe(true);
    expect(view.knowledge).toEqual({ pre: 20, post: 100, rawGain: 80, normalisedGain: 1 });
    const enrolment = await t.deps.db.selectFrom('courseEnrolment').select('id').where('courseId', '=', course.id).executeTakeFirstOrThrow();
    expect(await isCoursePassed(t.deps.db, enrolment.id)).toBe(true);
    // The course page carries the learner's enrolment, so the page can ask for the course certificate with it.
    expect(view.enrolmentId).toBe(enrolment.id);
    const issued = await call(t, who, 'POST', '/api/certificates/course', { enrolmentId: view.enrolmentId });
    expect(issued.statusCode).toBe(201);
    expect(issued.json().certificate.kind).toBe('course');
    expect(await courseTitle(t.deps.db, course.id, 'ro')).toBe('Curs de bază');
    expect((await call(t, who, 'POST', `/api/learning/quizzes/${post}/attempts`)).statusCode).toBe(409);
    const verbs = await t.deps.db.selectFrom('learningEvent').select('verb').where('courseId', '=', course.id).execute();
    expect(verbs.map((v) => v.verb)).toEqual(expect.arrayContaining(['answered', 'attempted', 'failed', 'passed', 'completed']));
  });

  test('grading "last": a later, lower post-test attempt is the grade', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'last-course', grading: 'last', maxAttempts: null });
    const { pre, post } = await quizIds(t, course.id);
    const who = w.lead.trainer.cookie;
    await takeQuiz(t, who, pre, {});
    await takeQuiz(t, who, post, RIGHT);
    await takeQuiz(t, who, post, { q1: 'b' });
    const view = (await call(t, who, 'GET', `/api/learning/courses/${course.slug}`)).json<View>();
    const postModule = view.modules.find((m) => m.key === 'post')!;
    expect(postModule.quiz).toMatchObject({ grade: 20, attemptsLeft: null });
    expect(view.knowledge).toEqual({ pre: 0, post: 20, rawGain: 20, normalisedGain: 0.2 });
  });

  test('the home page line names the unfinished course', async () => {
    const res = await call(t, w.participant.cookie, 'GET', '/api/learning/continue?lang=en');
    expect(res.json().course).toMatchObject({ slug: expect.any(String), total: 4 });
  });
});
