// Encryption at rest with AES-256-GCM and a keyring: ciphertexts name their key, so keys can rotate.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** The GCM authentication tag's length: always the full 16 bytes, written and required. */
const TAG_BYTES = 16;

export interface KeyringKey {
  id: string;
  key: Buffer;
}

/** Encrypts with the first key of the keyring: "keyId:iv:tag:ciphertext", each part base64url. */
export function encrypt(keyring: readonly KeyringKey[], plaintext: string): string {
  const current = keyring[0];
  if (!current) throw new Error('the keyring is empty');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  cipher.setAAD(Buffer.from(current.id));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
}

/** Decrypts with the key the ciphertext names; throws when the key is unknown or the data was altered. */
export function decrypt(keyring: readonly KeyringKey[], ciphertext: string): string {
  const [id, iv, tag, body, ...rest] = ciphertext.split(':');
  if (!id || !iv || !tag || body === undefined || rest.length > 0) throw new Error('malformed ciphertext');
  const entry = keyring.find((k) => k.id === id);
  if (!entry) throw new Error('ciphertext uses an unknown key');
  // NOTE: GCM would accept a tag cut down to 4 bytes (a forgery in ~2^32 tries): only the full 16-byte tag opens.
  const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(id));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** A random 32-byte token, base64url: sessions, password resets, invitations. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex of a token: what the database stores instead of the token. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Sealed bytes (attachments): the key's id apart, and iv (12 bytes) + tag (16 bytes) + ciphertext in one buffer. */
export interface SealedBytes {
  keyId: string;
  content: Buffer;
}

/** Encrypts bytes with the first key of the keyring; the key id is bound in as associated data, as for text. */
export function encryptBytes(keyring: readonly KeyringKey[], plain: Buffer): SealedBytes {
  const current = keyring[0];
  if (!current) throw new Error('the keyring is empty');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  cipher.setAAD(Buffer.from(current.id));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { keyId: current.id, content: Buffer.concat([iv, cipher.getAuthTag(), body]) };
}

/** Decrypts sealed bytes with the key they name; throws when the key is unknown or the bytes were altered. */
export function decryptBytes(keyring: readonly KeyringKey[], sealed: SealedBytes): Buffer {
  const entry = keyring.find((k) => k.id === sealed.keyId);
  if (!entry) throw new Error('ciphertext uses an unknown key');
  if (sealed.content.length < 28) throw new Error('malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', entry.key, sealed.content.subarray(0, 12), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(sealed.keyId));
  decipher.setAuthTag(sealed.content.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.content.subarray(28)), decipher.final()]);
}
