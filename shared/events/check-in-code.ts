// The parts of the check-in code both sides read: telling a QR payload from a short code, the short code's one
// spelling, and the registration id a payload names (unverified: only the server holds the key that signs it; the
// phone uses the id to decide a scan from its roster while offline, and the server checks the signature on sync).

export const CODE_PREFIX = 'PH1';
const PAYLOAD = /^PH1\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{16})$/;
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** True when the text has the shape of a QR payload (as opposed to a short code typed by hand). */
export function looksLikeQrPayload(text: string): boolean {
  return text.startsWith(`${CODE_PREFIX}.`);
}

/** The parts of a well-formed payload: the registration id's 22 characters and the signature's 16; null otherwise. */
export function payloadParts(text: string): { id: string; mac: string } | null {
  const match = PAYLOAD.exec(text);
  return match ? { id: match[1]!, mac: match[2]! } : null;
}

/** The registration id a well-formed payload names, as a uuid (not verified); null when malformed. */
export function registrationIdOfPayload(text: string): string | null {
  const parts = payloadParts(text);
  if (!parts) return null;
  let bits = 0;
  let count = 0;
  let hex = '';
  for (const ch of parts.id) {
    bits = (bits << 6) | B64URL.indexOf(ch);
    count += 6;
    if (count >= 8) {
      count -= 8;
      hex += ((bits >> count) & 0xff).toString(16).padStart(2, '0');
    }
  }
  // NOTE: the last character carries 4 spare bits; a payload we issued has them at zero.
  if ((bits & ((1 << count) - 1)) !== 0) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A typed short code in its one spelling: upper case, look-alikes mapped (O→0, I/L→1), the dash put back. */
export function normaliseShortCode(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(plain)) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}
