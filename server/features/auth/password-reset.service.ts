// Password reset by email: a single-use link valid for 30 minutes. The request always gets the same answer after
// the same work (one queued job), so neither the answer nor its timing tells whether an account exists.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit, systemCtx } from '#server/features/audit/audit.service.ts';
import { queueEmail } from '#server/features/email/email.service.ts';
import { enqueueJob, type JobHandler } from '#server/features/jobs/jobs.service.ts';
import { decrypt, encrypt, randomToken, sha256 } from '#server/lib/crypto.ts';
import type { PasswordResetComplete } from '#shared/auth/sign-in.schema.ts';
import { findCredentialsByEmail, findCredentialsById, setPasswordHash } from './credential.queries.ts';
import { hashPassword } from './password.ts';
import { assertAcceptablePassword } from './password-policy.service.ts';
import { closeOpenResets, consumePasswordReset, insertPasswordReset } from './password-reset.queries.ts';
import { consumeAttempt, limitsFor } from './rate-limit.service.ts';
import { deleteAccountSessions } from './session.queries.ts';

export const RESET_MINUTES = 30;
export const PASSWORD_RESET_JOB = 'password_reset_request';
const INVALID_LINK = 'This link has expired or has already been used. Ask for a new one.';
export const RESET_JOB_DELAY_MS = 10_000;
const ResetRequestSchema = z.object({ email: z.string(), ip: z.string().nullable(), requestedAt: z.iso.datetime() });

/** Queues the request; the job emails a reset link when the account exists and is active, and otherwise does nothing. */
export async function requestPasswordReset(ctx: Ctx, email: string): Promise<void> {
  await consumeAttempt(ctx.db, ctx.now, limitsFor('reset', ctx.ip, email));
  // NOTE: looking the account up here made a known email's answer take twice as long as an unknown one's. The email
  // (and the address, for the audit) are encrypted with the keyring: the job table holds no address in clear. The job
  // waits a random 0–10 s, so its extra work for a known account does not follow the request at a predictable moment.
  const request = encrypt(ctx.config.encryptionKeys, JSON.stringify({ email, ip: ctx.ip, requestedAt: ctx.now.toISOString() }));
  const runAt = new Date(ctx.now.getTime() + randomInt(RESET_JOB_DELAY_MS));
  await enqueueJob(ctx.db, { kind: PASSWORD_RESET_JOB, payload: { request }, runAt, maxAttempts: 3 });
}

/** The password_reset_request job: the link and its email for an active account, nothing for any other email. */
export const passwordResetJob: JobHandler = async (job, { deps, log, now }) => {
  const { email, ip, requestedAt } = ResetRequestSchema.parse(JSON.parse(decrypt(deps.config.encryptionKeys, String(job.payload.request ?? ''))));
  const account = await findCredentialsByEmail(deps.db, email);
  if (!account || account.disabledAt) return;
  const token = randomToken();
  await deps.db.transaction().execute(async (trx) => {
    const ctx = { ...systemCtx(trx, deps.config, log, now), ip };
    // NOTE: the 30 minutes the email promises count from the request, not from when the job ran.
    const expiresAt = new Date(new Date(requestedAt).getTime() + RESET_MINUTES * 60_000);
    await insertPasswordReset(trx, { accountId: account.id, tokenHash: sha256(token), expiresAt, now });
    await queueEmail(trx, { to: account.email, subject: 'Pro Health: password reset', text: resetEmailText(deps.config.publicUrl, token) });
    await recordAudit(ctx, trx, { action: 'password.reset_requested', entityType: 'account', entityId: account.id, actorAccountId: null, organisationId: null });
  });
};

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
