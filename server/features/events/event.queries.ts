// Events core, SQL: the event row, its texts, agenda and organisers; every change to the event row is one guarded
// UPDATE (version, and capacity never below the places held) so a stale or unsafe save changes nothing.
import { sql, type Selectable } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { EventSessionTable, EventTable, EventTextTable } from '#server/db/schema-events.ts';

export type EventRow = Selectable<EventTable>;
export type EventTextRow = Selectable<EventTextTable>;
export type EventSessionRow = Selectable<EventSessionTable>;

const EVENT_COLUMNS = [
  'id', 'organisationId', 'type', 'status', 'sourceLanguage', 'startsAt', 'endsAt', 'timeZone', 'attendanceMode', 'venueName',
  'venueAddress', 'venueCity', 'country', 'onlineUrl', 'capacity', 'seatsHeld', 'registrationOpensAt', 'registrationClosesAt',
  'requiresApproval', 'waitlistEnabled', 'offerHours', 'maxGroupSize', 'questions', 'certificateEnabled', 'followUpMonths',
  'sequence', 'createdBy', 'createdAt', 'updatedAt', 'version',
] as const;

/** The event row; `forUpdate` locks it for the rest of the transaction. */
export async function findEvent(db: Db, id: string, forUpdate = false): Promise<EventRow | undefined> {
  const query = db.selectFrom('event').select(EVENT_COLUMNS).where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The lead and co-organising organisations, the lead first. */
export async function organiserIds(db: Db, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('eventOrganiser as eo')
    .innerJoin('event as e', 'e.id', 'eo.eventId')
    .select(['eo.organisationId', sql<boolean>`eo.organisation_id = e.organisation_id`.as('lead')])
    .where('eo.eventId', '=', eventId)
    .execute();
  return rows.sort((a, b) => Number(b.lead) - Number(a.lead)).map((r) => r.organisationId);
}

export type EventValues = Omit<EventRow, 'id' | 'status' | 'seatsHeld' | 'sequence' | 'createdBy' | 'createdAt' | 'updatedAt' | 'version' | 'organisationId' | 'sourceLanguage' | 'questions'> & {
  questions: EventRow['questions'];
};

function writable(v: EventValues) {
  return { ...v, questions: JSON.stringify(v.questions) };
}

export async function insertEvent(db: Db, v: EventValues & { organisationId: string; sourceLanguage: string; createdBy: string; at: Date }): Promise<string> {
  const { at, ...values } = v;
  const row = await db
    .insertInto('event')
    .values({ ...writable(values), organisationId: v.organisationId, sourceLanguage: v.sourceLanguage, createdBy: v.createdBy, createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('eventOrganiser').values({ eventId: row.id, organisationId: v.organisationId }).execute();
  return row.id;
}

/**
 * Changes the event when its version is still `version` and the new capacity holds the places already held; raises the
 * version (and the iCalendar sequence when `raiseSequence`). False when nothing changed.
 */
export async function updateEventGuarded(
  db: Db,
  id: string,
  version: number,
  change: Partial<EventValues> & { status?: string; raiseSequence?: boolean; at: Date },
): Promise<boolean> {
  const { raiseSequence, at, questions, ...values } = change;
  const query = db
    .updateTable('event')
    .set((eb) => ({
      ...values,
      ...(questions ? { questions: JSON.stringify(questions) } : {}),
      updatedAt: at,
      version: eb('version', '+', 1),
      ...(raiseSequence ? { sequence: eb('sequence', '+', 1) } : {}),
    }))
    .where('id', '=', id)
    .where('version', '=', version);
  const guarded = values.capacity === undefined ? query : query.where('seatsHeld', '<=', values.capacity);
  const row = await guarded.returning('id').executeTakeFirst();
  return !!row;
}

export async function findTexts(db: Db, eventIds: readonly string[]): Promise<EventTextRow[]> {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('eventText')
    .select(['eventId', 'language', 'title', 'summary', 'description', 'sourceVersion', 'updatedBy', 'updatedAt', 'version'])
    .where('eventId', 'in', eventIds)
    .execute();
}

/** Writes one language's text when its version is still `version` (null: the language has no text yet). */
export async function saveText(
  db: Db,
  v: { eventId: string; language: string; title: string; summary: string; description: string; sourceVersion: number | null; updatedBy: string; at: Date },
  version: number | null,
): Promise<boolean> {
  const values = { title: v.title, summary: v.summary, description: v.description, sourceVersion: v.sourceVersion, updatedBy: v.updatedBy, updatedAt: v.at };
  if (version === null) {
    const row = await db
      .insertInto('eventText')
      .values({ eventId: v.eventId, language: v.language, ...values })
      .onConflict((oc) => oc.columns(['eventId', 'language']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return !!row;
  }
  const row = await db
    .updateTable('eventText')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('eventId', '=', v.eventId)
    .where('language', '=', v.language)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return !!row;
}

export async function findSessions(db: Db, eventId: string): Promise<EventSessionRow[]> {
  return db
    .selectFrom('eventSession')
    .select(['id', 'eventId', 'startsAt', 'endsAt', 'titles', 'descriptions', 'room', 'speakers', 'position'])
    .where('eventId', '=', eventId)
    .orderBy('position')
    .orderBy('startsAt')
    .execute();
}

export async function organisersWithNames(db: Db, eventId: string) {
  return db
    .selectFrom('eventOrganiser as eo')
    .innerJoin('organisation as o', 'o.id', 'eo.organisationId')
    .innerJoin('event as e', 'e.id', 'eo.eventId')
    .select(['eo.organisationId', 'o.name', sql<boolean>`eo.organisation_id = e.organisation_id`.as('lead')])
    .where('eo.eventId', '=', eventId)
    .orderBy(sql`eo.organisation_id = e.organisation_id`, 'desc')
    .orderBy('o.name')
    .execute();
}
