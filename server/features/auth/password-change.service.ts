// Changing one's own password in account settings: the current password first, then every other session ends.
import type { Ctx } from '#server/context.ts';
import { actorOf } from '#server/context.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { PasswordChange } from '#shared/auth/account.schema.ts';
import { setPasswordHash } from './credential.queries.ts';
import { hashPassword } from './password.ts';
import { confirmPassword } from './password-check.service.ts';
import { assertAcceptablePassword } from './password-policy.service.ts';
import { deleteAccountSessions } from './session.queries.ts';

/** Sets a new password after checking the current one; other sessions are signed out, this one stays. */
export async function changePassword(ctx: Ctx, input: PasswordChange): Promise<void> {
  const actor = actorOf(ctx);
  await confirmPassword(ctx, input.currentPassword);
  assertAcceptablePassword(input.newPassword, actor.email, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, actor.accountId, passwordHash, ctx.now);
    const revoked = await deleteAccountSessions(trx, actor.accountId, actor.sessionId);
    await recordAudit(ctx, trx, { action: 'password.changed', entityType: 'account', entityId: actor.accountId, details: { sessionsRevoked: revoked } });
  });
}
