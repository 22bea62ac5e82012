// Rate limits on sign-in, password reset and two-factor codes, kept in the database so all instances share them.
// NOTE: keys hold a hash of the email, never the email itself (the table is not personal data then).
import type { Db } from '#server/db/db.ts';
import { AppError } from '#server/errors.ts';
import { sha256 } from '#server/lib/crypto.ts';
import { addHit, currentHits } from './rate-limit.queries.ts';

export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

const WINDOW = 15 * 60_000;

/** Limits for one action: per account and address together, and per address alone. */
export function limitsFor(action: 'sign_in' | 'reset' | 'totp', ip: string | null, subject: string | null): Limit[] {
  const address = ip ?? 'unknown';
  const limits: Limit[] = [{ key: `${action}:ip:${address}`, max: 50, windowMs: WINDOW }];
  if (subject) limits.push({ key: `${action}:subject:${sha256(subject.toLowerCase())}:${address}`, max: 10, windowMs: WINDOW });
  return limits;
}

/** Refuses (429) when any limit is already used up; counts nothing. */
export async function assertUnderLimits(db: Db, now: Date, limits: Limit[]): Promise<void> {
  for (const limit of limits) {
    const hits = await currentHits(db, limit.key, windowStartOf(now, limit));
    if (hits >= limit.max) throw tooMany();
  }
}

/** Counts one attempt against every limit. */
export async function countAttempt(db: Db, now: Date, limits: Limit[]): Promise<void> {
  for (const limit of limits) await addHit(db, limit.key, now, windowStartOf(now, limit));
}

/** Counts one attempt and refuses (429) when it goes over a limit. */
export async function consumeAttempt(db: Db, now: Date, limits: Limit[]): Promise<void> {
  let over = false;
  for (const limit of limits) {
    const hits = await addHit(db, limit.key, now, windowStartOf(now, limit));
    if (hits > limit.max) over = true;
  }
  if (over) throw tooMany();
}

function windowStartOf(now: Date, limit: Limit): Date {
  return new Date(now.getTime() - limit.windowMs);
}

function tooMany(): AppError {
  return new AppError('too_many_requests', 'Too many attempts. Please wait and try again.');
}
