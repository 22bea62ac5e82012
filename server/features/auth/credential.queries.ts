// The sign-in secrets of an account: password hash, lockout counters, TOTP secret and recovery codes.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

export interface CredentialRow {
  id: string;
  email: string;
  passwordHash: string | null;
  failedSignIns: number;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
}

const CREDENTIAL_COLUMNS = [
  'id',
  'email',
  'passwordHash',
  'failedSignIns',
  'lockedUntil',
  'disabledAt',
  'totpSecret',
  'totpEnabledAt',
  'totpLastStep',
] as const;

export async function findCredentialsByEmail(db: Db, email: string): Promise<CredentialRow | undefined> {
  const row = await db
    .selectFrom('account')
    .select(CREDENTIAL_COLUMNS)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row && normalise(row);
}

/** Locks the row too: two requests checking one code at once must not both pass. */
export async function findCredentialsById(db: Db, accountId: string, forUpdate = false): Promise<CredentialRow | undefined> {
  let query = db.selectFrom('account').select(CREDENTIAL_COLUMNS).where('id', '=', accountId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && normalise(row);
}

function normalise(row: CredentialRow): CredentialRow {
  return { ...row, totpLastStep: row.totpLastStep === null ? null : Number(row.totpLastStep) };
}

/**
 * Reserves one password check before it runs, in one statement, so that parallel attempts are counted one by one:
 * refused (undefined) while the account is locked; a lock that has run out starts the count again at 1. When `max`
 * checks are already out and none came back right, this attempt locks the account instead (lockedUntil is set in the
 * answer) — that also ends a count left behind by a check that never finished.
 */
export async function reserveSignInAttempt(
  db: Db,
  accountId: string,
  o: { now: Date; max: number; lockUntil: Date },
): Promise<{ failedSignIns: number; lockedUntil: Date | null } | undefined> {
  const expired = sql<boolean>`(locked_until is not null and locked_until <= ${o.now}::timestamptz)`;
  return db
    .updateTable('account')
    .set({
      failedSignIns: sql<number>`case when ${expired} then 1 when failed_sign_ins >= ${o.max} then failed_sign_ins else failed_sign_ins + 1 end`,
      lockedUntil: sql<Date | null>`case when ${expired} then null when failed_sign_ins >= ${o.max} then ${o.lockUntil}::timestamptz else locked_until end`,
    })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', o.now)]))
    .returning(['failedSignIns', 'lockedUntil'])
    .executeTakeFirst();
}

/** After a wrong password: locks the account when `max` checks have been used and it is not locked yet; true when this call locked it. */
export async function lockAfterFailures(db: Db, accountId: string, o: { now: Date; max: number; lockUntil: Date }): Promise<boolean> {
  const row = await db
    .updateTable('account')
    .set({ lockedUntil: o.lockUntil })
    .where('id', '=', accountId)
    .where('failedSignIns', '>=', o.max)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', o.now)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** After the right password: the count starts again, unless the account was locked meanwhile (then false). */
export async function clearFailedSignIns(db: Db, accountId: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('account')
    .set({ failedSignIns: 0, lockedUntil: null })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', now)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setPasswordHash(db: Db, accountId: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .updateTable('account')
    .set((eb) => ({ passwordHash, passwordChangedAt: now, failedSignIns: 0, lockedUntil: null, updatedAt: now, version: eb('version', '+', 1) }))
    .where('id', '=', accountId)
    .execute();
}

export async function setTotp(
  db: Db,
  accountId: string,
  values: { totpSecret: string | null; totpEnabledAt: Date | null; totpLastStep: number | null },
  now: Date,
): Promise<void> {
  await db
    .updateTable('account')
    .set((eb) => ({ ...values, updatedAt: now, version: eb('version', '+', 1) }))
    .where('id', '=', accountId)
    .execute();
}

export async function setTotpLastStep(db: Db, accountId: string, step: number): Promise<void> {
  await db.updateTable('account').set({ totpLastStep: step }).where('id', '=', accountId).execute();
}

export async function replaceRecoveryCodes(db: Db, accountId: string, codeHashes: string[]): Promise<void> {
  await db.deleteFrom('recoveryCode').where('accountId', '=', accountId).execute();
  if (codeHashes.length === 0) return;
  await db
    .insertInto('recoveryCode')
    .values(codeHashes.map((codeHash) => ({ accountId, codeHash })))
    .execute();
}

/** Marks an unused recovery code used; true when one matched. */
export async function useRecoveryCode(db: Db, accountId: string, codeHash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('recoveryCode')
    .set({ usedAt: now })
    .where('accountId', '=', accountId)
    .where('codeHash', '=', codeHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countUnusedRecoveryCodes(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('recoveryCode')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('accountId', '=', accountId)
    .where('usedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}
