// Organisers' course routes: only trainers, coordinators and admins of the course's organisation (others 403 or
// 404), optimistic versions on settings, publishing, the audited report and its defused CSV; and the knowledge
// change computed exactly on a planted set of attempts.
import { describe, expect, test } from 'vitest';
import { useEventWorld, type EventWorld } from '#server/features/events/events.fixtures.ts';
import { createAccount } from '#tests/factories.ts';
import type { TestApp } from '#tests/test-app.ts';
import { courseKnowledgeChange } from './learning-figures.ts';
import { knowledgeChange } from '#server/features/events/event-figures-learning.ts';
import { call, plantCourse, quizIds, RIGHT, takeQuiz } from './learning.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => ((t = app), (w = world)));

type Managed = { id: string; version: number; status: string; passMark: number };

describe('course management', () => {
  test('only organisers of the course’s organisation manage it', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'managed-course' });
    expect((await call(t, w.clinician.cookie, 'GET', '/api/courses/manage')).statusCode).toBe(403);
    expect((await call(t, w.lead.caseManager.cookie, 'GET', `/api/courses/${course.id}/report`)).statusCode).toBe(403);
    expect((await call(t, w.outsider.trainer.cookie, 'GET', `/api/courses/${course.id}/report`)).statusCode).toBe(404);
    expect((await call(t, w.outsider.trainer.cookie, 'PUT', `/api/courses/${course.id}/status`, { status: 'draft', version: 1 })).statusCode).toBe(404);
    expect((await call(t, w.outsider.trainer.cookie, 'GET', '/api/courses/manage')).json().courses).toEqual([]);
    const mine = await call(t, w.lead.coordinator.cookie, 'GET', '/api/courses/manage?lang=ro');
    expect(mine.json().courses).toContainEqual(expect.objectContaining({ id: course.id, title: 'Curs de bază', status: 'published' }));
  });

  test('settings carry a version: a stale save is 409 with the current course', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'settings-course' });
    const [current] = (await call(t, w.lead.trainer.cookie, 'GET', '/api/courses/manage')).json<{ courses: Managed[] }>().courses.filter((c) => c.id === course.id);
    const saved = await call(t, w.lead.trainer.cookie, 'PUT', `/api/courses/${course.id}/settings`, { passMark: 80, maxAttempts: null, grading: 'last', version: current!.version });
    expect(saved.json()).toMatchObject({ passMark: 80, maxAttempts: null, grading: 'last', version: current!.version + 1 });
    const stale = await call(t, w.lead.admin.cookie, 'PUT', `/api/courses/${course.id}/settings`, { passMark: 50, maxAttempts: 3, grading: 'highest', version: current!.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ passMark: 80 });
    expect((await call(t, w.lead.trainer.cookie, 'PUT', `/api/courses/${course.id}/settings`, { passMark: 101, maxAttempts: 0, grading: 'best', version: 1 })).statusCode).toBe(400);
  });

  test('a course taken back to draft disappears for learners', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'draft-course' });
    const version = (await t.deps.db.selectFrom('course').select('version').where('id', '=', course.id).executeTakeFirstOrThrow()).version;
    const res = await call(t, w.lead.trainer.cookie, 'PUT', `/api/courses/${course.id}/status`, { status: 'draft', version });
    expect(res.json()).toMatchObject({ status: 'draft' });
    expect((await call(t, w.clinician.cookie, 'GET', `/api/learning/courses/${course.slug}`)).statusCode).toBe(404);
    const { pre } = await quizIds(t, course.id);
    expect((await call(t, w.clinician.cookie, 'POST', `/api/learning/quizzes/${pre}/attempts`)).statusCode).toBe(404);
  });

  test('the report lists learners with gains, is audited, and its CSV defuses formulas', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'report-course' });
    const { pre, post } = await quizIds(t, course.id);
    const learner = await createAccount(t.deps.db, { organisationId: w.partner.organisationId, roles: ['participant'], displayName: '=HYPERLINK("http://x")' });
    const { signIn } = await import('#tests/auth-helpers.ts');
    const cookie = await signIn(t.app, { ...learner, now: t.deps.now() });
    await takeQuiz(t, cookie, pre, { q1: 'b', q3: true });
    await takeQuiz(t, cookie, post, RIGHT);
    const report = await call(t, w.lead.trainer.cookie, 'GET', `/api/courses/${course.id}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.json().summary).toEqual({ learners: 1, meanPre: 40, meanPost: 100, meanRawGain: 60, meanNormalisedGain: 1 });
    expect(report.json().learners[0]).toMatchObject({ name: '=HYPERLINK("http://x")', done: 2, total: 4, pre: 40, post: 100, rawGain: 60 });
    // A learner who has only taken the test before the course shows that score, with nothing after it yet.
    const beginner = await createAccount(t.deps.db, { organisationId: w.partner.organisationId, roles: ['participant'], displayName: 'Begins Today' });
    await takeQuiz(t, await signIn(t.app, { ...beginner, now: t.deps.now() }), pre, RIGHT);
    const later = (await call(t, w.lead.trainer.cookie, 'GET', `/api/courses/${course.id}/report`)).json();
    expect(later.summary.learners).toBe(1);
    expect(later.learners.find((l: { name: string }) => l.name === 'Begins Today')).toMatchObject({ pre: 100, post: null, rawGain: null, normalisedGain: null });
    const csv = await call(t, w.lead.trainer.cookie, 'GET', `/api/courses/${course.id}/report.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    const actions = await t.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', course.id).execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['course.learners_viewed', 'course.learners_exported']));
  });
});

