// Pure rules of sessions and sign-in steps, unit-testable with a fixed clock.
import type { SignInStep } from '#shared/auth/me.schema.ts';

export const TOUCH_EVERY_MS = 60_000;

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
}

/** A session ends after `idleMinutes` without a request, and at its absolute expiry whatever happens. */
export function isSessionAlive(session: SessionTimes, now: Date, idleMinutes: number): boolean {
  if (now.getTime() >= session.expiresAt.getTime()) return false;
  return now.getTime() - session.lastSeenAt.getTime() < idleMinutes * 60_000;
}

/** last_seen_at is written at most once a minute, so reads do not become writes on every request. */
export function needsTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS;
}

export interface TwoFactorState {
  twoFactorEnabled: boolean;
  twoFactorRequired: boolean;
  secondFactorGiven: boolean;
}

/** How far through sign-in a session is: the code is due when 2FA is on; enrolment when a role needs it. */
export function signInStepOf(state: TwoFactorState): SignInStep {
  if (state.secondFactorGiven) return 'done';
  if (state.twoFactorEnabled) return 'totp';
  if (state.twoFactorRequired) return 'enrol_totp';
  return 'done';
}
