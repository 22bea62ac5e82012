// Registration's SQL: the event as registration sees it, the guarded seat counter, registrations and their history.
import { sql, type Kysely } from 'kysely';
import type { Database } from '#server/db/schema.ts';

type Q = Kysely<Database>;

/** The event with what registration needs, and its title in the given language (falling back to the source text). */
export async function findEventForRegistration(db: Q, eventId: string, language: string) {
  return db
    .selectFrom('event as e')
    .select([
      'e.id',
      'e.organisationId',
      'e.status',
      'e.startsAt',
      'e.endsAt',
      'e.timeZone',
      'e.attendanceMode',
      'e.venueName',
      'e.venueAddress',
      'e.venueCity',
      'e.onlineUrl',
      'e.capacity',
      'e.seatsHeld',
      'e.registrationOpensAt',
      'e.registrationClosesAt',
      'e.requiresApproval',
      'e.waitlistEnabled',
      'e.offerHours',
      'e.maxGroupSize',
      'e.questions',
      'e.sequence',
      sql<string>`coalesce((select t.title from event_text t where t.event_id = e.id and t.language = ${language}), (select t.title from event_text t where t.event_id = e.id and t.language = e.source_language), '')`.as('title'),
    ])
    .where('e.id', '=', eventId)
    .executeTakeFirst();
}
export type RegistrationEvent = NonNullable<Awaited<ReturnType<typeof findEventForRegistration>>>;

/**
 * Takes one place if one is free: the one statement that decides capacity (decision 014). Parallel callers queue on
 * the event row; each sees the count the previous one left, so the last place goes to exactly one of them.
 */
export async function takeSeat(db: Q, eventId: string): Promise<boolean> {
  const row = await db
    .updateTable('event')
    .set((eb) => ({ seatsHeld: eb('seatsHeld', '+', 1) }))
    .where('id', '=', eventId)
    .whereRef('seatsHeld', '<', 'capacity')
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

/** Gives one place back. */
export async function freeSeat(db: Q, eventId: string): Promise<void> {
  await db
    .updateTable('event')
    .set((eb) => ({ seatsHeld: eb('seatsHeld', '-', 1) }))
    .where('id', '=', eventId)
    .where('seatsHeld', '>', 0)
    .execute();
}

export interface NewRegistration {
  id: string;
  eventId: string;
  accountId: string | null;
  groupId: string | null;
  fullName: string;
  email: string;
  language: string;
  answers: Record<string, unknown>;
  manageTokenHash: string;
}

/** Inserts the registration unless the e-mail is already registered for the event (then null: the first one stands). */
export async function insertRegistration(db: Q, r: NewRegistration, status: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('registration')
    .values({ ...r, answers: JSON.stringify(r.answers), status, createdAt: now, updatedAt: now })
    .onConflict((oc) => oc.columns(['eventId', 'email']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

export async function findRegistrationByEmail(db: Q, eventId: string, email: string) {
  return db.selectFrom('registration').select(['id', 'status', 'language', 'fullName', 'email', 'accountId']).where('eventId', '=', eventId).where('email', '=', email).executeTakeFirst();
}

const registrationColumns = [
  'r.id',
  'r.eventId',
  'r.accountId',
  'r.fullName',
  'r.email',
  'r.language',
  'r.status',
  'r.priority',
  'r.waitlistedAt',
  'r.checkedInAt',
  'r.version',
] as const;

/** The registration, locked for the change the caller is about to make. */
export async function lockRegistration(db: Q, registrationId: string) {
  return db.selectFrom('registration as r').select(registrationColumns).where('r.id', '=', registrationId).forUpdate().executeTakeFirst();
}
export type LockedRegistration = NonNullable<Awaited<ReturnType<typeof lockRegistration>>>;

export async function setRegistrationStatus(db: Q, id: string, status: string, now: Date, extra: { waitlistedAt?: Date | null; cancelledAt?: Date | null } = {}): Promise<number> {
  const row = await db
    .updateTable('registration')
    .set((eb) => ({ status, updatedAt: now, version: eb('version', '+', 1), ...extra }))
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

type NewHistory = { registrationId: string; eventId: string; kind: string; at: Date; actorAccountId?: string | null; detail?: Record<string, unknown> };

export async function insertHistory(db: Q, h: NewHistory): Promise<void> {
  await historyInsert(db, h).execute();
}

function historyInsert(db: Q, h: NewHistory) {
  return db
    .insertInto('registrationHistory')
    .values({ registrationId: h.registrationId, eventId: h.eventId, kind: h.kind, at: h.at, actorAccountId: h.actorAccountId ?? null, detail: JSON.stringify(h.detail ?? {}) });
}

/** The writes that give a new registration the place it got, and its first history row (for `writeTogether`). */
export function placementWrites(db: Q, p: { registrationId: string; eventId: string; status: string; at: Date; actorAccountId: string | null }) {
  const waitlisted = p.status === 'waitlisted';
  return [
    db.updateTable('registration').set({ status: p.status, waitlistedAt: waitlisted ? p.at : null }).where('id', '=', p.registrationId),
    historyInsert(db, { ...p, kind: waitlisted ? 'waitlisted' : 'registered', detail: { status: p.status } }),
  ];
}

export async function insertGroup(db: Q, g: { eventId: string; bookerName: string; bookerEmail: string; bookerAccountId: string | null; now: Date }): Promise<string> {
  const row = await db
    .insertInto('registrationGroup')
    .values({ eventId: g.eventId, bookerName: g.bookerName, bookerEmail: g.bookerEmail, bookerAccountId: g.bookerAccountId, createdAt: g.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** 1-based place on the waiting list (priority first, then time), or null when not waitlisted. */
export async function waitlistPosition(db: Q, registrationId: string): Promise<number | null> {
  const row = await sql<{ position: number }>`
    select 1 + (select count(*)::int from registration o
      where o.event_id = r.event_id and o.status = 'waitlisted'
        and (o.priority > r.priority or (o.priority = r.priority and (o.waitlisted_at, o.id) < (r.waitlisted_at, r.id)))) as position
    from registration r where r.id = ${registrationId} and r.status = 'waitlisted'`.execute(db);
  return row.rows[0]?.position ?? null;
}

export async function accountEmail(db: Q, accountId: string): Promise<string | null> {
  const row = await db.selectFrom('account').select('email').where('id', '=', accountId).executeTakeFirst();
  return row?.email ?? null;
}
