// A penetration tester's pass over e-learning: no learner payload carries a correct answer or an explanation before
// the attempt is submitted, another learner's attempt is "not found" for reading, answering and submitting alike,
// and hostile answers (another course's question, a draft course's quiz) are refused.
import { describe, expect, test } from 'vitest';
import { useEventWorld, type EventWorld } from '#server/features/events/events.fixtures.ts';
import type { TestApp } from '#tests/test-app.ts';
import { call, plantCourse, quizIds } from './learning.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => ((t = app), (w = world)));

const LEAKS = ['"correct', 'correctAnswer', '"pairs"', 'explanation', 'feedback"'];

describe('learner payloads', () => {
  test('no route a learner calls before submission carries the right answers', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'sec-leak-course' });
    const { pre } = await quizIds(t, course.id);
    const me = w.clinician.cookie;
    const started = await call(t, me, 'POST', `/api/learning/quizzes/${pre}/attempts?lang=en`);
    const id = started.json().id as string;
    const saved = await call(t, me, 'PUT', `/api/learning/attempts/${id}/answers/q1`, { answer: 'a' });
    const payloads = [
      started,
      saved,
      await call(t, me, 'GET', `/api/learning/attempts/${id}?lang=ro`),
      await call(t, me, 'GET', `/api/learning/courses/${course.slug}?lang=nb`),
      await call(t, me, 'GET', '/api/learning/courses?lang=en'),
      await call(t, me, 'GET', '/api/learning/continue?lang=en'),
    ];
    for (const p of payloads) {
      expect(p.statusCode).toBe(200);
      for (const leak of LEAKS) expect([p.body.slice(0, 60), leak, p.body.includes(leak)]).toEqual([p.body.slice(0, 60), leak, false]);
    }
  });

  test('another learner’s attempt: read, answer and submit are 404 and change nothing', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'sec-idor-course' });
    const { pre } = await quizIds(t, course.id);
    const id = (await call(t, w.clinician.cookie, 'POST', `/api/learning/quizzes/${pre}/attempts`)).json().id as string;
    const other = w.participant.cookie;
    expect((await call(t, other, 'GET', `/api/learning/attempts/${id}`)).statusCode).toBe(404);
    expect((await call(t, other, 'PUT', `/api/learning/attempts/${id}/answers/q1`, { answer: 'b' })).statusCode).toBe(404);
    expect((await call(t, other, 'POST', `/api/learning/attempts/${id}/submit`)).statusCode).toBe(404);
    const row = await t.deps.db.selectFrom('quizAttempt').select(['status', 'answers']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('in_progress');
    expect(row.answers).toEqual({});
  });

  test('a quiz of a course taken back to draft cannot be started', async () => {
    const course = await plantCourse(t, w.lead.organisationId, { slug: 'sec-draft-course' });
    const { pre } = await quizIds(t, course.id);
    await t.deps.db.updateTable('course').set({ status: 'draft' }).where('id', '=', course.id).execute();
    expect((await call(t, w.clinician.cookie, 'POST', `/api/learning/quizzes/${pre}/attempts`)).statusCode).toBe(404);
  });
});
