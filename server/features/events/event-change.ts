// What happens to an event's registrations when the event changes in a way their calendars must follow (dates, time
// zone, place, online link) or is cancelled, or gains places. The events part calls onEventChanged in the transaction
// of its change, after its guarded UPDATE has already raised event.sequence (the iCalendar SEQUENCE): every
// registration still in play gets a history row, the people holding or awaiting a place are e-mailed the updated
// invitation (METHOD:REQUEST) or the cancellation (METHOD:CANCEL), and new places go to the waiting list.
import { sql, type Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { tellRegistrant } from './registration-notify.ts';
import { findEventForRegistration } from './registration.queries.ts';
import { offerFreePlaces } from './waitlist.service.ts';

/** rescheduled: dates, time zone, place or link changed (sequence raised); cancelled; capacity_raised: more places. */
export type EventChangeKind = 'rescheduled' | 'cancelled' | 'capacity_raised';

/** Registrations still in play: they hold a place, wait for one, or wait for the organiser's answer. */
const ACTIVE = ['pending_approval', 'confirmed', 'waitlisted', 'offered'];

/** Who is e-mailed: a new date concerns those with a place; a cancellation concerns the waiting list too. */
const TOLD: Record<'rescheduled' | 'cancelled', string[]> = {
  rescheduled: ['confirmed', 'pending_approval', 'offered'],
  cancelled: ACTIVE,
};

export async function onEventChanged(ctx: Pick<Ctx, 'config' | 'now' | 'actor'>, trx: Transaction<Database>, eventId: string, kind: EventChangeKind): Promise<void> {
  const waitlistCtx = { config: ctx.config, now: ctx.now, actorAccountId: ctx.actor?.accountId ?? null };
  if (kind === 'capacity_raised') {
    await offerFreePlaces(trx, waitlistCtx, eventId);
    return;
  }
  await recordInHistory(ctx, trx, eventId, kind);
  if (kind === 'cancelled') {
    await trx.updateTable('registrationOffer').set({ status: 'withdrawn', answeredAt: ctx.now }).where('eventId', '=', eventId).where('status', '=', 'open').execute();
  }
  const people = await trx.selectFrom('registration').select(['id', 'fullName', 'email', 'language', 'status']).where('eventId', '=', eventId).where('status', 'in', TOLD[kind]).execute();
  for (const person of people) {
    const event = await findEventForRegistration(trx, eventId, person.language);
    if (!event) return;
    // NOTE: the online link only for a confirmed place, as on the person's page: not for those awaiting approval or
    // an offer (the organiser may still say no, the offer may pass to the next person).
    const shown = person.status === 'confirmed' ? event : { ...event, onlineUrl: null };
    await tellRegistrant(trx, ctx.config, ctx.now, { kind: kind === 'cancelled' ? 'event_cancelled' : 'event_changed', event: shown, person });
  }
}

async function recordInHistory(ctx: Pick<Ctx, 'now' | 'actor'>, trx: Transaction<Database>, eventId: string, kind: 'rescheduled' | 'cancelled'): Promise<void> {
  await trx
    .insertInto('registrationHistory')
    .columns(['registrationId', 'eventId', 'kind', 'detail', 'actorAccountId', 'at'])
    .expression((eb) =>
      eb
        .selectFrom('registration as r')
        .innerJoin('event as e', 'e.id', 'r.eventId')
        .select([
          'r.id',
          'r.eventId',
          sql.lit(`event_${kind}`).as('kind'),
          sql<string>`jsonb_build_object('sequence', e.sequence)`.as('detail'),
          sql.val(ctx.actor?.accountId ?? null).as('actor'),
          sql.val(ctx.now).as('at'),
        ])
        .where('r.eventId', '=', eventId)
        .where('r.status', 'in', ACTIVE),
    )
    .execute();
}
