import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decrypt, decryptBytes, encrypt, encryptBytes, randomToken, sha256 } from './crypto.ts';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };

describe('encrypt / decrypt', () => {
  it('round-trips text, including non-ASCII', () => {
    const sealed = encrypt([k1], 'secret ș ț ø å');
    expect(decrypt([k1], sealed)).toBe('secret ș ț ø å');
  });

  it('writes keyId:iv:tag:ciphertext in base64url, with a fresh IV each time', () => {
    const a = encrypt([k1], 'same');
    const b = encrypt([k1], 'same');
    expect(a).not.toBe(b);
    const parts = a.split(':');
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe('k1');
    for (const part of parts.slice(1)) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(parts[1] ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(parts[2] ?? '', 'base64url')).toHaveLength(16);
  });

  it('refuses a tag cut short (GCM would otherwise accept a 4-byte prefix of the real tag)', () => {
    const [id, iv, tag, body] = encrypt([k1], 'secret').split(':') as [string, string, string, string];
    for (const bytes of [4, 8, 12, 15]) {
      const short = Buffer.from(tag, 'base64url').subarray(0, bytes).toString('base64url');
      expect(() => decrypt([k1], [id, iv, short, body].join(':'))).toThrow();
    }
  });

  it('encrypts with the first key and still decrypts with an older one after rotation', () => {
    const old = encrypt([k1], 'before rotation');
    const rotated = [k2, k1];
    expect(decrypt(rotated, old)).toBe('before rotation');
    expect(encrypt(rotated, 'after').startsWith('k2:')).toBe(true);
  });

  it('refuses altered ciphertext, a swapped key id, an unknown key and malformed input', () => {
    const sealed = encrypt([k1], 'payload');
    const [id, iv, tag, body] = sealed.split(':') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => decrypt([k1], [id, iv, tag, flipped.toString('base64url')].join(':'))).toThrow();
    expect(() => decrypt([k1, { id: 'k9', key: k1.key }], ['k9', iv, tag, body].join(':'))).toThrow();
    expect(() => decrypt([k2], sealed)).toThrow('unknown key');
    expect(() => decrypt([k1], 'not-a-ciphertext')).toThrow('malformed');
    expect(() => encrypt([], 'x')).toThrow('empty');
  });
});

describe('tokens', () => {
  it('makes 32-byte base64url tokens and hex SHA-256 digests', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(token);
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('encryptBytes / decryptBytes', () => {
  it('round-trips bytes with the first key, names it, and refuses altered bytes or an unknown key', () => {
    const plain = randomBytes(1000);
    const sealed = encryptBytes([k2, k1], plain);
    expect(sealed.keyId).toBe('k2');
    expect(sealed.content.includes(plain.subarray(0, 16))).toBe(false);
    expect(decryptBytes([k1, k2], sealed).equals(plain)).toBe(true);
    const altered = Buffer.from(sealed.content);
    altered[40] = (altered[40] ?? 0) ^ 1;
    expect(() => decryptBytes([k2], { keyId: 'k2', content: altered })).toThrow();
    expect(() => decryptBytes([k1], sealed)).toThrow('unknown key');
    expect(() => decryptBytes([k2], { keyId: 'k2', content: Buffer.alloc(10) })).toThrow('malformed');
  });
});
