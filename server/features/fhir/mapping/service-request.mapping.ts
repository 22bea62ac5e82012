// Referral → FHIR R4 ServiceRequest: what is asked, of which service, for whom, on which consent.
import { serviceRequestStatus } from '#shared/referrals/task-status.ts';
import { CODE_SYSTEMS, identifierSystem, SENSITIVE_LABELS, type FhirBase } from '../fhir-systems.ts';
import type { CodeableConcept, Resource } from '../fhir-types.ts';
import { categoryConcept, instant, referralPatientId, priorityOf, ref } from './fhir-refs.ts';
import type { ReferralView } from './referral-view.ts';

/**
 * category: the needs the sender named; code: the kind of service asked for (the service's first category) with the
 * service's own name as text; orderDetail: how the person may safely be contacted.
 */
export function serviceRequestOf(base: FhirBase, referral: ReferralView): Resource {
  const pkg = referral.package;
  const kind = referral.service.categories[0];
  const code: CodeableConcept = { ...(kind ? categoryConcept(kind) : {}), text: referral.service.name };
  return {
    resourceType: 'ServiceRequest',
    id: referral.id,
    meta: { versionId: String(pkg.version), lastUpdated: instant(referral.updatedAt), security: SENSITIVE_LABELS },
    identifier: [{ system: identifierSystem(base, 'referral'), value: referral.reference, use: 'official' }],
    status: serviceRequestStatus(referral.status),
    intent: 'order',
    ...(pkg.needs.length > 0 ? { category: pkg.needs.map(categoryConcept) } : {}),
    priority: priorityOf(pkg.urgency),
    code,
    ...(pkg.safeContact ? { orderDetail: [safeContactDetail(pkg.safeContact)] } : {}),
    subject: ref('Patient', referralPatientId(referral)),
    authoredOn: instant(referral.sentAt ?? referral.createdAt),
    requester: ref('Organization', referral.sender.id, referral.sender.name),
    performer: [ref('HealthcareService', referral.service.id, referral.service.name), ref('Organization', referral.receiver.id, referral.receiver.name)],
    ...(referral.consent ? { supportingInfo: [ref('Consent', referral.consent.id)] } : {}),
    ...(pkg.note ? { note: [{ text: pkg.note, time: instant(pkg.createdAt) }] } : {}),
  };
}

function safeContactDetail(text: string): CodeableConcept {
  return { coding: [{ system: CODE_SYSTEMS.referralDetail, code: 'safe-contact', display: 'How the person may safely be contacted' }], text };
}
