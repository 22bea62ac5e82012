// Reminders two days before an event: a periodic sweep (queued hourly by the worker's maintenance) finds confirmed
// registrations of events starting within 48 hours that have no 'reminded' history row, writes that row (so two runs
// never remind twice: the row is written under the registration's lock) and queues the e-mail with the invitation.
import type { Db } from '#server/db/db.ts';
import { enqueueJob, type JobHandler, type JobHandlers } from '#server/features/jobs/jobs.service.ts';
import { tellRegistrant } from './registration-notify.ts';
import { findEventForRegistration, insertHistory } from './registration.queries.ts';

export const EVENT_REMINDERS_JOB = 'event_reminders';
const BATCH = 100;
const LEAD_MS = 48 * 3600_000;

export async function scheduleEventReminders(db: Db, handlers: JobHandlers, now: Date): Promise<void> {
  if (!handlers[EVENT_REMINDERS_JOB]) return;
  await enqueueJob(db, { kind: EVENT_REMINDERS_JOB, uniqueKey: `event-reminders:${now.toISOString().slice(0, 13)}`, runAt: now, maxAttempts: 3 });
}

async function remindBatch(db: Db, config: Parameters<typeof tellRegistrant>[1], now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('registration as r')
      .innerJoin('event as e', 'e.id', 'r.eventId')
      .select(['r.id', 'r.eventId', 'r.fullName', 'r.email', 'r.language'])
      .where('r.status', '=', 'confirmed')
      .where('e.status', '=', 'published')
      .where('e.startsAt', '>', now)
      .where('e.startsAt', '<=', new Date(now.getTime() + LEAD_MS))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('registrationHistory as h').select('h.id').whereRef('h.registrationId', '=', 'r.id').where('h.kind', '=', 'reminded'))))
      .limit(BATCH)
      .forUpdate('r')
      .skipLocked()
      .execute();
    for (const person of due) {
      await insertHistory(trx, { registrationId: person.id, eventId: person.eventId, kind: 'reminded', at: now });
      const event = await findEventForRegistration(trx, person.eventId, person.language);
      if (event) await tellRegistrant(trx, config, now, { kind: 'reminder', event, person });
    }
    return due.length;
  });
}

/** The event_reminders job. */
export const eventRemindersJob: JobHandler = async (_job, { deps, now }) => {
  while ((await remindBatch(deps.db, deps.config, now)) === BATCH) {
    // NOTE: one short transaction per batch; stops at the first batch that is not full.
  }
};
