// Rate limits on sign-in, password reset and two-factor codes, kept in the database so all instances share them.
// NOTE: keys hold a hash of the email, never the email itself (the table is not personal data then).
import type { Db } from '#server/db/db.ts';
import { AppError } from '#server/errors.ts';
import { sha256 } from '#server/lib/crypto.ts';
import { addHit, removeHit, restartWindow } from './rate-limit.queries.ts';

export interface Limit {
  key: string;
  max: number;
  windowMs: number;
  /** Going over starts the window again, so the key stays refused for a whole window from then: a temporary lock. */
  locks?: boolean;
}

const WINDOW = 15 * 60_000;
export const SECOND_FACTOR_LOCK_AFTER = 10;
export const SECOND_FACTOR_LOCK_MINUTES = WINDOW / 60_000;

/** Limits for one action: per account and address together, and per address alone. */
export function limitsFor(action: 'sign_in' | 'reset' | 'totp', ip: string | null, subject: string | null): Limit[] {
  const address = ip ?? 'unknown';
  const limits: Limit[] = [{ key: `${action}:ip:${address}`, max: 50, windowMs: WINDOW }];
  if (subject) limits.push({ key: `${action}:subject:${sha256(subject.toLowerCase())}:${address}`, max: 10, windowMs: WINDOW });
  return limits;
}

/** Wrong two-factor codes of one account from every address together: after 10 in 15 minutes, 15 minutes locked. */
export function secondFactorLock(accountId: string): Limit {
  return { key: `totp:account:${sha256(accountId)}`, max: SECOND_FACTOR_LOCK_AFTER, windowMs: WINDOW, locks: true };
}

/**
 * Counts one attempt against every limit; call it BEFORE the check it guards, so that parallel attempts cannot all
 * pass a count that none of them has written yet. Answers whether it went over, and which locking limits it tripped.
 */
export async function countAttempt(db: Db, now: Date, limits: Limit[]): Promise<{ over: boolean; tripped: Limit[] }> {
  let over = false;
  const tripped: Limit[] = [];
  for (const limit of limits) {
    const hits = await addHit(db, limit.key, now, windowStartOf(now, limit));
    if (hits <= limit.max) continue;
    over = true;
    // NOTE: exactly one attempt sees max + 1 (the increment is atomic), so a lock starts, and is audited, once.
    if (limit.locks && hits === limit.max + 1) {
      await restartWindow(db, limit.key, now);
      tripped.push(limit);
    }
  }
  return { over, tripped };
}

/** Counts one attempt and refuses (429) when it goes over a limit. */
export async function consumeAttempt(db: Db, now: Date, limits: Limit[]): Promise<void> {
  if ((await countAttempt(db, now, limits)).over) throw tooManyAttempts();
}

/** Takes back the attempt of a check that passed: only failures use up a limit. */
export async function refundAttempt(db: Db, now: Date, limits: Limit[]): Promise<void> {
  for (const limit of limits) await removeHit(db, limit.key, windowStartOf(now, limit));
}

function windowStartOf(now: Date, limit: Limit): Date {
  return new Date(now.getTime() - limit.windowMs);
}

export function tooManyAttempts(): AppError {
  return new AppError('too_many_requests', 'Too many attempts. Please wait and try again.');
}
