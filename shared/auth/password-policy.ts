// Password rules shared by server and web: length only (NIST SP 800-63B), no composition rules.
// The server also refuses passwords from its bundled list of common and breached passwords.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'contains_email' | 'common';

/** The field error the server sends for each problem; the web maps them back to translated text. */
export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN} characters.`,
  too_long: `Use at most ${PASSWORD_MAX} characters.`,
  contains_email: 'Do not use your email address in the password.',
  common: 'This password is too common. Choose one that is harder to guess.',
};

/** Length counts characters as people see them (code points), not UTF-16 units. */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** The rules that need no list: length, and not containing the email's local part. */
export function basicPasswordProblem(password: string, email: string | null): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const local = email?.split('@')[0]?.toLowerCase() ?? '';
  // NOTE: very short local parts ("a@…") would refuse too much; three characters is the useful minimum.
  if (local.length >= 3 && password.toLowerCase().includes(local)) return 'contains_email';
  return null;
}
