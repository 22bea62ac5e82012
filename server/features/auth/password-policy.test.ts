import { describe, expect, it } from 'vitest';
import { basicPasswordProblem, PASSWORD_MESSAGES } from '#shared/auth/password-policy.ts';
import { assertAcceptablePassword, passwordProblem } from './password-policy.service.ts';
import { hashPassword, verifyPassword } from './password.ts';

describe('password policy', () => {
  it.each([
    ['eleven char', 'too_short'],
    ['twelve chars', null],
    ['a'.repeat(128), null],
    ['a'.repeat(129), 'too_long'],
    ['ăîșțâăîșțâăî', null], // 12 characters, more UTF-16 units than that is irrelevant
    ['😀😀😀😀😀😀😀😀😀😀😀', 'too_short'], // 11 characters, 22 UTF-16 units
    ['lowercaseonlyisfine', null],
  ])('length rule: %s → %s', (password, problem) => {
    expect(basicPasswordProblem(password, null)).toBe(problem);
  });

  it('refuses passwords that contain the email local part, ignoring case', () => {
    expect(basicPasswordProblem('my-Ioana.Pop-is-long', 'ioana.pop@example.ro')).toBe('contains_email');
    expect(basicPasswordProblem('something long and unrelated', 'ioana.pop@example.ro')).toBeNull();
    expect(basicPasswordProblem('abababababab', 'ab@example.ro')).toBeNull();
  });

  it.each([
    ['passwordpassword', 'common'],
    ['Password123456', 'common'],
    ['parola1234567', 'common'],
    ['passord123456!', 'common'],
    ['qwertyuiop123', 'common'],
    ['correcthorsebatterystaple', 'common'],
    ['Sommer2025!!!', 'common'],
    ['iubirea20242024', 'common'],
    ['blue kettle under the stairs', null],
    ['tranquil-otter-harbour', null],
  ])('common list: %s → %s', (password, problem) => {
    expect(passwordProblem(password, null)).toBe(problem);
  });

  it('throws a field error that says why', () => {
    expect(() => assertAcceptablePassword('short', null, 'newPassword')).toThrow(
      expect.objectContaining({ code: 'invalid', fields: { newPassword: PASSWORD_MESSAGES.too_short } }),
    );
  });
});

describe('password hashing', () => {
  it('uses argon2id at the OWASP minimum and verifies', async () => {
    const hash = await hashPassword('a long enough password');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'a long enough password')).toBe(true);
    expect(await verifyPassword(hash, 'a long enough passworD')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
