// Events core, SQL of the lists: the public list (published, upcoming first or the archive latest first, filtered)
// and the organiser's list (every event the actor's organisation organises, any status).
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import { EVENT_COLUMNS_PUBLIC } from './event-columns.ts';

export interface PublicListFilter {
  type?: string | undefined;
  language?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  past: boolean;
  now: Date;
  limit: number;
  offset: number;
}

/** Published events; upcoming (not yet ended) soonest first, or with `past` the ended ones latest first. */
export async function listPublishedEvents(db: Db, f: PublicListFilter) {
  let query = db.selectFrom('event').select(EVENT_COLUMNS_PUBLIC).where('status', '=', 'published');
  query = f.past ? query.where('endsAt', '<', f.now) : query.where('endsAt', '>=', f.now);
  if (f.type) query = query.where('type', '=', f.type);
  if (f.from) query = query.where('endsAt', '>=', f.from);
  if (f.to) query = query.where('startsAt', '<=', f.to);
  if (f.language) {
    const language = f.language;
    query = query.where((eb) => eb.exists(eb.selectFrom('eventText as t').select('t.eventId').whereRef('t.eventId', '=', 'event.id').where('t.language', '=', language)));
  }
  return query
    .orderBy('startsAt', f.past ? 'desc' : 'asc')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

/** Every event the organisation organises (as lead or co-organiser), latest start first. */
export async function listOrganisedEvents(db: Db, organisationId: string) {
  return db
    .selectFrom('event')
    .innerJoin('eventOrganiser as eo', 'eo.eventId', 'event.id')
    .select(['event.id', 'event.type', 'event.status', 'event.startsAt', 'event.endsAt', 'event.timeZone', 'event.capacity', 'event.seatsHeld', 'event.sourceLanguage'])
    .select(sql<boolean>`event.organisation_id = eo.organisation_id`.as('lead'))
    .where('eo.organisationId', '=', organisationId)
    .orderBy('event.startsAt', 'desc')
    .limit(500)
    .execute();
}
