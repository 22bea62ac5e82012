// The person's own registration, reached by the secret of their link (or of a waiting-list offer) sent in a POST body:
// what they registered for, their status, their place on the list; cancelling or leaving the list frees the place
// for the next person; the calendar file; and, signed in, the list of their own registrations.
import type { Ctx } from '#server/context.ts';
import { actorOf } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { sha256 } from '#server/lib/crypto.ts';
import { SEAT_HOLDING_STATUSES, type RegistrationStatus } from '#shared/events/event-vocabulary.ts';
import type { MyRegistrations, RegistrationView } from '#shared/events/registration.schema.ts';
import { eventIcs } from './event-ics.ts';
import { manageTokenOf } from './registration-notify.ts';
import { tellRegistrant } from './registration-notify.ts';
import * as q from './registration.queries.ts';
import { releasePlace } from './waitlist.service.ts';

/** The registration a token opens, or a 404 that says nothing about whether it exists. */
export async function resolveToken(ctx: Ctx, token: string): Promise<{ registrationId: string; via: 'manage' | 'offer' }> {
  const hash = sha256(token);
  const own = await ctx.db.selectFrom('registration').select('id').where('manageTokenHash', '=', hash).executeTakeFirst();
  if (own) return { registrationId: own.id, via: 'manage' };
  const offer = await ctx.db.selectFrom('registrationOffer').select('registrationId').where('tokenHash', '=', hash).executeTakeFirst();
  if (offer) return { registrationId: offer.registrationId, via: 'offer' };
  throw new AppError('not_found', 'This link is not valid.');
}

/** What the person's own page shows. */
export async function viewRegistration(ctx: Ctx, token: string): Promise<RegistrationView> {
  const { registrationId, via } = await resolveToken(ctx, token);
  const r = await ctx.db
    .selectFrom('registration')
    .select(['id', 'eventId', 'status', 'fullName', 'language', 'checkedInAt'])
    .where('id', '=', registrationId)
    .executeTakeFirstOrThrow();
  const event = await q.findEventForRegistration(ctx.db, r.eventId, r.language);
  if (!event) throw new AppError('not_found', 'This link is not valid.');
  const offer = await ctx.db
    .selectFrom('registrationOffer')
    .select(['expiresAt', 'status'])
    .where('registrationId', '=', r.id)
    .orderBy('offeredAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  const status = r.status as RegistrationStatus;
  return {
    registrationId: r.id,
    eventId: event.id,
    via,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    attendanceMode: event.attendanceMode,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    venueCity: event.venueCity,
    onlineUrl: status === 'confirmed' ? event.onlineUrl : null,
    eventStatus: event.status,
    status,
    fullName: r.fullName,
    language: r.language,
    waitlistPosition: await q.waitlistPosition(ctx.db, r.id),
    offer: offer ? { expiresAt: offer.expiresAt, status: offer.status as 'open' } : null,
    checkedIn: r.checkedInAt !== null,
    eventStarted: event.startsAt <= ctx.now,
    eventEnded: event.endsAt <= ctx.now,
  };
}

const CANCELLABLE: readonly RegistrationStatus[] = ['pending_approval', 'confirmed', 'waitlisted', 'offered'];

/**
 * Cancels a registration (or takes the person off the waiting list): a held place goes to the next person. By the
 * person through their link, or by an organiser on their behalf (byOrganiser: they are told by e-mail).
 */
export async function cancelRegistration(ctx: Ctx, registrationId: string, byOrganiser: boolean): Promise<{ status: RegistrationStatus; version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await q.lockRegistration(trx, registrationId);
    if (!r) throw new AppError('not_found', 'Not found.');
    if (!CANCELLABLE.includes(r.status as RegistrationStatus)) throw new AppError('conflict', 'This registration is no longer active.', { current: { reason: 'not_active', status: r.status } });
    const event = await q.findEventForRegistration(trx, r.eventId, r.language);
    if (!event) throw new AppError('not_found', 'Not found.');
    if (event.startsAt <= ctx.now) throw new AppError('conflict', 'The event has already started.', { current: { reason: 'event_started' } });
    const version = await q.setRegistrationStatus(trx, r.id, 'cancelled', ctx.now, { cancelledAt: ctx.now });
    if (r.status === 'offered') await trx.updateTable('registrationOffer').set({ status: 'withdrawn', answeredAt: ctx.now }).where('registrationId', '=', r.id).where('status', '=', 'open').execute();
    const kind = r.status === 'waitlisted' ? 'left_waitlist' : 'cancelled';
    const actorAccountId = byOrganiser ? actorOf(ctx).accountId : null;
    await q.insertHistory(trx, { registrationId: r.id, eventId: r.eventId, kind, at: ctx.now, actorAccountId, detail: { from: r.status, byOrganiser } });
    await recordAudit(ctx, trx, { action: 'registration.cancelled', entityType: 'registration', entityId: r.id, organisationId: event.organisationId, details: { eventId: r.eventId, from: r.status, byOrganiser } });
    if (byOrganiser || r.status !== 'waitlisted') await tellRegistrant(trx, ctx.config, ctx.now, { kind: 'cancelled', event, person: r, token: null });
    if (SEAT_HOLDING_STATUSES.includes(r.status as RegistrationStatus)) await releasePlace(trx, { config: ctx.config, now: ctx.now, actorAccountId }, r.eventId);
    return { status: 'cancelled', version };
  });
}