describe('knowledge change', () => {
  async function plantLearner(courseId: string, quizzes: { pre: string; post: string }, tests: { pre?: number; post: number[] }) {
    const account = await createAccount(t.deps.db, { organisationId: w.partner.organisationId, roles: ['participant'] });
    const enrolment = await t.deps.db.insertInto('courseEnrolment').values({ courseId, accountId: account.id }).returning('id').executeTakeFirstOrThrow();
    const attempt = (quizId: string, number: number, percent: number) => ({ quizId, enrolmentId: enrolment.id, number, status: 'submitted', questionOrder: '[]', percent, score: 0, maxScore: 5, submittedAt: new Date('2026-05-01T10:00:00Z') });
    const rows = [...(tests.pre === undefined ? [] : [attempt(quizzes.pre, 1, tests.pre)]), ...tests.post.map((p, i) => attempt(quizzes.post, i + 1, p))];
    if (rows.length) await t.deps.db.insertInto('quizAttempt').values(rows).execute();
  }

  test('per course: means of pre, post, raw and normalised gain, exactly; pre = 100 left out of the normalised mean', async () => {
    const course = await plantCourse(t, w.partner.organisationId, { slug: 'gain-course', grading: 'highest' });
    const quizzes = await quizIds(t, course.id);
    await plantLearner(course.id, quizzes, { pre: 40, post: [50, 80] });
    await plantLearner(course.id, quizzes, { pre: 100, post: [100] });
    await plantLearner(course.id, quizzes, { pre: 20, post: [60] });
    await plantLearner(course.id, quizzes, { pre: 30, post: [] });
    const [change] = await courseKnowledgeChange(t.deps.db, { courseIds: [course.id] });
    expect(change).toMatchObject({ courseId: course.id, learners: 3, meanPost: 80 });
    expect(change!.meanPre).toBeCloseTo(160 / 3, 10);
    expect(change!.meanRawGain).toBeCloseTo(80 / 3, 10);
    expect(change!.meanNormalisedGain).toBeCloseTo((40 / 60 + 40 / 80) / 2, 10);
    expect(change!.rows.map((r) => [r.pre, r.post, r.rawGain, r.normalisedGain]).sort()).toEqual([
      [100, 100, 0, null],
      [20, 60, 40, 0.5],
      [40, 80, 40, 40 / 60],
    ]);
    expect(await courseKnowledgeChange(t.deps.db, { courseIds: [course.id], from: new Date('2026-06-01T00:00:00Z') })).toEqual([]);
    expect(await courseKnowledgeChange(t.deps.db, { organisationId: w.outsider.organisationId, courseIds: [course.id] })).toEqual([]);
    // The events report reads the same figure through its adapter, over every course of the organisation.
    const report = await knowledgeChange(t.deps.db, { organisationId: w.partner.organisationId });
    expect(report).toMatchObject({ learners: 3, meanPost: 80 });
    expect(report!.meanGain).toBeCloseTo(80 / 3, 10);
    expect(report!.meanNormalisedGain).toBeCloseTo((40 / 60 + 40 / 80) / 2, 10);
    expect(await knowledgeChange(t.deps.db, { organisationId: w.outsider.organisationId })).toBeNull();
  });
});
