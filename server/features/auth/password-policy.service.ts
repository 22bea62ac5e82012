// The server's password policy: the shared length rules, plus the bundled list of common and breached passwords.
import { readFileSync } from 'node:fs';
import { AppError } from '#server/errors.ts';
import { PASSWORD_MESSAGES, basicPasswordProblem, type PasswordProblem } from '#shared/auth/password-policy.ts';

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && !line.startsWith('#')),
  );
  return common;
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email: string | null): PasswordProblem | null {
  const basic = basicPasswordProblem(password, email);
  if (basic) return basic;
  const lower = password.toLowerCase();
  // NOTE: "password123!" and "Password123" are as weak as the listed word, so a trailing digit/symbol run is ignored.
  const stem = lower.replace(/[\d\s!@#$%^&*.?_-]+$/, '');
  const list = commonPasswords();
  return list.has(lower) || (stem.length >= 4 && list.has(stem)) ? 'common' : null;
}

/** Throws a field error on `field` saying why the password is refused. */
export function assertAcceptablePassword(password: string, email: string | null, field = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new AppError('invalid', PASSWORD_MESSAGES[problem], { fields: { [field]: PASSWORD_MESSAGES[problem] } });
}
