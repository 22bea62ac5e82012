// Passwords of accounts created here (invitation, create-user command): the auth feature's policy and hashing.
import { hashPassword } from '#server/features/auth/password.ts';
import { assertAcceptablePassword } from '#server/features/auth/password-policy.service.ts';

/** Refuses a password the policy rejects (length, email in it, common or breached), as a field error on `password`. */
export function checkNewPassword(password: string, email: string): void {
  assertAcceptablePassword(password, email);
}

export function hashNewPassword(password: string): Promise<string> {
  return hashPassword(password);
}
