// The events, e-learning and certificates part of the fuzz world: an upcoming event with registrations and an agenda
// session, an ended one with a checked-in participant and their certificate, a published course with its quizzes, an
// enrolment and an attempt. Their ids join the fuzzer's known ids, so its requests reach these routes' handlers.
import { issueAttendance } from '#server/features/certificates/certificate-issue.service.ts';
import { plantEvent, plantRegistration } from '#server/features/events/events.fixtures.ts';
import { call, plantCourse, quizIds } from '#server/features/learning/learning.fixtures.ts';
import type { TestApp } from '#tests/test-app.ts';

const DAY = 24 * 3600 * 1000;

async function upcomingEvent(t: TestApp, organisationId: string): Promise<string[]> {
  const db = t.deps.db;
  const event = await plantEvent(db, { organisationId, now: t.deps.now() });
  const confirmed = await plantRegistration(db, { eventId: event.id });
  const waiting = await plantRegistration(db, { eventId: event.id, status: 'waitlisted' });
  const start = new Date(t.deps.now().getTime() + 30 * DAY);
  const session = await db
    .insertInto('eventSession')
    .values({ eventId: event.id, startsAt: start, endsAt: new Date(start.getTime() + 3600_000), titles: JSON.stringify({ ro: 'Deschidere', en: 'Opening', nb: 'Åpning' }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return [event.id, confirmed.id, waiting.id, session.id];
}

/** Ended two days ago, gives certificates, has a follow-up survey; the learner attended and has their certificate. */
async function endedEvent(t: TestApp, organisationId: string, accountId: string): Promise<string[]> {
  const db = t.deps.db;
  const now = t.deps.now();
  const startsAt = new Date(now.getTime() - 2 * DAY);
  const event = await plantEvent(db, { organisationId, now, startsAt, registrationOpensAt: null, registrationClosesAt: null });
  await db.updateTable('event').set({ certificateEnabled: true, followUpMonths: 3 }).where('id', '=', event.id).execute();
  const attended = await plantRegistration(db, { eventId: event.id, accountId, checkedInAt: startsAt });
  const ctx = { db, actor: null, now, log: t.app.log, ip: null, config: t.deps.config };
  const certificate = await issueAttendance(ctx, { id: attended.id }, { via: 'organiser' });
  return [event.id, attended.id, certificate.id];
}

/** The fixture course, published, with the learner's enrolment and one pre-test attempt begun through the API. */
async function course(t: TestApp, organisationId: string, accountId: string, cookie: string): Promise<string[]> {
  const db = t.deps.db;
  const { id } = await plantCourse(t, organisationId);
  await db.updateTable('course').set({ status: 'published' }).where('id', '=', id).execute();
  const quizzes = await quizIds(t, id);
  const started = await call(t, cookie, 'POST', `/api/learning/quizzes/${quizzes.pre}/attempts`);
  if (started.statusCode !== 200) throw new Error(`fuzz world: attempt not started (${started.statusCode})`);
  const enrolment = await db.selectFrom('courseEnrolment').select('id').where('courseId', '=', id).where('accountId', '=', accountId).executeTakeFirstOrThrow();
  return [id, quizzes.pre, quizzes.post, enrolment.id, started.json<{ id: string }>().id];
}

/** Plants it all in the callers' organisation; `learner` registers, attends and learns. Returns the ids. */
export async function eventsAndLearning(t: TestApp, organisationId: string, learner: { id: string; cookie: string }): Promise<string[]> {
  return [
    ...(await upcomingEvent(t, organisationId)),
    ...(await endedEvent(t, organisationId, learner.id)),
    ...(await course(t, organisationId, learner.id, learner.cookie)),
  ];
}
