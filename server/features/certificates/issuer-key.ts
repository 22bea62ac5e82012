// The platform's signing key for credentials (Ed25519, Multikey): made on first use, its secret half sealed with the
// data keyring, kept in memory per database once opened. Older keys stay published so what they signed still verifies.
import type { MultikeyPair } from '@digitalbazaar/ed25519-multikey';
import type { Transaction } from 'kysely';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import { decrypt, encrypt } from '#server/lib/crypto.ts';
import { issuerIdOf } from './ob-urls.ts';
import { vcStack } from './vc-stack.ts';

export interface PublishedKey {
  keyId: string;
  publicKeyMultibase: string;
}

const signers = new WeakMap<Db, Promise<MultikeyPair>>();

/** The active signing key, created (once, whoever comes first) when there is none. */
export function activeSigningKey(db: Db, config: Config): Promise<MultikeyPair> {
  let key = signers.get(db);
  if (!key) {
    key = signingKeyIn(db, config);
    signers.set(db, key);
    key.catch(() => signers.delete(db));
  }
  return key;
}

/**
 * The active key read (or made) through this handle, not kept: inside a transaction that may still roll back (the
 * demo seed) the key must not outlive it.
 */
export async function signingKeyIn(db: Db | Transaction<Database>, config: Config): Promise<MultikeyPair> {
  const issuer = issuerIdOf(config);
  let row = await activeRow(db);
  if (!row) {
    const { Ed25519Multikey } = await vcStack();
    const fresh = await Ed25519Multikey.generate({ id: `${issuer}#key-1`, controller: issuer });
    const exported = (await fresh.export({ publicKey: true, secretKey: true, includeContext: false })) as { publicKeyMultibase: string; secretKeyMultibase: string };
    // NOTE: two instances starting together both try; the unique key id keeps one, and both then read that one.
    await db
      .insertInto('issuerKey')
      .values({ keyId: 'key-1', publicKeyMultibase: exported.publicKeyMultibase, secretSealed: encrypt(config.encryptionKeys, exported.secretKeyMultibase) })
      .onConflict((oc) => oc.doNothing())
      .execute();
    row = await activeRow(db);
    if (!row) throw new Error('no active issuer key');
  }
  const { Ed25519Multikey } = await vcStack();
  return Ed25519Multikey.from({
    id: `${issuer}#${row.keyId}`,
    controller: issuer,
    type: 'Multikey',
    publicKeyMultibase: row.publicKeyMultibase,
    secretKeyMultibase: decrypt(config.encryptionKeys, row.secretSealed),
  });
}

function activeRow(db: Db | Transaction<Database>) {
  return db.selectFrom('issuerKey').select(['keyId', 'publicKeyMultibase', 'secretSealed']).where('active', '=', true).executeTakeFirst();
}

/** Every key ever used to sign, oldest first (public halves only). */
export async function publishedKeys(db: Db): Promise<PublishedKey[]> {
  return db.selectFrom('issuerKey').select(['keyId', 'publicKeyMultibase']).orderBy('createdAt').orderBy('keyId').execute();
}
