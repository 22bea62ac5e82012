// What happens to an event's registrations when the event changes in a way their calendars must follow (dates, place,
// online link) or is cancelled: each active registration's history records it, in the transaction of the change.
// The registration part extends this hook to send each registrant the change e-mail with the updated iCalendar file.
import { sql } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Db } from '#server/db/db.ts';

/** rescheduled: dates, time zone, place or link changed (sequence raised); cancelled; capacity_raised: more places. */
export type EventChangeKind = 'rescheduled' | 'cancelled' | 'capacity_raised';

/** Registrations still in play: they hold a place, wait for one, or wait for the organiser's answer. */
const ACTIVE = ['pending_approval', 'confirmed', 'waitlisted', 'offered'];

/** Called by every use case that changes an event in one of the ways above, inside its transaction. */
export async function onEventChanged(ctx: Pick<Ctx, 'actor' | 'now'>, trx: Db, eventId: string, kind: EventChangeKind): Promise<void> {
  // NOTE: more places change no registration by themselves; the history keeps what a registrant must hear about.
  if (kind === 'capacity_raised') return;
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
