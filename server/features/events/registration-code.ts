// The signed check-in code of a registration: "PH1.<registration id>.<HMAC>", what the person's QR code holds, and a
// short code of eight characters for typing by hand. Keys come from the blind-index keyring through HKDF, bound to
// this one purpose, so a code proves nothing anywhere else; every key of the ring verifies, so keys can rotate.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { KeyringKey } from '#server/lib/crypto.ts';
import { CODE_PREFIX, payloadParts } from '#shared/events/check-in-code.ts';

export { looksLikeQrPayload, normaliseShortCode } from '#shared/events/check-in-code.ts';

const PREFIX = CODE_PREFIX;
const PURPOSE = 'event-check-in-v1';
/** 96 bits: forging one needs 2^96 guesses, each answered by the server, and it stays a small QR code. */
const MAC_BYTES = 12;
// NOTE: Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper has no look-alike letters.
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const derived = new WeakMap<readonly KeyringKey[], Buffer[]>();

function purposeKeys(keyring: readonly KeyringKey[]): Buffer[] {
  let keys = derived.get(keyring);
  if (!keys) {
    keys = keyring.map((k) => Buffer.from(hkdfSync('sha256', k.key, Buffer.alloc(0), PURPOSE, 32)));
    derived.set(keyring, keys);
  }
  return keys;
}

function uuidBytes(id: string): Buffer {
  return Buffer.from(id.replaceAll('-', ''), 'hex');
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function mac(key: Buffer, label: string, id: Buffer): Buffer {
  return createHmac('sha256', key).update(label).update(id).digest();
}

/** The QR payload of a registration, signed with the ring's first key. */
export function signRegistrationCode(keyring: readonly KeyringKey[], registrationId: string): string {
  const id = uuidBytes(registrationId);
  const tag = mac(purposeKeys(keyring)[0]!, PREFIX, id).subarray(0, MAC_BYTES);
  return `${PREFIX}.${id.toString('base64url')}.${tag.toString('base64url')}`;
}

/** The registration id a code names, or null when it is malformed or its signature matches no key of the ring. */
export function verifyRegistrationCode(keyring: readonly KeyringKey[], code: string): string | null {
  const parts = payloadParts(code);
  if (!parts) return null;
  const id = Buffer.from(parts.id, 'base64url');
  const given = Buffer.from(parts.mac, 'base64url');
  // NOTE: base64url has spare bits in its last character; only the one spelling we issue is accepted.
  if (id.length !== 16 || given.length !== MAC_BYTES || id.toString('base64url') !== parts.id) return null;
  let valid = false;
  for (const key of purposeKeys(keyring)) {
    // NOTE: every key is tried whatever the outcome, so the time taken does not tell which key matched.
    if (timingSafeEqual(mac(key, PREFIX, id).subarray(0, MAC_BYTES), given)) valid = true;
  }
  return valid ? uuidOf(id) : null;
}

/** The registration's short code, "K7QM-2XH4" (40 bits): typed by the organiser when a QR code will not scan. */
export function shortCodeOf(keyring: readonly KeyringKey[], registrationId: string): string {
  return shortCodeWith(purposeKeys(keyring)[0]!, registrationId);
}

/** True when a typed (normalised) short code is this registration's under any key of the ring. */
export function isShortCodeOf(keyring: readonly KeyringKey[], registrationId: string, shortCode: string): boolean {
  return purposeKeys(keyring).some((key) => shortCodeWith(key, registrationId) === shortCode);
}

function shortCodeWith(key: Buffer, registrationId: string): string {
  const bytes = mac(key, 'short', uuidBytes(registrationId));
  let bits = 0n;
  for (const b of bytes.subarray(0, 5)) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 7; i >= 0; i--) out += BASE32[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}
