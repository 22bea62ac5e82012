// Events core, organiser use cases on the event itself: create a draft, change its fields (capacity never below the
// places held; dates, place and link raise the iCalendar sequence), publish and cancel. 404 for anyone who does not
// organise the event, so drafts stay invisible; every change is audited in its transaction.
import type { Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { EventCreate, EventFields, EventManage, EventUpdate } from '#shared/events/event.schema.ts';
import { onEventChanged } from './event-change.ts';
import { loadManaged } from './event-manage.ts';
import { isEventOrganiser, mayManageEvent } from './event.policy.ts';
import { findEvent, findTexts, insertEvent, organiserIds, saveText, updateEventGuarded, type EventRow, type EventValues } from './event.queries.ts';

/** Fields whose change must reach registrants' calendars (iCalendar SEQUENCE, RFC 5546). */
const CALENDAR_FIELDS = ['startsAt', 'endsAt', 'timeZone', 'attendanceMode', 'venueName', 'venueAddress', 'venueCity', 'country', 'onlineUrl'] as const;

function valuesOf(input: EventFields): EventValues {
  const at = (s: string | null) => (s ? new Date(s) : null);
  return {
    ...input,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    registrationOpensAt: at(input.registrationOpensAt),
    registrationClosesAt: at(input.registrationClosesAt),
  };
}

const comparable = (v: unknown) => (v instanceof Date ? v.getTime() : JSON.stringify(v));

function changedFields(event: EventRow, values: EventValues): (keyof EventValues)[] {
  return (Object.keys(values) as (keyof EventValues)[]).filter((k) => comparable(values[k]) !== comparable(event[k]));
}

/** The event when the actor organises it; 404 otherwise, whether it exists or not. */
export async function requireManagedEvent(ctx: Ctx, id: string, trx?: Transaction<Database>): Promise<EventRow> {
  const db = trx ?? ctx.db;
  const event = await findEvent(db, id, !!trx);
  if (!event || !mayManageEvent(ctx.actor, await organiserIds(db, id))) throw new AppError('not_found', 'No such event.');
  return event;
}

/** The whole event for its organisers (404 for anyone else). */
export async function getManagedEvent(ctx: Ctx, id: string): Promise<EventManage> {
  await requireManagedEvent(ctx, id);
  return loadManaged(ctx.db, id);
}

/** Creates a draft led by the actor's organisation, with its title in the source language. */
export async function createEvent(ctx: Ctx, input: EventCreate): Promise<EventManage> {
  const actor = actorOf(ctx);
  if (!isEventOrganiser(actor)) throw new AppError('forbidden', 'Only trainers, coordinators and admins of an organisation can create events.');
  const { sourceLanguage, title, ...fields } = input;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertEvent(trx, { ...valuesOf(fields), organisationId: actor.organisationId!, sourceLanguage, createdBy: actor.accountId, at: ctx.now });
    await saveText(trx, { eventId: created, language: sourceLanguage, title, summary: '', description: '', sourceVersion: null, updatedBy: actor.accountId, at: ctx.now }, null);
    await recordAudit(ctx, trx, { action: 'event.created', entityType: 'event', entityId: created, details: { type: input.type } });
    return created;
  });
  return loadManaged(ctx.db, id);
}

/** 409 with the event as it is now (read in the transaction: PGlite has one connection). */
export async function conflict(trx: Transaction<Database>, id: string): Promise<AppError> {
  return new AppError('conflict', 'Someone else changed this event in the meantime.', { current: await loadManaged(trx, id) });
}

/** Changes every field of the event; 409 with the current event on a stale version, 422 when capacity < places held. */
export async function updateEvent(ctx: Ctx, id: string, input: EventUpdate): Promise<EventManage> {
  const { version, ...fields } = input;
  const values = valuesOf(fields);
  await ctx.db.transaction().execute(async (trx) => {
    const event = await requireManagedEvent(ctx, id, trx);
    if (event.version !== version) throw await conflict(trx, id);
    if (values.capacity < event.seatsHeld) {
      throw new AppError('unprocessable', 'The capacity cannot be lower than the places already held.', {
        fields: { capacity: `At least ${event.seatsHeld}: that many places are held already` },
      });
    }
    const changed = changedFields(event, values);
    const rescheduled = changed.some((k) => (CALENDAR_FIELDS as readonly string[]).includes(k));
    // NOTE: guarded again in SQL (version, seats_held <= capacity) although the row is locked: the rule lives in one statement.
    if (!(await updateEventGuarded(trx, id, version, { ...values, raiseSequence: rescheduled, at: ctx.now }))) throw await conflict(trx, id);
    await recordAudit(ctx, trx, { action: 'event.updated', entityType: 'event', entityId: id, details: { fields: changed } });
    if (rescheduled && event.status !== 'draft') await onEventChanged(ctx, trx, id, 'rescheduled');
    if (values.capacity > event.capacity && event.status === 'published') await onEventChanged(ctx, trx, id, 'capacity_raised');
  });
  return loadManaged(ctx.db, id);
}

/** What publishing needs: a title in the source language, and an online link for an event held online. */
async function publishProblems(ctx: Ctx, event: EventRow, trx: Transaction<Database>): Promise<Record<string, string>> {
  const texts = await findTexts(trx, [event.id]);
  const problems: Record<string, string> = {};
  if (!texts.some((t) => t.language === event.sourceLanguage && t.title.trim())) problems.title = 'Give the event a title in its source language';
  if (event.attendanceMode !== 'in_person' && !event.onlineUrl) problems.onlineUrl = 'An online event needs its link';
  if (event.attendanceMode !== 'online' && !event.venueName && !event.venueCity) problems.venueName = 'Say where the event takes place';
  if (event.endsAt < ctx.now) problems.endsAt = 'This event has already ended';
  return problems;
}

/** Makes a draft public. */
export async function publishEvent(ctx: Ctx, id: string, version: number): Promise<EventManage> {
  await ctx.db.transaction().execute(async (trx) => {
    const event = await requireManagedEvent(ctx, id, trx);
    if (event.version !== version) throw await conflict(trx, id);
    if (event.status !== 'draft') throw new AppError('unprocessable', 'Only a draft can be published.');
    const fields = await publishProblems(ctx, event, trx);
    if (Object.keys(fields).length > 0) throw new AppError('unprocessable', 'The event is not ready to publish.', { fields });
    if (!(await updateEventGuarded(trx, id, version, { status: 'published', at: ctx.now }))) throw await conflict(trx, id);
    await recordAudit(ctx, trx, { action: 'event.published', entityType: 'event', entityId: id, details: {} });
  });
  return loadManaged(ctx.db, id);
}

/** Cancels a draft or published event; registrants' calendars get the cancellation (sequence raised). */
export async function cancelEvent(ctx: Ctx, id: string, version: number): Promise<EventManage> {
  await ctx.db.transaction().execute(async (trx) => {
    const event = await requireManagedEvent(ctx, id, trx);
    if (event.version !== version) throw await conflict(trx, id);
    if (event.status === 'cancelled') throw new AppError('unprocessable', 'This event is already cancelled.');
    if (event.endsAt < ctx.now) throw new AppError('unprocessable', 'This event has already taken place.');
    if (!(await updateEventGuarded(trx, id, version, { status: 'cancelled', raiseSequence: true, at: ctx.now }))) throw await conflict(trx, id);
    await recordAudit(ctx, trx, { action: 'event.cancelled', entityType: 'event', entityId: id, details: { previousStatus: event.status } });
    await onEventChanged(ctx, trx, id, 'cancelled');
  });
  return loadManaged(ctx.db, id);
}
