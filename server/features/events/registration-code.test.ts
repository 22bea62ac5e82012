// The signed check-in code: signs and verifies, survives key rotation, and refuses every altered or malformed code.
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { registrationIdOfPayload } from '#shared/events/check-in-code.ts';
import { isShortCodeOf, normaliseShortCode, shortCodeOf, signRegistrationCode, verifyRegistrationCode } from './registration-code.ts';

const key = (id: string) => ({ id, key: randomBytes(32) });
const ring = [key('k1')];

describe('registration code', () => {
  test('a signed code verifies to its registration id', () => {
    const id = randomUUID();
    const code = signRegistrationCode(ring, id);
    expect(code).toMatch(/^PH1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{16}$/);
    expect(verifyRegistrationCode(ring, code)).toBe(id);
  });

  test('a code signed with an older key of the ring still verifies after rotation; a foreign key does not', () => {
    const id = randomUUID();
    const old = signRegistrationCode(ring, id);
    expect(verifyRegistrationCode([key('k2'), ...ring], old)).toBe(id);
    expect(verifyRegistrationCode([key('k3')], old)).toBeNull();
  });

  test('any changed character, another id or a malformed code is refused', () => {
    const code = signRegistrationCode(ring, randomUUID());
    for (let i = 4; i < code.length; i++) {
      if (code[i] === '.') continue;
      const altered = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
      expect(verifyRegistrationCode(ring, altered), `position ${i}`).toBeNull();
    }
    const [, , mac] = code.split('.');
    const otherId = Buffer.from(randomUUID().replaceAll('-', ''), 'hex').toString('base64url');
    for (const bad of [`PH1.${otherId}.${mac}`, '', 'PH1', 'PH1..', `PH2${code.slice(3)}`, `${code}A`, code.toLowerCase(), `${code.slice(0, -1)}`]) {
      expect(verifyRegistrationCode(ring, bad), bad).toBeNull();
    }
  });

  test('the short code is eight unambiguous characters, typed loosely, and known under every key', () => {
    const id = randomUUID();
    const short = shortCodeOf(ring, id);
    expect(short).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normaliseShortCode(` ${short.toLowerCase().replace('-', '')} `)).toBe(short);
    expect(normaliseShortCode('OIL0-0000')).toBe('0110-0000');
    expect(normaliseShortCode('ABCD-EFG')).toBeNull();
    expect(normaliseShortCode('ABCD-EFGU')).toBeNull();
    expect(isShortCodeOf([key('k2'), ...ring], id, short)).toBe(true);
    expect(isShortCodeOf(ring, randomUUID(), short)).toBe(false);
  });

  test('the phone reads the registration id from a payload without the key, and only from a well-formed one', () => {
    const id = randomUUID();
    const code = signRegistrationCode(ring, id);
    expect(registrationIdOfPayload(code)).toBe(id);
    const lastIdChar = code.indexOf('.', 4) - 1;
    const spareBits = code.slice(0, lastIdChar) + (code[lastIdChar] === 'B' ? 'C' : 'B') + code.slice(lastIdChar + 1);
    expect(registrationIdOfPayload(spareBits)).not.toBe(id);
    expect(registrationIdOfPayload('PH1.short.x')).toBeNull();
  });
});
