// Two-factor sign-in: enrolment with a QR code, the code step after the password, recovery codes,
// and switching two-factor off where no role requires it.
import type { Ctx } from '#server/context.ts';
import { actorOf } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { Db } from '#server/db/db.ts';
import type { SignInStep } from '#shared/auth/me.schema.ts';
import type { RecoveryCodes, TotpEnrolment, TwoFactorStatus } from '#shared/auth/sign-in.schema.ts';
import {
  countUnusedRecoveryCodes,
  findCredentialsById,
  replaceRecoveryCodes,
  setTotp,
  setTotpLastStep,
  useRecoveryCode,
  type CredentialRow,
} from './credential.queries.ts';
import { confirmPassword } from './password-check.service.ts';
import {
  countAttempt,
  limitsFor,
  refundAttempt,
  secondFactorLock,
  SECOND_FACTOR_LOCK_AFTER,
  SECOND_FACTOR_LOCK_MINUTES,
  tooManyAttempts,
  type Limit,
} from './rate-limit.service.ts';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes.ts';
import { completeSecondFactor } from './session.service.ts';
import { newTotpSecret, openTotpSecret, sealTotpSecret, totpQrDataUrl, verifyTotp } from './totp.ts';

const WRONG_CODE = 'The code is not correct.';

/** Starts (or restarts) enrolment: a new secret, kept pending until a code from it is confirmed. */
export async function startTotpEnrolment(ctx: Ctx): Promise<TotpEnrolment> {
  const actor = actorOf(ctx);
  if (actor.twoFactorEnabled) throw new AppError('conflict', 'Two-factor sign-in is already on.');
  const secret = newTotpSecret();
  await setTotp(ctx.db, actor.accountId, { totpSecret: sealTotpSecret(ctx.config.encryptionKeys, secret), totpEnabledAt: null, totpLastStep: null }, ctx.now);
  return { secret, qrDataUrl: await totpQrDataUrl(secret, actor.email) };
}

/** Confirms enrolment with a first code: two-factor goes on, the session gets a new token, recovery codes are shown once. */
export async function confirmTotpEnrolment(ctx: Ctx, code: string): Promise<RecoveryCodes & { signInStep: SignInStep; token: string }> {
  const actor = actorOf(ctx);
  const limits = await reserveCodeCheck(ctx, actor.accountId);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const account = await lockedCredentials(trx, actor.accountId);
    if (account.totpEnabledAt) throw new AppError('conflict', 'Two-factor sign-in is already on.');
    if (!account.totpSecret) throw new AppError('conflict', 'Start the set-up again.');
    const step = await verifyTotp(openTotpSecret(ctx.config.encryptionKeys, account.totpSecret), code, ctx.now);
    if (step === null) return null;
    await setTotp(trx, account.id, { totpSecret: account.totpSecret, totpEnabledAt: ctx.now, totpLastStep: step }, ctx.now);
    const recoveryCodes = await issueRecoveryCodes(trx, account.id);
    const token = await completeSecondFactor(trx, actor.sessionId, ctx.now);
    await recordAudit(ctx, trx, { action: 'two_factor.enabled', entityType: 'account', entityId: account.id });
    return { recoveryCodes, signInStep: 'done' as const, token };
  });
  if (!result) return wrongCode(ctx);
  await refundAttempt(ctx.db, ctx.now, limits);
  return result;
}

/** The sign-in step after the password: an authenticator code, or a recovery code (used up); then a new session token. */
export async function verifySecondFactor(ctx: Ctx, code: string): Promise<{ signInStep: SignInStep; token?: string }> {
  const actor = actorOf(ctx);
  if (actor.fullySignedIn) return { signInStep: 'done' };
  if (!actor.twoFactorEnabled) throw new AppError('conflict', 'Set up two-factor sign-in first.');
  const limits = await reserveCodeCheck(ctx, actor.accountId);
  const token = await ctx.db.transaction().execute(async (trx) => {
    const account = await lockedCredentials(trx, actor.accountId);
    const method = await checkSecondFactor(ctx, trx, account, code);
    if (!method) return null;
    const newToken = await completeSecondFactor(trx, actor.sessionId, ctx.now);
    await recordAudit(ctx, trx, { action: 'sign_in.second_factor', entityType: 'account', entityId: account.id, details: { method } });
    if (method === 'recovery_code') {
      await recordAudit(ctx, trx, { action: 'two_factor.recovery_code_used', entityType: 'account', entityId: account.id });
    }
    return newToken;
  });
  if (!token) return wrongCode(ctx);
  await refundAttempt(ctx.db, ctx.now, limits);
  return { signInStep: 'done', token };
}

