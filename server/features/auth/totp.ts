// Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s) with otplib, and their QR enrolment image.
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { decrypt, encrypt, type KeyringKey } from '#server/lib/crypto.ts';

const ISSUER = 'Pro Health';
const PERIOD = 30;


export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The secret as stored: AES-256-GCM with the data-encryption keyring, never plaintext. */
export function sealTotpSecret(keyring: readonly KeyringKey[], secret: string): string {
  return encrypt(keyring, secret);
}

export function openTotpSecret(keyring: readonly KeyringKey[], sealed: string): string {
  return decrypt(keyring, sealed);
}

/** The time step the code belongs to, or null when it is wrong; one step of clock drift either way is accepted. */
export async function verifyTotp(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: PERIOD });
  if (!result.valid) return null;
  return Math.floor(epoch / PERIOD) + result.delta;
}

/** The otpauth URI as an SVG data URL; the label (email) stays inside the image and is never logged. */
export async function totpQrDataUrl(secret: string, label: string): Promise<string> {
  const uri = generateURI({ issuer: ISSUER, label, secret });
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
