// The organiser's side of registration: the participant list (read audited), approving or rejecting those who await
// approval, cancelling on someone's behalf, the waiting list's priorities, and each registration's history.
// Every route loads the event's organisers in SQL and answers 404 to anyone else (a draft's existence is not told).
import type { Ctx } from '#server/context.ts';
import { actorOf } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { ParticipantFilter, ParticipantHistory, ParticipantList } from '#shared/events/registration.schema.ts';
import type { RegistrationStatus } from '#shared/events/event-vocabulary.ts';
import { mayManageEvent } from './event.policy.ts';
import { cancelRegistration } from './registration-self.service.ts';
import { tellRegistrant } from './registration-notify.ts';
import * as q from './registration.queries.ts';
import * as pq from './participants.queries.ts';
import { releasePlace } from './waitlist.service.ts';

export const PARTICIPANTS_LIMIT = 5000;

/** Refuses (404) anyone who does not organise the event. */
export async function requireOrganiser(ctx: Ctx, eventId: string): Promise<void> {
  if (!mayManageEvent(ctx.actor, await pq.organiserIdsOf(ctx.db, eventId))) throw new AppError('not_found', 'Not found.');
}

export function toParticipant(r: pq.ParticipantRow) {
  return {
    id: r.id,
    fullName: r.fullName,
    email: r.email,
    language: r.language,
    status: r.status as RegistrationStatus,
    priority: r.priority,
    waitlistedAt: r.waitlistedAt,
    answers: r.answers,
    checkedInAt: r.checkedInAt,
    grouped: r.groupId !== null,
    createdAt: r.createdAt,
    version: r.version,
  };
}

/** The filtered list, the counts per status and the waiting list in order; the read is audited. */
export async function listEventParticipants(ctx: Ctx, eventId: string, filter: ParticipantFilter): Promise<ParticipantList> {
  await requireOrganiser(ctx, eventId);
  const seats = await pq.seatsOf(ctx.db, eventId);
  if (!seats) throw new AppError('not_found', 'Not found.');
  const [rows, waiting, counts] = [await pq.listParticipants(ctx.db, eventId, filter, PARTICIPANTS_LIMIT), await pq.listWaiting(ctx.db, eventId), await pq.countByStatus(ctx.db, eventId)];
  await ctx.db.transaction().execute((trx) =>
    recordAudit(ctx, trx, { action: 'event.participants_read', entityType: 'event', entityId: eventId, details: { filters: Object.keys(filter), rows: rows.length } }),
  );
  return { capacity: seats.capacity, seatsHeld: seats.seatsHeld, counts, participants: rows.map(toParticipant), waitlist: waiting.map(toParticipant) };
}

async function lockedParticipant(ctx: Ctx, trx: Parameters<typeof q.lockRegistration>[0], eventId: string, registrationId: string) {
  const r = await q.lockRegistration(trx, registrationId);
  if (!r || r.eventId !== eventId) throw new AppError('not_found', 'Not found.');
  return r;
}

/** Approves (confirmed: the place it held is kept) or rejects (the place goes to the waiting list) a pending one. */
export async function decideRegistration(ctx: Ctx, eventId: string, registrationId: string, decision: 'approve' | 'reject') {
  await requireOrganiser(ctx, eventId);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await lockedParticipant(ctx, trx, eventId, registrationId);
    if (r.status !== 'pending_approval') throw new AppError('conflict', 'This registration is not awaiting approval.', { current: { reason: 'not_pending', status: r.status } });
    const status = decision === 'approve' ? 'confirmed' : 'rejected';
    const version = await q.setRegistrationStatus(trx, r.id, status, ctx.now, decision === 'reject' ? { cancelledAt: ctx.now } : {});
    await q.insertHistory(trx, { registrationId: r.id, eventId, kind: decision === 'approve' ? 'approved' : 'rejected', at: ctx.now, actorAccountId: actorOf(ctx).accountId });
    await recordAudit(ctx, trx, { action: decision === 'approve' ? 'registration.approved' : 'registration.rejected', entityType: 'registration', entityId: r.id, details: { eventId } });
    const event = await q.findEventForRegistration(trx, eventId, r.language);
    if (event) await tellRegistrant(trx, ctx.config, ctx.now, { kind: decision === 'approve' ? 'confirmed' : 'rejected', event, person: r, token: decision === 'approve' ? undefined : null });
    if (decision === 'reject') await releasePlace(trx, { config: ctx.config, now: ctx.now, actorAccountId: actorOf(ctx).accountId }, eventId);
    return { status: status as RegistrationStatus, version };
  });
}

/** Cancels on the person's behalf. */
export async function cancelParticipant(ctx: Ctx, eventId: string, registrationId: string) {
  await requireOrganiser(ctx, eventId);
  const r = await ctx.db.selectFrom('registration').select('eventId').where('id', '=', registrationId).executeTakeFirst();
  if (!r || r.eventId !== eventId) throw new AppError('not_found', 'Not found.');
  return cancelRegistration(ctx, registrationId, true);
}

/** Moves someone up or down the waiting list (optimistic version: a stale page gets 409 with the current row). */
export async function changePriority(ctx: Ctx, eventId: string, registrationId: string, input: { priority: number; version: number }) {
  await requireOrganiser(ctx, eventId);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await lockedParticipant(ctx, trx, eventId, registrationId);
    if (r.version !== input.version) throw new AppError('conflict', 'Someone else changed this registration in the meantime.', { current: { status: r.status, priority: r.priority, version: r.version } });
    const row = await trx
      .updateTable('registration')
      .set((eb) => ({ priority: input.priority, updatedAt: ctx.now, version: eb('version', '+', 1) }))
      .where('id', '=', r.id)
      .returning('version')
      .executeTakeFirstOrThrow();
    await q.insertHistory(trx, { registrationId: r.id, eventId, kind: 'priority_changed', at: ctx.now, actorAccountId: actorOf(ctx).accountId, detail: { from: r.priority, to: input.priority } });
    await recordAudit(ctx, trx, { action: 'registration.priority_changed', entityType: 'registration', entityId: r.id, details: { eventId, from: r.priority, to: input.priority } });
    return { status: r.status as RegistrationStatus, version: row.version };
  });
}

export async function registrationHistory(ctx: Ctx, eventId: string, registrationId: string): Promise<ParticipantHistory> {
  await requireOrganiser(ctx, eventId);
  const rows = await pq.historyOf(ctx.db, eventId, registrationId);
  return { entries: rows.map((h) => ({ kind: h.kind, at: h.at, detail: h.detail, byOrganiser: h.actorAccountId !== null })) };
}
