// The organiser's participant list in SQL: the event's organising organisations, the filtered registrations, counts.
import { sql, type Kysely } from 'kysely';
import type { Database } from '#server/db/schema.ts';
import type { ParticipantFilter } from '#shared/events/registration.schema.ts';

type Q = Kysely<Database>;

/** The lead and co-organisers of an event (none when it does not exist). */
export async function organiserIdsOf(db: Q, eventId: string): Promise<string[]> {
  const rows = await db.selectFrom('eventOrganiser').select('organisationId').where('eventId', '=', eventId).execute();
  return rows.map((r) => r.organisationId);
}

const columns = ['r.id', 'r.fullName', 'r.email', 'r.language', 'r.status', 'r.priority', 'r.waitlistedAt', 'r.answers', 'r.checkedInAt', 'r.groupId', 'r.createdAt', 'r.version'] as const;

export async function listParticipants(db: Q, eventId: string, f: ParticipantFilter, limit: number) {
  let query = db.selectFrom('registration as r').select(columns).where('r.eventId', '=', eventId);
  if (f.status) query = query.where('r.status', '=', f.status);
  if (f.checkedIn) query = query.where('r.checkedInAt', f.checkedIn === 'yes' ? 'is not' : 'is', null);
  if (f.profession) query = query.where(sql<boolean>`r.answers->>'profession' = ${f.profession}`);
  if (f.institutionType) query = query.where(sql<boolean>`r.answers->>'institution_type' = ${f.institutionType}`);
  if (f.country) query = query.where(sql<boolean>`r.answers->>'country' = ${f.country}`);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['r.fullName']), 'like', like), eb('r.email', 'like', like)]));
  }
  return query.orderBy('r.fullName').orderBy('r.id').limit(limit).execute();
}
export type ParticipantRow = Awaited<ReturnType<typeof listParticipants>>[number];

/** The waiting list in offer order. */
export async function listWaiting(db: Q, eventId: string) {
  return db
    .selectFrom('registration as r')
    .select(columns)
    .where('r.eventId', '=', eventId)
    .where('r.status', '=', 'waitlisted')
    .orderBy('r.priority', 'desc')
    .orderBy('r.waitlistedAt', 'asc')
    .orderBy('r.id', 'asc')
    .limit(2000)
    .execute();
}

export async function countByStatus(db: Q, eventId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('registration')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('eventId', '=', eventId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function seatsOf(db: Q, eventId: string) {
  return db.selectFrom('event').select(['capacity', 'seatsHeld', 'organisationId', 'startsAt']).where('id', '=', eventId).executeTakeFirst();
}

export async function historyOf(db: Q, eventId: string, registrationId: string) {
  return db
    .selectFrom('registrationHistory')
    .select(['kind', 'at', 'detail', 'actorAccountId'])
    .where('eventId', '=', eventId)
    .where('registrationId', '=', registrationId)
    .orderBy('id')
    .limit(500)
    .execute();
}

/** Organisers' count for the inbox: registrations awaiting approval in events their organisation organises. */
export async function pendingApprovals(db: Q, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('registration as r')
    .innerJoin('eventOrganiser as o', 'o.eventId', 'r.eventId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.organisationId', '=', organisationId)
    .where('r.status', '=', 'pending_approval')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
