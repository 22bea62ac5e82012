// Check-in queries: the event's organisers and roster, the scan claimed by its idempotency key, the one guarded
// UPDATE that checks a registration in (the first scan wins), and undo. Kysely only, no rules.
import type { Transaction } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';

type Q = Db | Transaction<Database>;

export async function eventForCheckIn(db: Q, eventId: string) {
  const event = await db.selectFrom('event').select(['id', 'startsAt', 'endsAt']).where('id', '=', eventId).executeTakeFirst();
  if (!event) return null;
  const organisers = await db.selectFrom('eventOrganiser').select('organisationId').where('eventId', '=', eventId).execute();
  return { ...event, organiserIds: organisers.map((o) => o.organisationId) };
}

export async function eventTitles(db: Q, eventId: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom('eventText').select(['language', 'title']).where('eventId', '=', eventId).execute();
  return Object.fromEntries(rows.map((r) => [r.language, r.title]));
}

export async function rosterRows(db: Q, eventId: string) {
  return db
    .selectFrom('registration')
    .select(['id', 'fullName', 'status', 'checkedInAt'])
    .where('eventId', '=', eventId)
    .orderBy('fullName')
    .orderBy('id')
    .execute();
}

export async function registrationForScan(db: Q, registrationId: string) {
  return db.selectFrom('registration').select(['id', 'eventId', 'fullName', 'status', 'checkedInAt']).where('id', '=', registrationId).executeTakeFirst();
}

/** Claims the idempotency key: null when a scan with this key is already recorded (its answer stands). */
export async function claimScan(
  trx: Transaction<Database>,
  scan: { eventId: string; idempotencyKey: string; deviceId: string; method: string; scannedAt: Date; receivedAt: Date; accountId: string | null },
): Promise<{ id: string } | null> {
  const row = await trx
    .insertInto('checkInScan')
    .values({ ...scan, result: 'pending' })
    .onConflict((oc) => oc.column('idempotencyKey').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ?? null;
}

export async function settleScan(trx: Transaction<Database>, scanId: string, result: string, registrationId: string | null): Promise<void> {
  await trx.updateTable('checkInScan').set({ result, registrationId }).where('id', '=', scanId).execute();
}

export async function scanByKey(db: Q, idempotencyKey: string) {
  return db
    .selectFrom('checkInScan')
    .leftJoin('registration', 'registration.id', 'checkInScan.registrationId')
    .select(['checkInScan.eventId', 'checkInScan.result', 'checkInScan.registrationId', 'registration.fullName', 'registration.checkedInAt'])
    .where('checkInScan.idempotencyKey', '=', idempotencyKey)
    .executeTakeFirst();
}

/** The first scan wins: sets checked_in_at only while it is empty and the place is confirmed. */
export async function markCheckedIn(
  trx: Transaction<Database>,
  o: { registrationId: string; eventId: string; at: Date; by: string | null; method: string; now: Date },
): Promise<{ checkedInAt: Date | null } | undefined> {
  return trx
    .updateTable('registration')
    .set((eb) => ({ checkedInAt: o.at, checkedInBy: o.by, checkInMethod: o.method, updatedAt: o.now, version: eb('version', '+', 1) }))
    .where('id', '=', o.registrationId)
    .where('eventId', '=', o.eventId)
    .where('status', '=', 'confirmed')
    .where('checkedInAt', 'is', null)
    .returning('checkedInAt')
    .executeTakeFirst();
}

export async function clearCheckIn(trx: Transaction<Database>, o: { registrationId: string; eventId: string; now: Date }) {
  return trx
    .updateTable('registration')
    .set((eb) => ({ checkedInAt: null, checkedInBy: null, checkInMethod: null, updatedAt: o.now, version: eb('version', '+', 1) }))
    .where('id', '=', o.registrationId)
    .where('eventId', '=', o.eventId)
    .where('checkedInAt', 'is not', null)
    .returning(['id'])
    .executeTakeFirst();
}

export async function addHistory(trx: Transaction<Database>, h: { registrationId: string; eventId: string; kind: string; detail: Record<string, unknown>; actorAccountId: string | null; at: Date }): Promise<void> {
  await trx.insertInto('registrationHistory').values({ ...h, detail: JSON.stringify(h.detail) }).execute();
}

export async function registrationByTokenHash(db: Q, tokenHash: string) {
  return db
    .selectFrom('registration')
    .innerJoin('event', 'event.id', 'registration.eventId')
    .select(['registration.id', 'registration.status', 'event.status as eventStatus'])
    .where('registration.manageTokenHash', '=', tokenHash)
    .executeTakeFirst();
}
