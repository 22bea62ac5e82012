// The whole event as its organisers edit it: the row, every language's text with its out-of-date mark, the agenda and
// the organising organisations. Read in the caller's transaction when there is one.
import type { Db } from '#server/db/db.ts';
import type { EventManage } from '#shared/events/event.schema.ts';
import { isOutdated } from './event-state.ts';
import { findEvent, findSessions, findTexts, organisersWithNames } from './event.queries.ts';

type Typed<K extends keyof EventManage> = EventManage[K];

/** The event for its organisers (the caller has checked they are). */
export async function loadManaged(db: Db, id: string): Promise<EventManage> {
  const event = await findEvent(db, id);
  if (!event) throw new Error('event vanished');
  const [texts, sessions, organisers] = await Promise.all([findTexts(db, [id]), findSessions(db, id), organisersWithNames(db, id)]);
  const source = texts.find((t) => t.language === event.sourceLanguage);
  const { organisationId: _lead, createdBy: _by, createdAt: _at, updatedAt: _up, ...rest } = event;
  return {
    ...rest,
    type: event.type as Typed<'type'>,
    status: event.status as Typed<'status'>,
    attendanceMode: event.attendanceMode as Typed<'attendanceMode'>,
    sourceLanguage: event.sourceLanguage as Typed<'sourceLanguage'>,
    questions: event.questions as Typed<'questions'>,
    texts: texts.map((t) => ({
      language: t.language as Typed<'sourceLanguage'>,
      title: t.title,
      summary: t.summary,
      description: t.description,
      sourceVersion: t.sourceVersion,
      version: t.version,
      updatedAt: t.updatedAt,
      outdated: isOutdated(t, source, event.sourceLanguage),
    })),
    sessions: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, titles: s.titles, room: s.room, speakers: s.speakers.map((p) => ({ name: p.name, affiliation: p.affiliation ?? '' })), position: s.position })),
    organisers: organisers.map((o) => ({ organisationId: o.organisationId, name: o.name, lead: o.lead })),
  };
}
