// Re-authentication before sensitive changes: the current password, under the same rate limits and account lockout
// as sign-in, each attempt counted before the password is checked; every failure is audited.
import type { Ctx } from '#server/context.ts';
import { actorOf } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { findCredentialsById } from './credential.queries.ts';
import { lockIfDue, releasePasswordCheck, reservePasswordCheck } from './lockout.service.ts';
import { verifyPassword } from './password.ts';
import { consumeAttempt, limitsFor, refundAttempt, tooManyAttempts } from './rate-limit.service.ts';

const WRONG_PASSWORD = 'The current password is not correct.';

/** Throws a field error on `currentPassword` unless it matches the signed-in account's password (429 while locked). */
export async function confirmPassword(ctx: Ctx, currentPassword: string): Promise<void> {
  const actor = actorOf(ctx);
  const limits = limitsFor('sign_in', ctx.ip, actor.email);
  await consumeAttempt(ctx.db, ctx.now, limits);
  const account = await findCredentialsById(ctx.db, actor.accountId);
  const check = await reservePasswordCheck(ctx, actor.accountId);
  const matches = check === 'open' && !!account?.passwordHash && (await verifyPassword(account.passwordHash, currentPassword));
  if (matches && (await releasePasswordCheck(ctx, actor.accountId))) {
    await refundAttempt(ctx.db, ctx.now, limits);
    return;
  }
  // NOTE: matches but not released: the account was locked while the password was checked.
  const locked = check === 'locked' || matches;
  await ctx.db.transaction().execute(async (trx) => {
    const details = { reason: locked ? 'locked' : 'wrong_password' };
    await recordAudit(ctx, trx, { action: 'password.confirm_failed', entityType: 'account', entityId: actor.accountId, details });
    if (!locked) await lockIfDue(ctx, trx, actor.accountId);
  });
  if (locked) throw tooManyAttempts();
  throw new AppError('invalid', WRONG_PASSWORD, { fields: { currentPassword: WRONG_PASSWORD } });
}
