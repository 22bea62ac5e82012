// Password reset by email: a single-use link valid for 30 minutes. The request always gets the same answer,
// so it cannot be used to learn whether an account exists.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { queueEmail } from '#server/features/email/email.service.ts';
import { randomToken, sha256 } from '#server/lib/crypto.ts';
import type { PasswordResetComplete } from '#shared/auth/sign-in.schema.ts';
import { findCredentialsByEmail, findCredentialsById, setPasswordHash } from './credential.queries.ts';
import { hashPassword } from './password.ts';
import { assertAcceptablePassword } from './password-policy.service.ts';
import { closeOpenResets, consumePasswordReset, insertPasswordReset } from './password-reset.queries.ts';
import { consumeAttempt, limitsFor } from './rate-limit.service.ts';
import { deleteAccountSessions } from './session.queries.ts';

export const RESET_MINUTES = 30;
const INVALID_LINK = 'This link has expired or has already been used. Ask for a new one.';

/** Emails a reset link when the account exists and is active; otherwise does nothing, visibly the same. */
export async function requestPasswordReset(ctx: Ctx, email: string): Promise<void> {
  await consumeAttempt(ctx.db, ctx.now, limitsFor('reset', ctx.ip, email));
  const account = await findCredentialsByEmail(ctx.db, email);
  if (!account || account.disabledAt) return;
  const token = randomToken();
  await ctx.db.transaction().execute(async (trx) => {
    const expiresAt = new Date(ctx.now.getTime() + RESET_MINUTES * 60_000);
    await insertPasswordReset(trx, { accountId: account.id, tokenHash: sha256(token), expiresAt, now: ctx.now });
    await queueEmail(trx, { to: account.email, subject: 'Pro Health: password reset', text: resetEmailText(ctx.config.publicUrl, token) });
    await recordAudit(ctx, trx, { action: 'password.reset_requested', entityType: 'account', entityId: account.id, actorAccountId: null, organisationId: null });
  });
}

function resetEmailText(publicUrl: string, token: string): string {
  // NOTE: neutral wording, no name; the token rides in the fragment, which browsers never send to servers or in Referer.
  return [
    'Someone asked to reset the password of your Pro Health account.',
    `To choose a new password, open this link within ${RESET_MINUTES} minutes:`,
    '',
    `${publicUrl}/reset-password#token=${token}`,
    '',
    'If you did not ask for this, ignore this message: your password stays as it is.',
  ].join('\n');
}

/** Sets the new password, uses up the link and signs the account out everywhere. */
export async function completePasswordReset(ctx: Ctx, input: PasswordResetComplete): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const accountId = await consumePasswordReset(trx, sha256(input.token), ctx.now);
    const account = accountId ? await findCredentialsById(trx, accountId) : undefined;
    if (!account || account.disabledAt) throw new AppError('invalid', INVALID_LINK, { fields: { token: INVALID_LINK } });
    assertAcceptablePassword(input.password, account.email);
    await setPasswordHash(trx, account.id, await hashPassword(input.password), ctx.now);
    await closeOpenResets(trx, account.id, ctx.now);
    const revoked = await deleteAccountSessions(trx, account.id);
    await recordAudit(ctx, trx, {
      action: 'password.reset',
      entityType: 'account',
      entityId: account.id,
      actorAccountId: account.id,
      organisationId: null,
      details: { sessionsRevoked: revoked },
    });
  });
}
