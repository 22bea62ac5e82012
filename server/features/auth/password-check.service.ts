// Re-authentication before sensitive changes: the current password, under the same rate limits as sign-in.
import type { Ctx } from '#server/context.ts';
import { actorOf } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { findCredentialsById } from './credential.queries.ts';
import { verifyPassword } from './password.ts';
import { assertUnderLimits, countAttempt, limitsFor } from './rate-limit.service.ts';

const WRONG_PASSWORD = 'The current password is not correct.';

/** Throws a field error on `currentPassword` unless it matches the signed-in account's password. */
export async function confirmPassword(ctx: Ctx, currentPassword: string): Promise<void> {
  const actor = actorOf(ctx);
  const limits = limitsFor('sign_in', ctx.ip, actor.email);
  await assertUnderLimits(ctx.db, ctx.now, limits);
  const account = await findCredentialsById(ctx.db, actor.accountId);
  if (account?.passwordHash && (await verifyPassword(account.passwordHash, currentPassword))) return;
  await countAttempt(ctx.db, ctx.now, limits);
  throw new AppError('invalid', WRONG_PASSWORD, { fields: { currentPassword: WRONG_PASSWORD } });
}
