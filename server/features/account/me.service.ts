// The signed-in account's own settings: who am I, language, active organisation, and my sessions.
import type { Ctx } from '#server/context.ts';
import { readCacheOf } from '#server/db/db.ts';
import { actorOf } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import type { Actor } from '#server/http/access.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { actorSignInStep } from '#server/features/auth/session.service.ts';
import type { Language, Me } from '#shared/auth/me.schema.ts';
import { isRole } from '#shared/auth/roles.ts';
import type { SessionList } from '#shared/auth/account.schema.ts';
import { deleteOtherSessions, deleteOwnSession, findMembership, listMemberships, listSessions, setLanguage, setSessionOrganisation } from './me.queries.ts';
import { summariseUserAgent } from './user-agent.ts';

/** Who is signed in, how far through sign-in, and in which organisations (once fully signed in). */
export async function getMe(ctx: Ctx): Promise<Me> {
  const actor = actorOf(ctx);
  if (!actor.fullySignedIn) return signInStepMe(actor);
  const cache = readCacheOf(ctx.db);
  const load = () => listMemberships(ctx.db, actor.accountId);
  const memberships = cache ? await cache.read(`memberships:${actor.accountId}`, load) : await load();
  return {
    account: {
      id: actor.accountId,
      email: actor.email,
      displayName: actor.displayName,
      language: isLanguage(actor.language) ? actor.language : null,
      isPlatformAdmin: actor.isPlatformAdmin,
      twoFactorEnabled: actor.twoFactorEnabled,
      twoFactorRequired: actor.twoFactorRequired,
    },
    signInStep: actorSignInStep(actor),
    organisationId: actor.organisationId,
    roles: actor.roles,
    memberships: memberships.map((m) => ({ ...m, roles: m.roles.filter(isRole) })),
  };
}

/**
 * "Me" of a session that has passed only the password: what the next step needs, nothing more.
 * NOTE: a guessed or phished password alone must not tell which organisations, roles or name the account has.
 */
function signInStepMe(actor: Actor): Me {
  return {
    account: {
      id: actor.accountId,
      email: actor.email,
      language: isLanguage(actor.language) ? actor.language : null,
      twoFactorEnabled: actor.twoFactorEnabled,
      twoFactorRequired: actor.twoFactorRequired,
    },
    signInStep: actorSignInStep(actor),
    organisationId: null,
    roles: [],
    memberships: [],
  };
}

function isLanguage(value: string | null): value is Language {
  return value === 'ro' || value === 'en' || value === 'nb';
}

/** Remembers the interface language for this account on every device. */
export async function saveLanguage(ctx: Ctx, language: Language): Promise<void> {
  await setLanguage(ctx.db, actorOf(ctx).accountId, language, ctx.now);
}

/** Makes another of the account's own organisations the one this session acts for; answers the new "me". */
export async function switchOrganisation(ctx: Ctx, organisationId: string): Promise<Me> {
  const actor = actorOf(ctx);
  const membership = await findMembership(ctx.db, actor.accountId, organisationId);
  if (!membership) throw new AppError('not_found', 'You are not a member of this organisation.');
  await ctx.db.transaction().execute(async (trx) => {
    await setSessionOrganisation(trx, actor.sessionId, organisationId);
    await recordAudit(ctx, trx, { action: 'session.organisation_switched', entityType: 'session', entityId: actor.sessionId, organisationId });
  });
  return getMe({ ...ctx, actor: { ...actor, organisationId, roles: membership.roles.filter(isRole) } });
}

/** The account's live sessions, the current one marked, devices summarised (no addresses). */
export async function listMySessions(ctx: Ctx): Promise<SessionList> {
  const actor = actorOf(ctx);
  const idleSince = new Date(ctx.now.getTime() - ctx.config.sessionIdleMinutes * 60_000);
  const rows = await listSessions(ctx.db, actor.accountId, ctx.now, idleSince);
  return {
    sessions: rows.map((row) => ({
      id: row.id,
      current: row.id === actor.sessionId,
      ...summariseUserAgent(row.userAgent),
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
    })),
  };
}

/** Signs out one of the account's own sessions (possibly this one). */
export async function revokeMySession(ctx: Ctx, sessionId: string): Promise<void> {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteOwnSession(trx, actor.accountId, sessionId))) throw new AppError('not_found', 'This session does not exist.');
    await recordAudit(ctx, trx, { action: 'session.revoked', entityType: 'session', entityId: sessionId });
  });
}

/** Signs out every other session of the account; this one stays. */
export async function signOutEverywhereElse(ctx: Ctx): Promise<number> {
  const actor = actorOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const count = await deleteOtherSessions(trx, actor.accountId, actor.sessionId);
    await recordAudit(ctx, trx, { action: 'session.revoked_all', entityType: 'account', entityId: actor.accountId, details: { sessionsRevoked: count } });
    return count;
  });
}
