// The event_offer_expiry job: every few minutes (queued by the worker's maintenance, one per 5-minute slot) it closes
// the offers whose time ran out — the person leaves the list and is told — and passes each place to the next.
import type { Db } from '#server/db/db.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { enqueueJob, type JobHandler, type JobHandlers } from '#server/features/jobs/jobs.service.ts';
import { findEventForRegistration, insertHistory, setRegistrationStatus } from './registration.queries.ts';
import { tellRegistrant } from './registration-notify.ts';
import { releasePlace } from './waitlist.service.ts';

export const OFFER_EXPIRY_JOB = 'event_offer_expiry';
const SLOT_MS = 5 * 60_000;
const BATCH = 50;

/** Queues this slot's sweep once, however many instances ask. */
export async function scheduleOfferExpiry(db: Db, handlers: JobHandlers, now: Date): Promise<void> {
  if (!handlers[OFFER_EXPIRY_JOB]) return;
  const slot = Math.floor(now.getTime() / SLOT_MS);
  await enqueueJob(db, { kind: OFFER_EXPIRY_JOB, uniqueKey: `event-offer-expiry:${slot}`, runAt: now, maxAttempts: 3 });
}

/** Expires one batch in one transaction; returns how many. */
async function expireBatch(db: Db, config: Parameters<typeof releasePlace>[1]['config'], now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const expired = await trx
      .updateTable('registrationOffer')
      .set({ status: 'expired', answeredAt: now })
      .where('id', 'in', trx.selectFrom('registrationOffer').select('id').where('status', '=', 'open').where('expiresAt', '<=', now).limit(BATCH).forUpdate().skipLocked())
      .returning(['registrationId', 'eventId'])
      .execute();
    for (const offer of expired) {
      const person = await trx.selectFrom('registration').select(['id', 'fullName', 'email', 'language']).where('id', '=', offer.registrationId).where('status', '=', 'offered').forUpdate().executeTakeFirst();
      if (!person) continue;
      await setRegistrationStatus(trx, person.id, 'cancelled', now, { cancelledAt: now });
      await insertHistory(trx, { registrationId: person.id, eventId: offer.eventId, kind: 'offer_expired', at: now });
      const event = await findEventForRegistration(trx, offer.eventId, person.language);
      if (event) {
        await recordAudit({ now, actor: null, ip: null }, trx, { action: 'registration.offer_expired', entityType: 'registration', entityId: person.id, organisationId: event.organisationId, actorAccountId: null, details: { eventId: event.id } });
        await tellRegistrant(trx, config, now, { kind: 'offer_expired', event, person, token: null });
      }
      await releasePlace(trx, { config, now, actorAccountId: null }, offer.eventId);
    }
    return expired.length;
  });
}

export const offerExpiryJob: JobHandler = async (_job, { deps, now }) => {
  while ((await expireBatch(deps.db, deps.config, now)) === BATCH) {
    // NOTE: batches keep each transaction short; the loop ends with the first batch that is not full.
  }
};
