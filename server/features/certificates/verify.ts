// Verifies an Open Badges 3.0 credential against what we trust (our issuer document and status list, handed in by
// the caller: from the database on the server, from files in the offline CLI). In order: structure, issuer, proof,
// status, validity window; the first failure is the reason. The claims are read out either way, for the page to show.
import type { CredentialClaims, VerifyReason } from '#shared/certificates/certificate.schema.ts';
import { documentLoaderWith, OB_V3, UnknownDocumentError, VC_V2 } from './ob-contexts.ts';
import { vcStack } from './vc-stack.ts';

export interface Trust {
  issuerId: string;
  issuerDocument: Record<string, unknown>;
  /** The signed status list; without it the status cannot be checked (the CLI says so). */
  statusList: Record<string, unknown> | null;
  now: Date;
}

export interface VerifyOutcome {
  valid: boolean;
  reason: VerifyReason | null;
  claims: CredentialClaims | null;
  /** False when no status list was at hand, so revocation was not checked. */
  statusChecked: boolean;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** The credential's claims, or null when its shape is not an Open Badges 3.0 credential. */
export function readClaims(credential: unknown): CredentialClaims | null {
  if (!isObject(credential)) return null;
  const context = list(credential['@context']);
  const types = list(credential.type);
  const issuer = isObject(credential.issuer) ? credential.issuer : null;
  const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : null;
  const achievement = subject && isObject(subject.achievement) ? subject.achievement : null;
  const validFrom = str(credential.validFrom);
  if (context[0] !== VC_V2 || !context.includes(OB_V3) || !types.includes('VerifiableCredential') || !types.includes('OpenBadgeCredential')) return null;
  if (!issuer || !str(issuer.id) || !achievement || !str(achievement.name) || !validFrom || Number.isNaN(Date.parse(validFrom))) return null;
  const validUntil = str(credential.validUntil);
  if (validUntil !== null && Number.isNaN(Date.parse(validUntil))) return null;
  const creator = isObject(achievement.creator) ? str(achievement.creator.name) : null;
  const criteria = isObject(achievement.criteria) ? str(achievement.criteria.narrative) : null;
  return {
    id: str(credential.id),
    name: str(credential.name) ?? str(achievement.name)!,
    issuerId: str(issuer.id)!,
    issuerName: str(issuer.name),
    achievementId: str(achievement.id),
    achievementType: str(achievement.achievementType),
    achievementName: str(achievement.name)!,
    achievementDescription: str(achievement.description),
    criteria,
    creatorName: creator,
    activityStartDate: str(subject!.activityStartDate),
    activityEndDate: str(subject!.activityEndDate),
    validFrom: new Date(validFrom),
    validUntil: validUntil ? new Date(validUntil) : null,
  };
}

const fail = (reason: VerifyReason, claims: CredentialClaims | null, statusChecked = false): VerifyOutcome => ({ valid: false, reason, claims, statusChecked });

/**
 * The most JSON values and nesting a credential may have: ours have about 60 values, 5 levels deep. The proof check
 * expands and canonicalises the whole document (hundreds of milliseconds for a crafted 64 kB one), so a document far
 * beyond our own shape is refused as malformed before that work: it cannot be a credential we signed.
 */
export const MAX_CREDENTIAL_VALUES = 400;
export const MAX_CREDENTIAL_DEPTH = 10;

/** True when the document stays within those bounds (counting stops as soon as it goes past them). */
export function withinShape(value: unknown): boolean {
  let values = 0;
  const walk = (v: unknown, depth: number): boolean => {
    if (++values > MAX_CREDENTIAL_VALUES || depth > MAX_CREDENTIAL_DEPTH) return false;
    if (typeof v !== 'object' || v === null) return true;
    return Object.values(v).every((child) => walk(child, depth + 1));
  };
  return walk(value, 0);
}

/** The whole check; never throws on hostile input. */
export async function verifyCredential(credential: unknown, trust: Trust): Promise<VerifyOutcome> {
  const claims = readClaims(credential);
  if (!claims || !isObject(credential) || !isObject(credential.proof) || !withinShape(credential)) return fail('malformed', claims);
  if (claims.issuerId !== trust.issuerId || !ownKey(credential.proof, trust)) return fail('unknown_issuer', claims);
  const documents = new Map<string, object>([[trust.issuerId, trust.issuerDocument]]);
  if (trust.statusList && str(trust.statusList.id)) documents.set(str(trust.statusList.id)!, trust.statusList);
  const documentLoader = documentLoaderWith(documents);
  const proof = await checkProof(credential, claims, documentLoader);
  if (proof !== 'ok') return fail(proof, claims);
  let statusChecked = false;
  if (credential.credentialStatus !== undefined) {
    if (trust.statusList) {
      const status = await revocationOf(credential, documentLoader);
      if (status === 'malformed') return fail('malformed', claims);
      if (status) return fail('revoked', claims, true);
      statusChecked = true;
    }
  } else statusChecked = true;
  if (trust.now < claims.validFrom) return fail('not_yet_valid', claims, statusChecked);
  if (claims.validUntil && trust.now > claims.validUntil) return fail('expired', claims, statusChecked);
  return { valid: true, reason: null, claims, statusChecked };
}

/** The proof names one of the keys in our issuer document. */
function ownKey(proof: Json, trust: Trust): boolean {
  const method = str(proof.verificationMethod);
  const keys = list(trust.issuerDocument.assertionMethod).map((m) => (isObject(m) ? str(m.id) : null));
  return !!method && method.startsWith(`${trust.issuerId}#`) && keys.includes(method);
}

async function checkProof(credential: Json, claims: CredentialClaims, documentLoader: ReturnType<typeof documentLoaderWith>): Promise<'ok' | VerifyReason> {
  const { vc, DataIntegrityProof, cryptosuite } = await vcStack();
  try {
    const result = await vc.verifyCredential({
      credential,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader,
      // NOTE: the window is checked after, with its own reason; here the library checks only the proof.
      now: claims.validFrom,
      checkStatus: async () => ({ verified: true }),
    });
    if (result.verified) return 'ok';
    return causes(result.error).some((e) => e instanceof UnknownDocumentError || /safe mode|context/i.test(messageOf(e))) ? 'malformed' : 'tampered';
  } catch (error) {
    return error instanceof UnknownDocumentError ? 'malformed' : 'malformed';
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : isObject(e) ? (str(e.message) ?? '') : '';
}

/** Every error in a result's error tree (the libraries nest them under errors and cause). */
function causes(error: unknown, depth = 0): unknown[] {
  if (!error || depth > 6) return [];
  const nested = isObject(error) || error instanceof Error ? [...list((error as Json).errors), (error as Json).cause, (error as Json).details] : [];
  return [error, ...nested.flatMap((e) => causes(e, depth + 1))];
}

/** True when the revocation bit is set; 'malformed' when the status entry cannot be read against our list. */
async function revocationOf(credential: Json, documentLoader: ReturnType<typeof documentLoaderWith>): Promise<boolean | 'malformed'> {
  const { checkStatus, DataIntegrityProof, cryptosuite } = await vcStack();
  const result = await checkStatus({ credential, documentLoader, suite: new DataIntegrityProof({ cryptosuite }), verifyMatchingIssuers: true });
  if (!result.verified) return 'malformed';
  const results = (result as { results?: { status?: boolean }[] }).results ?? [];
  return results.some((r) => r.status === true);
}
