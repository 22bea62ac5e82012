// Signing with the issuer key (Data Integrity, eddsa-rdfc-2022), the issuer document published at /ob/issuer, and the
// revocation status list published at /ob/status/1, signed the same way and made again only when a revocation changes it.
import type { MultikeyPair } from '@digitalbazaar/ed25519-multikey';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/db.ts';
import { activeSigningKey, publishedKeys } from './issuer-key.ts';
import { DID_V1, documentLoaderWith, MULTIKEY_V1, OB_V3 } from './ob-contexts.ts';
import { issuerProfile } from './ob-credential.ts';
import { issuerIdOf, statusListIdOf } from './ob-urls.ts';
import { vcStack } from './vc-stack.ts';

/** Bits in the status list: the spec's minimum (16 KiB), so that one revoked bit says little about whom it is. */
export const STATUS_LIST_LENGTH = 131_072;

const contextsOnly = documentLoaderWith(new Map());

/** Signs a credential with the key; `date` is the proof's creation time. */
export async function signCredential(key: MultikeyPair, credential: Record<string, unknown>, date: Date): Promise<Record<string, unknown>> {
  const { vc, DataIntegrityProof, cryptosuite } = await vcStack();
  const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite, date });
  return vc.issue({ credential, suite, documentLoader: contextsOnly, now: date });
}

/** The issuer's Profile and controller document in one: who we are, and every key we ever signed with. */
export async function issuerDocument(db: Db, config: Config): Promise<Record<string, unknown>> {
  await activeSigningKey(db, config);
  const issuer = issuerIdOf(config);
  const keys = await publishedKeys(db);
  const methods = keys.map((k) => ({ id: `${issuer}#${k.keyId}`, type: 'Multikey', controller: issuer, publicKeyMultibase: k.publicKeyMultibase }));
  return { '@context': [DID_V1, MULTIKEY_V1, OB_V3], ...issuerProfile(config), assertionMethod: methods };
}

interface StatusState {
  fingerprint: string;
  credential: Promise<Record<string, unknown>>;
}
const statusLists = new WeakMap<Db, StatusState>();

/** The signed revocation list. Revocations only ever add bits, so their count and latest time say when it changed. */
export async function statusListCredential(db: Db, config: Config): Promise<Record<string, unknown>> {
  const state = await db
    .selectFrom('certificate')
    .select((eb) => [eb.fn.countAll<number>().as('revoked'), eb.fn.max('revokedAt').as('latest')])
    .where('revokedAt', 'is not', null)
    .executeTakeFirstOrThrow();
  const latest = state.latest ? new Date(state.latest) : null;
  const fingerprint = `${Number(state.revoked)}:${latest?.getTime() ?? 0}`;
  const cached = statusLists.get(db);
  if (cached?.fingerprint === fingerprint) return cached.credential;
  const credential = buildStatusList(db, config, latest);
  statusLists.set(db, { fingerprint, credential });
  credential.catch(() => statusLists.delete(db));
  return credential;
}

async function buildStatusList(db: Db, config: Config, latest: Date | null): Promise<Record<string, unknown>> {
  const signer = await activeSigningKey(db, config);
  const revoked = await db.selectFrom('certificate').select('statusListIndex').where('revokedAt', 'is not', null).execute();
  const { createCredential, createList } = await vcStack();
  const list = await createList({ length: STATUS_LIST_LENGTH });
  for (const r of revoked) list.setStatus(r.statusListIndex, true);
  const id = statusListIdOf(config);
  const unsigned = await createCredential({ id, list, statusPurpose: 'revocation' });
  // NOTE: dated by the latest revocation (or the key), so every instance signs the same bytes for the same list.
  const key = await db.selectFrom('issuerKey').select('createdAt').where('active', '=', true).executeTakeFirst();
  const date = latest ?? key?.createdAt ?? new Date(0);
  return signCredential(signer, { ...unsigned, issuer: issuerIdOf(config), validFrom: `${date.toISOString().slice(0, 19)}Z` }, date);
}
