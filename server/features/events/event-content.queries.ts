// Events core, SQL of the agenda and the co-organisers: sessions added, changed, removed and put in order; organising
// organisations added and removed. Every statement names the event, so a session of another event is never touched.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { EventSpeaker } from '#server/db/schema-events.ts';

export interface SessionValues {
  startsAt: Date;
  endsAt: Date;
  titles: Record<string, string>;
  room: string | null;
  speakers: EventSpeaker[];
}

const writable = (v: SessionValues) => ({ startsAt: v.startsAt, endsAt: v.endsAt, titles: JSON.stringify(v.titles), room: v.room, speakers: JSON.stringify(v.speakers) });

/** A new session goes last on the agenda. */
export async function insertSession(db: Db, eventId: string, v: SessionValues): Promise<string> {
  const row = await db
    .insertInto('eventSession')
    .values((eb) => ({
      eventId,
      ...writable(v),
      position: eb.selectFrom('eventSession').select(sql<number>`coalesce(max(position), -1) + 1`.as('next')).where('eventId', '=', eventId),
    }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSession(db: Db, eventId: string, sessionId: string, v: SessionValues): Promise<boolean> {
  const row = await db.updateTable('eventSession').set(writable(v)).where('id', '=', sessionId).where('eventId', '=', eventId).returning('id').executeTakeFirst();
  return !!row;
}

export async function deleteSession(db: Db, eventId: string, sessionId: string): Promise<boolean> {
  const row = await db.deleteFrom('eventSession').where('id', '=', sessionId).where('eventId', '=', eventId).returning('id').executeTakeFirst();
  return !!row;
}

export async function sessionIdsOf(db: Db, eventId: string): Promise<string[]> {
  return (await db.selectFrom('eventSession').select('id').where('eventId', '=', eventId).execute()).map((r) => r.id);
}

/** Positions 0, 1, 2… in the order given (the caller checked it names exactly the event's sessions). */
export async function reorderSessions(db: Db, eventId: string, sessionIds: readonly string[]): Promise<void> {
  for (const [position, id] of sessionIds.entries()) {
    await db.updateTable('eventSession').set({ position }).where('id', '=', id).where('eventId', '=', eventId).execute();
  }
}

export async function organisationExists(db: Db, organisationId: string): Promise<boolean> {
  return !!(await db.selectFrom('organisation').select('id').where('id', '=', organisationId).executeTakeFirst());
}

/** True when the organisation was added (false: it already organises the event). */
export async function addOrganiser(db: Db, eventId: string, organisationId: string): Promise<boolean> {
  const row = await db
    .insertInto('eventOrganiser')
    .values({ eventId, organisationId })
    .onConflict((oc) => oc.columns(['eventId', 'organisationId']).doNothing())
    .returning('organisationId')
    .executeTakeFirst();
  return !!row;
}

export async function removeOrganiser(db: Db, eventId: string, organisationId: string): Promise<boolean> {
  const row = await db.deleteFrom('eventOrganiser').where('eventId', '=', eventId).where('organisationId', '=', organisationId).returning('organisationId').executeTakeFirst();
  return !!row;
}

/** Organisations that can be asked to co-organise: every organisation by name (a short list on this platform). */
export async function listOrganisationNames(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('organisation').select(['id', 'name']).orderBy('name').limit(500).execute();
}
