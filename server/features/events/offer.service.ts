// Answering a waiting-list offer: accepting is one guarded UPDATE (open and not yet expired), so of two accepts one
// wins and the other gets 409; an offer used after its time answers 410. Declining passes the place on.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { resolveToken } from './registration-self.service.ts';
import { tellRegistrant } from './registration-notify.ts';
import * as q from './registration.queries.ts';
import { releasePlace } from './waitlist.service.ts';

/** Why an offer can no longer be answered: 410 when its time ran out, 409 when it was answered already. */
async function unanswerable(ctx: Ctx, registrationId: string): Promise<AppError> {
  const offer = await ctx.db.selectFrom('registrationOffer').select(['status', 'expiresAt']).where('registrationId', '=', registrationId).orderBy('offeredAt', 'desc').limit(1).executeTakeFirst();
  if (!offer) return new AppError('not_found', 'There is no offer for this registration.');
  if (offer.status === 'expired' || (offer.status === 'open' && offer.expiresAt <= ctx.now)) {
    return new AppError('gone', 'This offer has expired and the place went to the next person.', { current: { reason: 'offer_expired' } });
  }
  return new AppError('conflict', 'This offer has already been answered.', { current: { reason: `offer_${offer.status}` } });
}

/** Accepts the open offer: the place it held becomes the person's (confirmed), with the calendar invitation. */
export async function acceptOffer(ctx: Ctx, token: string): Promise<void> {
  const { registrationId } = await resolveToken(ctx, token);
  const done = await ctx.db.transaction().execute(async (trx) => {
    const won = await trx
      .updateTable('registrationOffer')
      .set({ status: 'accepted', answeredAt: ctx.now })
      .where('registrationId', '=', registrationId)
      .where('status', '=', 'open')
      .where('expiresAt', '>', ctx.now)
      .returning('eventId')
      .executeTakeFirst();
    if (!won) return false;
    const r = await q.lockRegistration(trx, registrationId);
    if (!r) return false;
    await q.setRegistrationStatus(trx, r.id, 'confirmed', ctx.now, { waitlistedAt: null });
    await q.insertHistory(trx, { registrationId: r.id, eventId: r.eventId, kind: 'offer_accepted', at: ctx.now });
    const event = await q.findEventForRegistration(trx, r.eventId, r.language);
    if (!event) return false;
    await recordAudit(ctx, trx, { action: 'registration.offer_accepted', entityType: 'registration', entityId: r.id, organisationId: event.organisationId, details: { eventId: r.eventId } });
    await tellRegistrant(trx, ctx.config, ctx.now, { kind: 'confirmed', event, person: r });
    return true;
  });
  if (!done) throw await unanswerable(ctx, registrationId);
}

/** Declines the open offer: the person leaves the list and the place passes to the next. */
export async function declineOffer(ctx: Ctx, token: string): Promise<void> {
  const { registrationId } = await resolveToken(ctx, token);
  const done = await ctx.db.transaction().execute(async (trx) => {
    const declined = await trx
      .updateTable('registrationOffer')
      .set({ status: 'declined', answeredAt: ctx.now })
      .where('registrationId', '=', registrationId)
      .where('status', '=', 'open')
      .where('expiresAt', '>', ctx.now)
      .returning('eventId')
      .executeTakeFirst();
    if (!declined) return false;
    const r = await q.lockRegistration(trx, registrationId);
    if (!r) return false;
    await q.setRegistrationStatus(trx, r.id, 'cancelled', ctx.now, { cancelledAt: ctx.now });
    await q.insertHistory(trx, { registrationId: r.id, eventId: r.eventId, kind: 'offer_declined', at: ctx.now });
    const event = await q.findEventForRegistration(trx, r.eventId, r.language);
    await recordAudit(ctx, trx, { action: 'registration.offer_declined', entityType: 'registration', entityId: r.id, organisationId: event?.organisationId ?? null, details: { eventId: r.eventId } });
    await releasePlace(trx, { config: ctx.config, now: ctx.now, actorAccountId: null }, r.eventId);
    return true;
  });
  if (!done) throw await unanswerable(ctx, registrationId);
}