/**
 * Counts a code check before it runs, per address, per account and address, and per account across all addresses
 * (429 when over); the attempt after the 10th wrong code locks the second factor for 15 minutes, audited once.
 */
async function reserveCodeCheck(ctx: Ctx, accountId: string): Promise<Limit[]> {
  const limits = [...limitsFor('totp', ctx.ip, accountId), secondFactorLock(accountId)];
  const { over } = await ctx.db.transaction().execute(async (trx) => {
    const counted = await countAttempt(trx, ctx.now, limits);
    if (counted.tripped.length > 0) {
      const details = { minutes: SECOND_FACTOR_LOCK_MINUTES, failures: SECOND_FACTOR_LOCK_AFTER };
      await recordAudit(ctx, trx, { action: 'two_factor.locked', entityType: 'account', entityId: accountId, details });
    }
    return counted;
  });
  if (over) throw tooManyAttempts();
  return limits;
}

async function checkSecondFactor(ctx: Ctx, trx: Db, account: CredentialRow, code: string): Promise<'totp' | 'recovery_code' | null> {
  if (looksLikeRecoveryCode(code)) {
    return (await useRecoveryCode(trx, account.id, hashRecoveryCode(account.id, code), ctx.now)) ? 'recovery_code' : null;
  }
  if (!account.totpSecret) return null;
  const step = await verifyTotp(openTotpSecret(ctx.config.encryptionKeys, account.totpSecret), code.replace(/\s/g, ''), ctx.now);
  // NOTE: a code is good for one use only: a step at or before the last one used is a replay.
  if (step === null || (account.totpLastStep !== null && step <= account.totpLastStep)) return null;
  await setTotpLastStep(trx, account.id, step);
  return 'totp';
}

async function wrongCode(ctx: Ctx): Promise<never> {
  await ctx.db.transaction().execute(async (trx) => {
    await recordAudit(ctx, trx, { action: 'sign_in.second_factor_failed', entityType: 'account', entityId: ctx.actor?.accountId ?? null });
  });
  throw new AppError('invalid', WRONG_CODE, { fields: { code: WRONG_CODE } });
}

/** Replaces the recovery codes (after the password is confirmed); the old ones stop working. */
export async function regenerateRecoveryCodes(ctx: Ctx, currentPassword: string): Promise<RecoveryCodes> {
  const actor = actorOf(ctx);
  if (!actor.twoFactorEnabled) throw new AppError('conflict', 'Two-factor sign-in is not on.');
  await confirmPassword(ctx, currentPassword);
  return ctx.db.transaction().execute(async (trx) => {
    const recoveryCodes = await issueRecoveryCodes(trx, actor.accountId);
    await recordAudit(ctx, trx, { action: 'two_factor.recovery_codes_regenerated', entityType: 'account', entityId: actor.accountId });
    return { recoveryCodes };
  });
}

/** Switches two-factor off; refused while a role or platform administration requires it. */
export async function disableTotp(ctx: Ctx, currentPassword: string): Promise<void> {
  const actor = actorOf(ctx);
  if (actor.twoFactorRequired) throw new AppError('forbidden', 'Your role requires two-factor sign-in.');
  if (!actor.twoFactorEnabled) throw new AppError('conflict', 'Two-factor sign-in is not on.');
  await confirmPassword(ctx, currentPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await setTotp(trx, actor.accountId, { totpSecret: null, totpEnabledAt: null, totpLastStep: null }, ctx.now);
    await replaceRecoveryCodes(trx, actor.accountId, []);
    await recordAudit(ctx, trx, { action: 'two_factor.disabled', entityType: 'account', entityId: actor.accountId });
  });
}

export async function twoFactorStatus(ctx: Ctx): Promise<TwoFactorStatus> {
  const actor = actorOf(ctx);
  const left = actor.twoFactorEnabled ? await countUnusedRecoveryCodes(ctx.db, actor.accountId) : 0;
  return { enabled: actor.twoFactorEnabled, required: actor.twoFactorRequired, recoveryCodesLeft: left };
}

async function issueRecoveryCodes(trx: Db, accountId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(trx, accountId, codes.map((c) => hashRecoveryCode(accountId, c)));
  return codes;
}

async function lockedCredentials(trx: Db, accountId: string): Promise<CredentialRow> {
  const account = await findCredentialsById(trx, accountId, true);
  if (!account) throw new AppError('unauthorized', 'Please sign in.');
  return account;
}
