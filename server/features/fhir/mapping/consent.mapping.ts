// Consent record → FHIR R4 Consent: permission to disclose the package to the one receiving organisation.
import { CODE_SYSTEMS, identifierSystem, SENSITIVE_LABELS, type FhirBase } from '../fhir-systems.ts';
import type { Coding, Resource } from '../fhir-types.ts';
import { instant, patientIdOf, ref } from './fhir-refs.ts';
import type { ConsentView } from './referral-view.ts';

/** Given and in force → active; withdrawn or expired → inactive; refused → rejected. */
export function consentStatus(consent: ConsentView, now: Date): 'active' | 'inactive' | 'rejected' {
  if (consent.decision !== 'given') return 'rejected';
  if (consent.withdrawnAt || consent.expiresAt <= now) return 'inactive';
  return 'active';
}

/**
 * scope patient-privacy, category IDSCL (information disclosure), the receiver as IRCP (information recipient);
 * policyRule OPTIN / OPTOUT satisfies invariant ppc-1 (policy or policyRule).
 */
export function consentOf(base: FhirBase, consent: ConsentView, now: Date): Resource {
  const patient = ref('Patient', patientIdOf(consent.recorder.id, consent.subjectCode));
  const given = consent.decision === 'given';
  return {
    resourceType: 'Consent',
    id: consent.id,
    meta: { versionId: String(consent.version), lastUpdated: instant(consent.withdrawnAt ?? consent.recordedAt), security: SENSITIVE_LABELS },
    identifier: [{ system: identifierSystem(base, 'consent'), value: consent.id }],
    status: consentStatus(consent, now),
    scope: { coding: [{ system: CODE_SYSTEMS.consentScope, code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [{ coding: [{ system: CODE_SYSTEMS.actCode, code: 'IDSCL', display: 'information disclosure' }] }],
    patient,
    dateTime: instant(consent.recordedAt),
    performer: [patient],
    organization: [ref('Organization', consent.recorder.id, consent.recorder.name)],
    policyRule: { coding: [{ system: CODE_SYSTEMS.actCode, code: given ? 'OPTIN' : 'OPTOUT' }] },
    provision: {
      type: given ? 'permit' : 'deny',
      period: { start: instant(consent.recordedAt), end: instant(consent.withdrawnAt && consent.withdrawnAt < consent.expiresAt ? consent.withdrawnAt : consent.expiresAt) },
      actor: [{ role: { coding: [{ system: CODE_SYSTEMS.participationType, code: 'IRCP', display: 'information recipient' }] }, reference: ref('Organization', consent.receiver.id, consent.receiver.name) }],
      action: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code: 'disclose' }] }],
      purpose: consent.purposes.map(purposeCoding),
    },
  };
}

/** Our purposes; care and coordination also have an HL7 v3 reason, so other systems understand them. */
function purposeCoding(purpose: string): Coding {
  if (purpose === 'medical-care') return { system: CODE_SYSTEMS.actReason, code: 'TREAT', display: 'treatment' };
  if (purpose === 'coordination') return { system: CODE_SYSTEMS.actReason, code: 'CAREMGT', display: 'care management' };
  return { system: CODE_SYSTEMS.consentPurpose, code: purpose };
}
