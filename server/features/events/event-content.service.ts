// Events core, organiser use cases on what an event says and who runs it: its text per language (a translation
// records the source text's version it was made from), its agenda, and its co-organisers (the lead always stays).
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { renderForEditor } from '#server/features/library/section-html.ts';
import type { EventLanguage, EventManage, EventTextSave, SessionSave } from '#shared/events/event.schema.ts';
import { addOrganiser, deleteSession, insertSession, organisationExists, removeOrganiser, reorderSessions, sessionIdsOf, updateSession, type SessionValues } from './event-content.queries.ts';
import { loadManaged } from './event-manage.ts';
import { conflict, requireManagedEvent } from './event.service.ts';
import { findTexts, saveText } from './event.queries.ts';

/** Saves one language's text; 409 with the current event when someone saved that language in the meantime. */
export async function saveEventText(ctx: Ctx, id: string, lang: EventLanguage, input: EventTextSave): Promise<EventManage> {
  // NOTE: who may write is checked before any rendering, so no one else can keep the workers busy.
  await requireManagedEvent(ctx, id);
  // NOTE: the same renderer as the library, in a worker under a time limit: a text that cannot be shown is refused now.
  await renderForEditor(input.description, 'event');
  await ctx.db.transaction().execute(async (trx) => {
    const event = await requireManagedEvent(ctx, id, trx);
    const source = (await findTexts(trx, [id])).find((t) => t.language === event.sourceLanguage);
    const isSource = lang === event.sourceLanguage;
    if (!isSource && !source) throw new AppError('unprocessable', 'Write the text in the source language first.');
    const values = { eventId: id, language: lang, ...input, sourceVersion: isSource ? null : source!.version, updatedBy: actorOf(ctx).accountId, at: ctx.now };
    if (!(await saveText(trx, values, input.version))) throw await conflict(trx, id);
    await recordAudit(ctx, trx, { action: 'event.text_saved', entityType: 'event', entityId: id, details: { language: lang, source: isSource } });
  });
  return loadManaged(ctx.db, id);
}

function sessionValues(input: SessionSave): SessionValues {
  const titles = Object.fromEntries(Object.entries(input.titles).filter(([, title]) => title));
  return { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), titles, room: input.room, speakers: input.speakers };
}

/** Adds a session at the end of the agenda. */
export async function addSession(ctx: Ctx, id: string, input: SessionSave): Promise<EventManage> {
  await ctx.db.transaction().execute(async (trx) => {
    await requireManagedEvent(ctx, id, trx);
    const sessionId = await insertSession(trx, id, sessionValues(input));
    await recordAudit(ctx, trx, { action: 'event.session_saved', entityType: 'event', entityId: id, details: { sessionId, created: true } });
  });
  return loadManaged(ctx.db, id);
}

/** Changes a session of the event (404 for a session of another event). */
export async function changeSession(ctx: Ctx, id: string, sessionId: string, input: SessionSave): Promise<EventManage> {
  await ctx.db.transaction().execute(async (trx) => {
    await requireManagedEvent(ctx, id, trx);
    if (!(await updateSession(trx, id, sessionId, sessionValues(input)))) throw new AppError('not_found', 'No such session.');
    await recordAudit(ctx, trx, { action: 'event.session_saved', entityType: 'event', entityId: id, details: { sessionId } });
  });
  return loadManaged(ctx.db, id);
}

export async function removeSession(ctx: Ctx, id: string, sessionId: string): Promise<EventManage> {
  await ctx.db.transaction().execute(async (trx) => {
    await requireManagedEvent(ctx, id, trx);
    if (!(await deleteSession(trx, id, sessionId))) throw new AppError('not_found', 'No such session.');
    await recordAudit(ctx, trx, { action: 'event.session_removed', entityType: 'event', entityId: id, details: { sessionId } });
  });
  return loadManaged(ctx.db, id);
}

/** Puts the agenda in the order given, which must name each of the event's sessions once. */
export async function orderSessions(ctx: Ctx, id: string, sessionIds: string[]): Promise<EventManage> {
  await ctx.db.transaction().execute(async (trx) => {
    await requireManagedEvent(ctx, id, trx);
    const known = new Set(await sessionIdsOf(trx, id));
    const same = sessionIds.length === known.size && new Set(sessionIds).size === known.size && sessionIds.every((s) => known.has(s));
    if (!same) throw new AppError('invalid', 'List every session of the agenda once.', { fields: { sessionIds: 'List every session of the agenda once' } });
    await reorderSessions(trx, id, sessionIds);
    await recordAudit(ctx, trx, { action: 'event.session_saved', entityType: 'event', entityId: id, details: { reordered: true } });
  });
  return loadManaged(ctx.db, id);
}

/** Adds a co-organising organisation: its trainers, coordinators and admins then manage the event too. */
export async function addCoOrganiser(ctx: Ctx, id: string, organisationId: string): Promise<EventManage> {
  await ctx.db.transaction().execute(async (trx) => {
    await requireManagedEvent(ctx, id, trx);
    if (!(await organisationExists(trx, organisationId))) throw new AppError('invalid', 'No such organisation.', { fields: { organisationId: 'Choose an organisation from the list' } });
    if (!(await addOrganiser(trx, id, organisationId))) throw new AppError('conflict', 'This organisation already organises the event.');
    await recordAudit(ctx, trx, { action: 'event.organiser_added', entityType: 'event', entityId: id, details: { organisationId } });
  });
  return loadManaged(ctx.db, id);
}

/** Removes a co-organiser; the lead organisation cannot be removed. */
export async function removeCoOrganiser(ctx: Ctx, id: string, organisationId: string): Promise<EventManage> {
  await ctx.db.transaction().execute(async (trx) => {
    const event = await requireManagedEvent(ctx, id, trx);
    if (organisationId === event.organisationId) throw new AppError('unprocessable', 'The lead organisation always organises its event.');
    if (!(await removeOrganiser(trx, id, organisationId))) throw new AppError('not_found', 'This organisation does not organise the event.');
    await recordAudit(ctx, trx, { action: 'event.organiser_removed', entityType: 'event', entityId: id, details: { organisationId } });
  });
  return loadManaged(ctx.db, id);
}
