// Sessions: the cookie's opaque token → the actor of a request; creation at sign-in, revocation at sign-out.
import type { Config } from '#server/config.ts';
import { readCacheOf, type Db } from '#server/db/db.ts';
import type { Actor } from '#server/http/access.ts';
import { randomToken, sha256 } from '#server/lib/crypto.ts';
import type { SignInStep } from '#shared/auth/me.schema.ts';
import { isRole, requiresTwoFactor } from '#shared/auth/roles.ts';
import { deleteSession, findSessionActor, insertSession, markSecondFactor, touchSession, type SessionActorRow } from './session.queries.ts';
import { isSessionAlive, needsTouch, signInStepOf } from './session.policy.ts';

export const SESSION_COOKIE = 'ph_session';

/** The actor behind a session token, or null when the session is unknown, idle too long, expired or the account disabled. */
export async function resolveSession(db: Db, config: Config, token: string, now: Date): Promise<Actor | null> {
  const hash = sha256(token);
  const cache = readCacheOf(db);
  const row = cache ? await cache.read(`session:${hash}`, () => findSessionActor(db, hash)) : await findSessionActor(db, hash);
  if (!row) return null;
  if (row.disabledAt || !isSessionAlive(row, now, config.sessionIdleMinutes)) {
    await deleteSession(db, row.sessionId);
    return null;
  }
  if (needsTouch(row, now)) await touchSession(db, row.sessionId, now);
  return actorOf(row);
}

function actorOf(row: SessionActorRow): Actor {
  const roles = (row.roles ?? []).filter(isRole);
  const twoFactorEnabled = row.totpEnabledAt !== null;
  const twoFactorRequired = row.anyTwoFactorRole || requiresTwoFactor(roles, row.isPlatformAdmin);
  const step = signInStepOf({ twoFactorEnabled, twoFactorRequired, secondFactorGiven: row.secondFactorAt !== null });
  return {
    accountId: row.accountId,
    sessionId: row.sessionId,
    email: row.email,
    displayName: row.displayName,
    language: row.language,
    isPlatformAdmin: row.isPlatformAdmin,
    organisationId: row.organisationId,
    roles,
    fullySignedIn: step === 'done',
    twoFactorEnabled,
    twoFactorRequired,
  };
}

/** The sign-in step of an actor: 'done' when fully signed in, else the step still due. */
export function actorSignInStep(actor: Actor): SignInStep {
  if (actor.fullySignedIn) return 'done';
  return actor.twoFactorEnabled ? 'totp' : 'enrol_totp';
}

export interface NewSession {
  accountId: string;
  organisationId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** Creates a session and returns its token: the only time the token exists outside the cookie. */
export async function startSession(db: Db, config: Config, now: Date, session: NewSession): Promise<{ id: string; token: string }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + config.sessionMaxHours * 3_600_000);
  const userAgent = session.userAgent?.slice(0, 512) ?? null;
  const id = await insertSession(db, { ...session, userAgent, tokenHash: sha256(token), now, expiresAt });
  return { id, token };
}

/**
 * Records the second factor and gives the session a new token, returned for the cookie: a token that was seen or
 * planted before the code (it only passed the password) stops working when the session gains full access.
 */
export async function completeSecondFactor(db: Db, sessionId: string, now: Date): Promise<string> {
  const token = randomToken();
  await markSecondFactor(db, sessionId, now, sha256(token));
  return token;
}
