// The waiting list: a freed place goes, as a single-use offer that holds it, to the next person (priority first, then
// the time they joined); an offer answered "no" or left to expire passes the place on. Never once the event started:
// then a freed place just stays free. Each offer is a registration_history row.
import { randomToken, sha256 } from '#server/lib/crypto.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '#server/config.ts';
import type { Database } from '#server/db/schema.ts';
import { findEventForRegistration, freeSeat, insertHistory, takeSeat } from './registration.queries.ts';
import { tellRegistrant } from './registration-notify.ts';

export interface WaitlistCtx {
  config: Config;
  now: Date;
  actorAccountId: string | null;
}

/** The next waiting person, locked; SKIP LOCKED so two sweeps never offer to the same one. */
async function nextWaiting(trx: Kysely<Database>, eventId: string) {
  return trx
    .selectFrom('registration')
    .select(['id', 'fullName', 'email', 'language'])
    .where('eventId', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('priority', 'desc')
    .orderBy('waitlistedAt', 'asc')
    .orderBy('id', 'asc')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

/**
 * Offers every free place to the next people on the list, each offer holding its place (taken with the same guarded
 * UPDATE as a registration). Returns how many offers were made.
 */
export async function offerFreePlaces(trx: Transaction<Database>, ctx: WaitlistCtx, eventId: string): Promise<number> {
  const event = await findEventForRegistration(trx, eventId, 'en');
  if (!event || event.status !== 'published' || !event.waitlistEnabled || event.startsAt <= ctx.now) return 0;
  let offers = 0;
  for (;;) {
    const person = await nextWaiting(trx, eventId);
    if (!person) return offers;
    if (!(await takeSeat(trx, eventId))) return offers;
    const token = randomToken();
    const expiresAt = new Date(ctx.now.getTime() + event.offerHours * 3600_000);
    await trx.updateTable('registration').set((eb) => ({ status: 'offered', updatedAt: ctx.now, version: eb('version', '+', 1) })).where('id', '=', person.id).execute();
    await trx.insertInto('registrationOffer').values({ registrationId: person.id, eventId, tokenHash: sha256(token), offeredAt: ctx.now, expiresAt }).execute();
    await insertHistory(trx, { registrationId: person.id, eventId, kind: 'offered', at: ctx.now, actorAccountId: ctx.actorAccountId, detail: { expiresAt: expiresAt.toISOString() } });
    await tellRegistrant(trx, ctx.config, ctx.now, { kind: 'offer', event, person, token, vars: { expiry: expiresAt.toISOString().slice(0, 16).replace('T', ' ') } });
    offers += 1;
  }
}

/** Gives a held place back and passes it to the waiting list. */
export async function releasePlace(trx: Transaction<Database>, ctx: WaitlistCtx, eventId: string): Promise<void> {
  await freeSeat(trx, eventId);
  await offerFreePlaces(trx, ctx, eventId);
}
