// One-time recovery codes: 10 random codes of 80 bits each, shown once, stored as salted SHA-256.
import { createHash, randomBytes } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I: codes are copied by hand

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** The account id salts the hash, so one table of precomputed hashes cannot serve every account. */
export function hashRecoveryCode(accountId: string, code: string): string {
  return createHash('sha256').update(`${accountId}:${normaliseRecoveryCode(code)}`).digest('hex');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[A-Z0-9]{16}$/.test(normaliseRecoveryCode(code));
}
