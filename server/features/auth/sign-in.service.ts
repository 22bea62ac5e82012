// Sign-in with email and password: lockout after repeated failures, rate limits, and one generic message
// for every failure, so that no answer reveals whether an account exists.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { SignIn, SignInResult } from '#shared/auth/sign-in.schema.ts';
import { findCredentialsByEmail, type CredentialRow } from './credential.queries.ts';
import { lockIfDue, releasePasswordCheck, reservePasswordCheck } from './lockout.service.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';
import { consumeAttempt, limitsFor, refundAttempt } from './rate-limit.service.ts';
import { deleteSession, firstMembershipOrganisation } from './session.queries.ts';
import { actorSignInStep, resolveSession, startSession } from './session.service.ts';

export const WRONG_CREDENTIALS = 'Email or password is not correct';

type Verdict = 'ok' | 'unknown_account' | 'wrong_password' | 'locked' | 'disabled';

/** Checks the password and starts a session; the token goes into the cookie, never into the body. */
export async function signIn(ctx: Ctx, input: SignIn, userAgent: string | null): Promise<SignInResult & { token: string }> {
  const limits = limitsFor('sign_in', ctx.ip, input.email);
  // NOTE: every limit is counted before the password is checked, and a success gives its count back: counting only
  // after a failure let parallel attempts all pass a check that none of them had counted yet.
  await consumeAttempt(ctx.db, ctx.now, limits);
  const account = await findCredentialsByEmail(ctx.db, input.email);
  const check = await reservePasswordCheck(ctx, account?.id ?? null);
  const verdict = await checkCredentials(account, check, input.password);
  if (verdict === 'ok' && account && (await releasePasswordCheck(ctx, account.id))) {
    await refundAttempt(ctx.db, ctx.now, limits);
    return startSignedInSession(ctx, account.id, userAgent);
  }
  // NOTE: 'ok' here means the account was locked while its password was checked: once locked, the right one fails too.
  await recordFailure(ctx, account, verdict === 'ok' ? 'locked' : verdict);
  throw new AppError('unauthorized', WRONG_CREDENTIALS);
}

async function startSignedInSession(ctx: Ctx, accountId: string, userAgent: string | null): Promise<SignInResult & { token: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    // NOTE: a browser holds one session: signing in again replaces the one its cookie named.
    if (ctx.actor) await deleteSession(trx, ctx.actor.sessionId);
    const organisationId = await firstMembershipOrganisation(trx, accountId);
    const session = await startSession(trx, ctx.config, ctx.now, { accountId, organisationId, ip: ctx.ip, userAgent });
    const actor = await resolveSession(trx, ctx.config, session.token, ctx.now);
    if (!actor) throw new Error('a new session did not resolve');
    const signInStep = actorSignInStep(actor);
    await recordAudit(ctx, trx, {
      action: 'sign_in.password',
      entityType: 'account',
      entityId: accountId,
      actorAccountId: accountId,
      organisationId,
      details: { signInStep },
    });
    return { token: session.token, signInStep };
  });
}

async function checkCredentials(account: CredentialRow | undefined, check: 'open' | 'locked', password: string): Promise<Verdict> {
  const hash = check === 'open' ? account?.passwordHash : null;
  // NOTE: one argon2 verification on every path (a fixed dummy hash when there is nothing to check), and a disabled
  // account's password is checked too, so that no answer comes back sooner than another.
  const matches = hash ? await verifyPassword(hash, password) : await verifyAgainstDummy(password).then(() => false);
  if (!account) return 'unknown_account';
  if (account.disabledAt) return 'disabled';
  if (check === 'locked') return 'locked';
  return matches ? 'ok' : 'wrong_password';
}

async function recordFailure(ctx: Ctx, account: CredentialRow | undefined, verdict: Verdict): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const accountId = account?.id ?? null;
    await recordAudit(ctx, trx, {
      action: 'sign_in.failed',
      entityType: 'account',
      entityId: accountId,
      actorAccountId: accountId,
      organisationId: null,
      details: { reason: verdict },
    });
    if (verdict === 'wrong_password' || verdict === 'unknown_account') await lockIfDue(ctx, trx, accountId);
  });
}

/** Ends the caller's session. */
export async function signOut(ctx: Ctx): Promise<void> {
  const actor = ctx.actor;
  if (!actor) return;
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, actor.sessionId);
    await recordAudit(ctx, trx, { action: 'sign_out', entityType: 'session', entityId: actor.sessionId });
  });
}
