// The account lockout on passwords, shared by sign-in and the current-password check: each check is reserved before
// the slow argon2 verification runs, so at most 5 wrong passwords are ever checked before 15 minutes of lock.
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { clearFailedSignIns, lockAfterFailures, reserveSignInAttempt } from './credential.queries.ts';

export const LOCK_AFTER = 5;
export const LOCK_MS = 15 * 60_000;

// NOTE: the id of no account: for an unknown email the same statements run and match nothing, so both take as long.
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/** Reserves one password check of the account (null: of nobody, at the same cost); 'locked' when it may not run. */
export async function reservePasswordCheck(ctx: Ctx, accountId: string | null): Promise<'open' | 'locked'> {
  const o = { now: ctx.now, max: LOCK_AFTER, lockUntil: new Date(ctx.now.getTime() + LOCK_MS) };
  return ctx.db.transaction().execute(async (trx) => {
    const row = await reserveSignInAttempt(trx, accountId ?? NO_ACCOUNT, o);
    if (accountId === null) return 'open';
    if (!row) return 'locked';
    if (row.lockedUntil === null) return 'open';
    await auditLock(ctx, trx, accountId);
    return 'locked';
  });
}

/** In the transaction that records a wrong password (or an unknown account, null): locks when that was the last check allowed. */
export async function lockIfDue(ctx: Ctx, trx: Transaction<Database>, accountId: string | null): Promise<void> {
  const o = { now: ctx.now, max: LOCK_AFTER, lockUntil: new Date(ctx.now.getTime() + LOCK_MS) };
  if ((await lockAfterFailures(trx, accountId ?? NO_ACCOUNT, o)) && accountId) await auditLock(ctx, trx, accountId);
}

/** After the right password: the count starts again. False when the account was locked while the check ran. */
export async function releasePasswordCheck(ctx: Ctx, accountId: string): Promise<boolean> {
  return clearFailedSignIns(ctx.db, accountId, ctx.now);
}

async function auditLock(ctx: Ctx, trx: Transaction<Database>, accountId: string): Promise<void> {
  await recordAudit(ctx, trx, {
    action: 'account.locked',
    entityType: 'account',
    entityId: accountId,
    actorAccountId: null,
    organisationId: null,
    details: { minutes: LOCK_MS / 60_000, failures: LOCK_AFTER },
  });
}
