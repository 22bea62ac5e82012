// Password-reset tokens: stored as SHA-256, single use, short-lived.
import type { Db } from '#server/db/db.ts';

export async function insertPasswordReset(db: Db, values: { accountId: string; tokenHash: string; expiresAt: Date; now: Date }): Promise<void> {
  await db
    .insertInto('passwordReset')
    .values({ accountId: values.accountId, tokenHash: values.tokenHash, expiresAt: values.expiresAt, createdAt: values.now })
    .execute();
}

/** Marks the token used if it is still valid, in one statement, so it can be used only once; returns its account. */
export async function consumePasswordReset(db: Db, tokenHash: string, now: Date): Promise<string | null> {
  const row = await db
    .updateTable('passwordReset')
    .set({ usedAt: now })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returning('accountId')
    .executeTakeFirst();
  return row?.accountId ?? null;
}

/** Other open links of the account stop working once one is used. */
export async function closeOpenResets(db: Db, accountId: string, now: Date): Promise<void> {
  await db.updateTable('passwordReset').set({ usedAt: now }).where('accountId', '=', accountId).where('usedAt', 'is', null).execute();
}
