// The identity vault's primitives: seal and open one field with the keyring (AES-256-GCM, key id in each ciphertext),
// and the blind index (HMAC-SHA-256 of a normalised value under a key of its own) that finds duplicates within an
// organisation without plaintext. Losing a key loses what it sealed: docs/operations.md says so.
import { createHmac } from 'node:crypto';
import { decrypt, encrypt, type KeyringKey } from '#server/lib/crypto.ts';

/** Seals a value; null and empty stay null, so "not recorded" needs no ciphertext. */
export function seal(keyring: readonly KeyringKey[], value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return encrypt(keyring, value);
}

export function open(keyring: readonly KeyringKey[], sealed: string | null): string | null {
  return sealed === null ? null : decrypt(keyring, sealed);
}

export function sealJson(keyring: readonly KeyringKey[], value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value) && value.length === 0) return null;
  return encrypt(keyring, JSON.stringify(value));
}

export function openJson<T>(keyring: readonly KeyringKey[], sealed: string | null, empty: T): T {
  return sealed === null ? empty : (JSON.parse(decrypt(keyring, sealed)) as T);
}

/** The id of the key a ciphertext names (key rotation finds rows still sealed with an old key by it). */
export function keyIdOf(sealed: string): string {
  return sealed.slice(0, sealed.indexOf(':'));
}

export const BLIND_INDEX_KINDS = ['name_birth', 'phone', 'email', 'document'] as const;
export type BlindIndexKind = (typeof BLIND_INDEX_KINDS)[number];

/** Lower case, accents folded (ș = s, ø = o), spaces collapsed: "Ana-Maria  Popescu" and "ana maria popescu" meet. */
export function normaliseName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Digits only, and the last nine of them: +40 721 234 567, 0721234567 and 0040721234567 meet. */
export function normalisePhone(value: string): string {
  return value.replace(/\D/g, '').slice(-9);
}

export function normaliseDocument(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * The digest of one normalised value, bound to its kind (a phone number never matches a document number) and to the
 * organisation: the same person held by two organisations gets unrelated digests, so a copy of the index cannot link
 * their cases across organisations, even to someone holding the blind-index key's output but not the key.
 */
export function blindDigest(key: KeyringKey, organisationId: string, kind: BlindIndexKind, normalised: string): string {
  return createHmac('sha256', key.key).update(`${organisationId}\u0000${kind}\u0000${normalised}`).digest('base64url');
}

export interface IdentityForIndex {
  givenName?: string | null;
  familyName?: string | null;
  birthDate?: string | null;
  contacts?: { kind: string; value: string }[];
  documents?: { type: string; number: string }[];
}

/** Every blind-index entry of one identity in one organisation: full name with birth date, each phone, e-mail, document. */
export function identityDigests(key: KeyringKey, organisationId: string, identity: IdentityForIndex): { kind: BlindIndexKind; keyId: string; digest: string }[] {
  const out: { kind: BlindIndexKind; keyId: string; digest: string }[] = [];
  const add = (kind: BlindIndexKind, normalised: string) => {
    if (normalised.length >= 3) out.push({ kind, keyId: key.id, digest: blindDigest(key, organisationId, kind, normalised) });
  };
  const name = normaliseName(`${identity.givenName ?? ''} ${identity.familyName ?? ''}`);
  if (name && identity.birthDate) add('name_birth', `${name}|${identity.birthDate}`);
  for (const c of identity.contacts ?? []) {
    if (c.kind === 'phone') add('phone', normalisePhone(c.value));
    if (c.kind === 'email') add('email', c.value.trim().toLowerCase());
  }
  for (const d of identity.documents ?? []) add('document', normaliseDocument(d.number));
  const seen = new Set<string>();
  return out.filter((e) => (seen.has(e.kind + e.digest) ? false : (seen.add(e.kind + e.digest), true)));
}
