// Sign-in with email and password: lockout after repeated failures, rate limits, and one generic message
// for every failure, so that no answer reveals whether an account exists.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { SignIn, SignInResult } from '#shared/auth/sign-in.schema.ts';
import { clearFailedSignIns, findCredentialsByEmail, incrementFailedSignIns, lockAccount, type CredentialRow } from './credential.queries.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';
import { assertUnderLimits, countAttempt, limitsFor, type Limit } from './rate-limit.service.ts';
import { deleteSession, firstMembershipOrganisation } from './session.queries.ts';
import { actorSignInStep, resolveSession, startSession } from './session.service.ts';

export const WRONG_CREDENTIALS = 'Email or password is not correct';
const LOCK_AFTER = 5;
const LOCK_MS = 15 * 60_000;

type Verdict = 'ok' | 'unknown_account' | 'wrong_password' | 'locked' | 'disabled';

/** Checks the password and starts a session; the token goes into the cookie, never into the body. */
export async function signIn(ctx: Ctx, input: SignIn, userAgent: string | null): Promise<SignInResult & { token: string }> {
  const limits = limitsFor('sign_in', ctx.ip, input.email);
  await assertUnderLimits(ctx.db, ctx.now, limits);
  const account = await findCredentialsByEmail(ctx.db, input.email);
  const verdict = await checkCredentials(account, input.password, ctx.now);
  if (verdict !== 'ok' || !account) {
    await recordFailure(ctx, account, verdict, limits);
    throw new AppError('unauthorized', WRONG_CREDENTIALS);
  }
  return ctx.db.transaction().execute(async (trx) => {
    // NOTE: a browser holds one session: signing in again replaces the one its cookie named.
    if (ctx.actor) await deleteSession(trx, ctx.actor.sessionId);
    await clearFailedSignIns(trx, account.id);
    const organisationId = await firstMembershipOrganisation(trx, account.id);
    const session = await startSession(trx, ctx.config, ctx.now, { accountId: account.id, organisationId, ip: ctx.ip, userAgent });
    const actor = await resolveSession(trx, ctx.config, session.token, ctx.now);
    if (!actor) throw new Error('a new session did not resolve');
    const signInStep = actorSignInStep(actor);
    await recordAudit(ctx, trx, {
      action: 'sign_in.password',
      entityType: 'account',
      entityId: account.id,
      actorAccountId: account.id,
      organisationId,
      details: { signInStep },
    });
    return { token: session.token, signInStep };
  });
}

async function checkCredentials(account: CredentialRow | undefined, password: string, now: Date): Promise<Verdict> {
  if (!account?.passwordHash) {
    await verifyAgainstDummy(password);
    return account ? 'wrong_password' : 'unknown_account';
  }
  const matches = await verifyPassword(account.passwordHash, password);
  // NOTE: the password is checked first even when locked or disabled, so all answers take the same time.
  if (account.disabledAt) return 'disabled';
  if (account.lockedUntil && account.lockedUntil > now) return 'locked';
  return matches ? 'ok' : 'wrong_password';
}

async function recordFailure(ctx: Ctx, account: CredentialRow | undefined, verdict: Verdict, limits: Limit[]): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await countAttempt(trx, ctx.now, limits);
    const accountId = account?.id ?? null;
    await recordAudit(ctx, trx, {
      action: 'sign_in.failed',
      entityType: 'account',
      entityId: accountId,
      actorAccountId: accountId,
      organisationId: null,
      details: { reason: verdict },
    });
    if (!account || verdict !== 'wrong_password') return;
    const failures = await incrementFailedSignIns(trx, account.id);
    if (failures < LOCK_AFTER) return;
    await lockAccount(trx, account.id, new Date(ctx.now.getTime() + LOCK_MS));
    await recordAudit(ctx, trx, {
      action: 'account.locked',
      entityType: 'account',
      entityId: account.id,
      actorAccountId: null,
      organisationId: null,
      details: { minutes: LOCK_MS / 60_000, failures },
    });
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
