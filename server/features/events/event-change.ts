// What happens to registrations when an event changes: a new date or place raises the iCalendar SEQUENCE and sends
// everyone holding or awaiting a place the updated invitation; a cancellation sends METHOD:CANCEL; a raised capacity
// offers the new places to the waiting list. The events part calls onEventChanged in the transaction of its change.
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { tellRegistrant } from './registration-notify.ts';
import { findEventForRegistration } from './registration.queries.ts';
import { offerFreePlaces } from './waitlist.service.ts';

const TOLD: Record<'changed' | 'cancelled', string[]> = {
  changed: ['confirmed', 'pending_approval', 'offered'],
  cancelled: ['confirmed', 'pending_approval', 'offered', 'waitlisted'],
};

/** Tells the registered people of a change (date, time or venue) or of the event's cancellation, and fills new places. */
export async function onEventChanged(ctx: Pick<Ctx, 'config' | 'now' | 'actor'>, trx: Transaction<Database>, eventId: string, kind: 'changed' | 'cancelled'): Promise<void> {
  await trx.updateTable('event').set((eb) => ({ sequence: eb('sequence', '+', 1) })).where('id', '=', eventId).execute();
  if (kind === 'cancelled') {
    await trx.updateTable('registrationOffer').set({ status: 'withdrawn', answeredAt: ctx.now }).where('eventId', '=', eventId).where('status', '=', 'open').execute();
  }
  const people = await trx.selectFrom('registration').select(['id', 'fullName', 'email', 'language']).where('eventId', '=', eventId).where('status', 'in', TOLD[kind]).execute();
  for (const person of people) {
    const event = await findEventForRegistration(trx, eventId, person.language);
    if (!event) return;
    await tellRegistrant(trx, ctx.config, ctx.now, { kind: kind === 'cancelled' ? 'event_cancelled' : 'event_changed', event, person });
  }
  if (kind === 'changed') await offerFreePlaces(trx, { config: ctx.config, now: ctx.now, actorAccountId: ctx.actor?.accountId ?? null }, eventId);
}