/** The person cancels (or leaves the list) through their own link; an offer's link cannot cancel. */
export async function cancelOwnRegistration(ctx: Ctx, token: string): Promise<void> {
  const { registrationId, via } = await resolveToken(ctx, token);
  if (via !== 'manage') throw new AppError('not_found', 'This link is not valid.');
  await cancelRegistration(ctx, registrationId, false);
}

/** The calendar file of the person's registration (only while it holds or awaits a place). */
export async function registrationIcs(ctx: Ctx, token: string): Promise<string> {
  const { registrationId } = await resolveToken(ctx, token);
  const r = await ctx.db.selectFrom('registration').select(['eventId', 'fullName', 'email', 'language', 'status']).where('id', '=', registrationId).executeTakeFirstOrThrow();
  const event = await q.findEventForRegistration(ctx.db, r.eventId, r.language);
  if (!event) throw new AppError('not_found', 'This link is not valid.');
  const active = r.status !== 'cancelled' && r.status !== 'rejected' && event.status !== 'cancelled';
  return eventIcs({
    event: { ...event, onlineUrl: r.status === 'confirmed' ? event.onlineUrl : null },
    method: active ? 'request' : 'cancel',
    attendee: { name: r.fullName, email: r.email },
    language: r.language,
    mailFrom: ctx.config.mailFrom,
    publicUrl: ctx.config.publicUrl,
    now: ctx.now,
  });
}

/** The signed-in person's registrations (linked to their account), newest event first. */
export async function myRegistrations(ctx: Ctx): Promise<MyRegistrations> {
  const actor = actorOf(ctx);
  const rows = await ctx.db
    .selectFrom('registration as r')
    .innerJoin('event as e', 'e.id', 'r.eventId')
    .select([
      'r.id',
      'r.eventId',
      'e.startsAt',
      'r.status',
      'r.checkedInAt',
      (eb) =>
        eb
          .selectFrom('eventText as t')
          .select('t.title')
          .whereRef('t.eventId', '=', 'e.id')
          .orderBy((o) => o.case().when('t.language', '=', actor.language ?? 'en').then(0).when('t.language', '=', o.ref('e.sourceLanguage')).then(1).else(2).end())
          .limit(1)
          .as('title'),
    ])
    .where('r.accountId', '=', actor.accountId)
    .where('e.status', '!=', 'draft')
    .orderBy('e.startsAt', 'desc')
    .limit(200)
    .execute();
  return { registrations: rows.map((r) => ({ eventId: r.eventId, token: manageTokenOf(ctx.config, r.id), title: r.title ?? '', startsAt: r.startsAt, status: r.status as RegistrationStatus, checkedIn: r.checkedInAt !== null })) };
}
