// The signed-in account's own data: memberships with organisation names, sessions, language.
import type { Db } from '#server/db/db.ts';

export async function listMemberships(db: Db, accountId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisationId')
    .select(['m.organisationId', 'o.name as organisationName', 'm.roles'])
    .where('m.accountId', '=', accountId)
    .orderBy('m.createdAt')
    .orderBy('m.id')
    .execute();
}

export async function findMembership(db: Db, accountId: string, organisationId: string) {
  return db
    .selectFrom('membership')
    .select(['organisationId', 'roles'])
    .where('accountId', '=', accountId)
    .where('organisationId', '=', organisationId)
    .executeTakeFirst();
}

export async function setLanguage(db: Db, accountId: string, language: string, now: Date): Promise<void> {
  await db
    .updateTable('account')
    .set((eb) => ({ language, updatedAt: now, version: eb('version', '+', 1) }))
    .where('id', '=', accountId)
    .execute();
}

export async function setSessionOrganisation(db: Db, sessionId: string, organisationId: string): Promise<void> {
  await db.updateTable('authSession').set({ organisationId }).where('id', '=', sessionId).execute();
}

/** Live sessions only: ended ones wait for the clean-up but are not shown. */
export async function listSessions(db: Db, accountId: string, now: Date, idleSince: Date) {
  return db
    .selectFrom('authSession')
    .select(['id', 'userAgent', 'createdAt', 'lastSeenAt'])
    .where('accountId', '=', accountId)
    .where('expiresAt', '>', now)
    .where('lastSeenAt', '>', idleSince)
    .orderBy('lastSeenAt', 'desc')
    .execute();
}

export async function deleteOwnSession(db: Db, accountId: string, sessionId: string): Promise<boolean> {
  const result = await db.deleteFrom('authSession').where('id', '=', sessionId).where('accountId', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteOtherSessions(db: Db, accountId: string, keepSessionId: string): Promise<number> {
  const result = await db.deleteFrom('authSession').where('accountId', '=', accountId).where('id', '<>', keepSessionId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
