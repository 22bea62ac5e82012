// Sessions in the database: the cookie holds a random token, the table only its SHA-256.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import { TWO_FACTOR_ROLES } from '#shared/auth/roles.ts';

export interface SessionActorRow {
  sessionId: string;
  accountId: string;
  secondFactorAt: Date | null;
  lastSeenAt: Date;
  expiresAt: Date;
  email: string;
  displayName: string;
  language: string | null;
  isPlatformAdmin: boolean;
  disabledAt: Date | null;
  totpEnabledAt: Date | null;
  organisationId: string | null;
  roles: string[] | null;
  anyTwoFactorRole: boolean;
}

/** One query per request: the session, its account, the active membership, and whether any membership needs 2FA. */
export async function findSessionActor(db: Db, tokenHash: string): Promise<SessionActorRow | undefined> {
  const twoFactorRoles = sql.val([...TWO_FACTOR_ROLES]);
  // NOTE: the active organisation is the session's, or the account's first membership when none was chosen.
  return db
    .selectFrom('authSession as s')
    .innerJoin('account as a', 'a.id', 's.accountId')
    .leftJoin('membership as m', (join) =>
      join
        .onRef('m.accountId', '=', 's.accountId')
        .on(
          'm.organisationId',
          '=',
          sql<string>`coalesce(s.organisation_id, (select fm.organisation_id from membership fm
            where fm.account_id = s.account_id order by fm.created_at, fm.id limit 1))`,
        ),
    )
    .select([
      's.id as sessionId',
      's.accountId',
      's.secondFactorAt',
      's.lastSeenAt',
      's.expiresAt',
      'a.email',
      'a.displayName',
      'a.language',
      'a.isPlatformAdmin',
      'a.disabledAt',
      'a.totpEnabledAt',
      'm.organisationId',
      'm.roles',
      sql<boolean>`exists (select 1 from membership tm where tm.account_id = s.account_id
        and tm.roles && ${twoFactorRoles}::text[])`.as('anyTwoFactorRole'),
    ])
    .where('s.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export async function insertSession(
  db: Db,
  values: { tokenHash: string; accountId: string; organisationId: string | null; ip: string | null; userAgent: string | null; now: Date; expiresAt: Date },
): Promise<string> {
  const row = await db
    .insertInto('authSession')
    .values({
      tokenHash: values.tokenHash,
      accountId: values.accountId,
      organisationId: values.organisationId,
      ip: values.ip,
      userAgent: values.userAgent,
      createdAt: values.now,
      lastSeenAt: values.now,
      expiresAt: values.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function touchSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('authSession').set({ lastSeenAt: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('authSession').where('id', '=', sessionId).execute();
}

/** The second factor was given; with `tokenHash`, the session's token is replaced in the same statement. */
export async function markSecondFactor(db: Db, sessionId: string, now: Date, tokenHash?: string): Promise<void> {
  await db
    .updateTable('authSession')
    .set({ secondFactorAt: now, lastSeenAt: now, ...(tokenHash ? { tokenHash } : {}) })
    .where('id', '=', sessionId)
    .execute();
}

/** Deletes every session of the account except `keepSessionId`; returns how many. */
export async function deleteAccountSessions(db: Db, accountId: string, keepSessionId: string | null = null): Promise<number> {
  let query = db.deleteFrom('authSession').where('accountId', '=', accountId);
  if (keepSessionId) query = query.where('id', '<>', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function firstMembershipOrganisation(db: Db, accountId: string): Promise<string | null> {
  const row = await db
    .selectFrom('membership')
    .select('organisationId')
    .where('accountId', '=', accountId)
    .orderBy('createdAt')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.organisationId ?? null;
}
