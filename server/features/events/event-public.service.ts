// Events core, reading: the public list and page of an event (texts in the reader's language with the source-language
// fallback, places left, registration state; never the online link), and the organiser's list of their events.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { renderForReaders } from '#server/features/library/section-html.ts';
import type { EventCard, EventLanguage, EventList, EventListQuery, EventPublic, OrganiseList } from '#shared/events/event.schema.ts';
import { listOrganisationNames } from './event-content.queries.ts';
import { listOrganisedEvents, listPublishedEvents } from './event-listing.queries.ts';
import { placesLeft, registrationState, shownText } from './event-state.ts';
import { isEventOrganiser, mayManageEvent } from './event.policy.ts';
import { findEvent, findSessions, findTexts, organisersWithNames, type EventRow, type EventTextRow } from './event.queries.ts';

type PublicRow = Omit<EventRow, 'onlineUrl' | 'organisationId' | 'offerHours' | 'certificateEnabled' | 'followUpMonths' | 'sequence' | 'createdBy' | 'createdAt' | 'updatedAt' | 'version'>;
type Card = EventCard;

function facts(e: PublicRow, now: Date) {
  return {
    id: e.id,
    type: e.type as Card['type'],
    status: e.status as Card['status'],
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    attendanceMode: e.attendanceMode as Card['attendanceMode'],
    venueName: e.venueName,
    venueAddress: e.venueAddress,
    venueCity: e.venueCity,
    country: e.country,
    capacity: e.capacity,
    placesLeft: placesLeft(e),
    registrationState: registrationState(e, now),
    registrationOpensAt: e.registrationOpensAt,
    registrationClosesAt: e.registrationClosesAt,
  };
}

function textOf(texts: EventTextRow[], lang: EventLanguage, sourceLanguage: string) {
  const shown = shownText(texts, lang, sourceLanguage);
  return {
    row: shown?.row,
    text: { title: shown?.row.title ?? '', summary: shown?.row.summary ?? '', language: (shown?.language ?? sourceLanguage) as EventLanguage, fallback: shown?.fallback ?? true, outdated: shown?.outdated ?? false },
  };
}

/** Published events, one page of them, in the reader's language. */
export async function listEvents(ctx: Ctx, q: EventListQuery): Promise<EventList> {
  const rows = await listPublishedEvents(ctx.db, {
    type: q.type,
    language: q.language,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    past: q.past,
    now: ctx.now,
    limit: q.limit + 1,
    offset: (q.page - 1) * q.limit,
  });
  const page = rows.slice(0, q.limit);
  const texts = await findTexts(ctx.db, page.map((e) => e.id));
  const events = page.map((e) => ({ ...facts(e, ctx.now), text: textOf(texts.filter((t) => t.eventId === e.id), q.lang, e.sourceLanguage).text }));
  return { events, page: q.page, hasMore: rows.length > q.limit };
}

/** One event's page: published or cancelled ones for everyone, drafts only for their organisers (else 404). */
export async function getPublicEvent(ctx: Ctx, id: string, lang: EventLanguage): Promise<EventPublic> {
  const event = await findEvent(ctx.db, id);
  const organisers = event ? await organisersWithNames(ctx.db, id) : [];
  const canManage = mayManageEvent(ctx.actor, organisers.map((o) => o.organisationId));
  if (!event || (event.status === 'draft' && !canManage)) throw new AppError('not_found', 'No such event.');
  const [texts, sessions] = await Promise.all([findTexts(ctx.db, [id]), findSessions(ctx.db, id)]);
  const { row, text } = textOf(texts, lang, event.sourceLanguage);
  const title = (titles: Record<string, string>) => titles[lang] || titles[event.sourceLanguage] || Object.values(titles)[0] || '';
  return {
    ...facts(event, ctx.now),
    text: { ...text, descriptionHtml: row?.description ? await renderForReaders(row.description, 'event') : '' },
    sourceLanguage: event.sourceLanguage as EventLanguage,
    languages: texts.map((t) => t.language as EventLanguage),
    sessions: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, title: title(s.titles), room: s.room, position: s.position, speakers: s.speakers.map((p) => ({ name: p.name, affiliation: p.affiliation ?? '' })) })),
    organisers: organisers.map((o) => ({ organisationId: o.organisationId, name: o.name, lead: o.lead })),
    questions: event.questions as EventPublic['questions'],
    maxGroupSize: event.maxGroupSize,
    requiresApproval: event.requiresApproval,
    waitlistEnabled: event.waitlistEnabled,
    canManage,
  };
}

function organiserOrganisation(ctx: Ctx): string {
  if (!isEventOrganiser(ctx.actor)) throw new AppError('forbidden', 'Only trainers, coordinators and admins of an organisation organise events.');
  return ctx.actor.organisationId!;
}

/** Every event the actor's organisation organises, any status, titled in the actor's language. */
export async function listOrganisedByActor(ctx: Ctx, lang: EventLanguage): Promise<OrganiseList> {
  const rows = await listOrganisedEvents(ctx.db, organiserOrganisation(ctx));
  const texts = await findTexts(ctx.db, rows.map((r) => r.id));
  return {
    events: rows.map((r) => ({
      id: r.id,
      type: r.type as Card['type'],
      status: r.status as Card['status'],
      title: textOf(texts.filter((t) => t.eventId === r.id), lang, r.sourceLanguage).text.title,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      timeZone: r.timeZone,
      capacity: r.capacity,
      seatsHeld: r.seatsHeld,
      lead: r.lead,
    })),
  };
}

/** Organisations an organiser can ask to co-organise (every organisation but their own). */
export async function organisationChoices(ctx: Ctx): Promise<{ organisations: { id: string; name: string }[] }> {
  const own = organiserOrganisation(ctx);
  return { organisations: (await listOrganisationNames(ctx.db)).filter((o) => o.id !== own) };
}
