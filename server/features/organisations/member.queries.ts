// Memberships (account × organisation × roles) and the account columns an organisation admin sees. Kysely only.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

const MEMBER_COLUMNS = [
  'membership.id',
  'membership.accountId',
  'membership.roles',
  'membership.createdAt as joinedAt',
  'membership.version',
  'account.displayName',
  'account.email',
] as const;

function members(db: Db, organisationId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('account', 'account.id', 'membership.accountId')
    .select(MEMBER_COLUMNS)
    .select((eb) => [
      eb('account.totpEnabledAt', 'is not', null).as('twoFactorEnabled'),
      // NOTE: the newest session is the last sign-in; sessions are indexed by account, so this stays cheap.
      eb
        .selectFrom('authSession')
        .select((s) => s.fn.max('authSession.createdAt').as('at'))
        .whereRef('authSession.accountId', '=', 'account.id')
        .as('lastSignInAt'),
    ])
    .where('membership.organisationId', '=', organisationId);
}

export function listMembers(db: Db, organisationId: string) {
  return members(db, organisationId).orderBy('account.displayName').orderBy('membership.id').execute();
}

/** One member of one organisation: another organisation's membership id finds nothing. */
export function findMember(db: Db, organisationId: string, membershipId: string) {
  return members(db, organisationId).where('membership.id', '=', membershipId).executeTakeFirst();
}

export function findMemberByEmail(db: Db, organisationId: string, email: string) {
  return members(db, organisationId).where(sql`lower(account.email)`, '=', email.toLowerCase()).executeTakeFirst();
}

/** How many organisation admins the organisation has besides the given membership. */
export async function countOtherAdmins(db: Db, organisationId: string, membershipId: string): Promise<number> {
  const row = await db
    .selectFrom('membership')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('organisationId', '=', organisationId)
    .where('id', '!=', membershipId)
    .where(sql<boolean>`'org_admin' = any(roles)`)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Updates only if `version` is still current; undefined when someone else changed the row first. */
export function updateMemberRoles(db: Db, organisationId: string, membershipId: string, version: number, roles: string[], now: Date) {
  return db
    .updateTable('membership')
    .set({ roles, updatedAt: now, version: sql<number>`version + 1` })
    .where('organisationId', '=', organisationId)
    .where('id', '=', membershipId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export function deleteMember(db: Db, organisationId: string, membershipId: string) {
  return db.deleteFrom('membership').where('organisationId', '=', organisationId).where('id', '=', membershipId).executeTakeFirst();
}

export function insertMembership(db: Db, values: { accountId: string; organisationId: string; roles: string[] }, now: Date) {
  return db
    .insertInto('membership')
    .values({ ...values, createdAt: now, updatedAt: now })
    .returning(['id', 'accountId', 'organisationId', 'roles'])
    .executeTakeFirstOrThrow();
}

export function findMembership(db: Db, accountId: string, organisationId: string) {
  return db.selectFrom('membership').select(['id', 'roles']).where('accountId', '=', accountId).where('organisationId', '=', organisationId).executeTakeFirst();
}

// NOTE: accounts belong to the auth feature; these two are the only account writes/reads organisations need
// (joining by invitation, the create-user command and demo data). Move them behind an auth service if it grows one.
export function findAccountByEmail(db: Db, email: string) {
  return db
    .selectFrom('account')
    .select(['id', 'email', 'displayName', 'isDemo'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export interface NewAccount {
  email: string;
  displayName: string;
  passwordHash: string;
  language: string | null;
  isPlatformAdmin?: boolean;
  isDemo?: boolean;
}

export function insertAccount(db: Db, account: NewAccount, now: Date) {
  return db
    .insertInto('account')
    .values({ ...account, passwordChangedAt: now, createdAt: now, updatedAt: now })
    .returning(['id', 'email', 'displayName'])
    .executeTakeFirstOrThrow();
}
