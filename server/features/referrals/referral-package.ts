// The minimum dataset as stored and as shown: safe-contact instructions, the note and the identity are encrypted with
// the keyring; identity is kept only when the consent covers it.
import type { KeyringKey } from '#server/lib/crypto.ts';
import { decrypt, encrypt } from '#server/lib/crypto.ts';
import { ReferralIdentitySchema, type ReferralPackage, type ReferralPackageInput } from '#shared/referrals/referral.schema.ts';
import type { NewPackage, PackageFields } from './referral.queries.ts';

const seal = (keyring: readonly KeyringKey[], value: string | null | undefined) => (value?.trim() ? encrypt(keyring, value.trim()) : null);
const open = (keyring: readonly KeyringKey[], value: string | null) => (value ? decrypt(keyring, value) : null);

const hasIdentity = (p: ReferralPackageInput) => !!p.identity && Object.values(p.identity).some((v) => v !== undefined && v !== '');

export function packageRow(keyring: readonly KeyringKey[], p: ReferralPackageInput, o: { referralId: string; version: number; createdBy: string; at: Date }): NewPackage {
  return {
    referralId: o.referralId,
    version: o.version,
    consentId: p.consentId,
    subjectCode: p.subjectCode,
    ageBand: p.ageBand,
    sex: p.sex ?? null,
    languages: [...new Set(p.languages)],
    needs: [...new Set(p.needs)],
    urgency: p.urgency,
    safeContact: seal(keyring, p.safeContact),
    note: seal(keyring, p.note),
    identity: hasIdentity(p) ? encrypt(keyring, JSON.stringify(p.identity)) : null,
    createdBy: o.createdBy,
    createdAt: o.at,
  };
}

export { hasIdentity };

interface StoredPackage extends PackageFields {
  version: number;
  identity: string | null;
  createdAt: Date;
}

export function presentPackage(keyring: readonly KeyringKey[], p: StoredPackage): ReferralPackage {
  const identity = open(keyring, p.identity);
  return {
    version: p.version,
    subjectCode: p.subjectCode,
    ageBand: p.ageBand as ReferralPackage['ageBand'],
    sex: p.sex as ReferralPackage['sex'],
    languages: p.languages,
    needs: p.needs,
    urgency: p.urgency as ReferralPackage['urgency'],
    safeContact: open(keyring, p.safeContact),
    note: open(keyring, p.note),
    identity: identity ? ReferralIdentitySchema.parse(JSON.parse(identity)) : null,
    createdAt: p.createdAt,
  };
}
