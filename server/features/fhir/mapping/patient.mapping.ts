// The person as a pseudonymous FHIR R4 Patient: the sender's code, sex, age band, languages. Never a name, a phone,
// an address or a birth date (standards.md §2.2), whatever the consent covers: identity stays off the wire.
import { CODE_SYSTEMS, EXTENSIONS, identifierSystem, SENSITIVE_LABELS, type FhirBase } from '../fhir-systems.ts';
import type { Resource } from '../fhir-types.ts';
import { instant, referralPatientId, ref } from './fhir-refs.ts';
import type { ReferralView } from './referral-view.ts';

const GENDERS = new Set(['female', 'male', 'other', 'unknown']);

export function patientOf(base: FhirBase, referral: ReferralView): Resource {
  const pkg = referral.package;
  return {
    resourceType: 'Patient',
    id: referralPatientId(referral),
    meta: { versionId: String(pkg.version), lastUpdated: instant(pkg.createdAt), security: SENSITIVE_LABELS },
    extension: [{ url: EXTENSIONS.ageBand, valueCoding: { system: CODE_SYSTEMS.ageBand, code: pkg.ageBand } }],
    identifier: [
      { system: identifierSystem(base, 'subject-code'), value: pkg.subjectCode, use: 'secondary', assigner: ref('Organization', referral.sender.id, referral.sender.name) },
    ],
    ...(pkg.sex && GENDERS.has(pkg.sex) ? { gender: pkg.sex } : {}),
    ...(pkg.languages.length > 0 ? { communication: pkg.languages.map((language) => ({ language: { coding: [{ system: CODE_SYSTEMS.bcp47, code: language }] } })) } : {}),
    managingOrganization: ref('Organization', referral.sender.id, referral.sender.name),
  };
}
