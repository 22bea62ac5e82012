// A whole referral as a FHIR R4 Bundle of type collection: what another installation needs to take it in.
import { fullUrl, SENSITIVE_LABELS, type FhirBase } from '../fhir-systems.ts';
import type { Bundle, Resource } from '../fhir-types.ts';
import { consentOf } from './consent.mapping.ts';
import { instant } from './fhir-refs.ts';
import { healthcareServiceOf, organizationOf } from './organization.mapping.ts';
import { patientOf } from './patient.mapping.ts';
import type { ReferralView } from './referral-view.ts';
import { serviceRequestOf } from './service-request.mapping.ts';
import { taskOf } from './task.mapping.ts';

/** Task first (the entry point), then what it points to. The Bundle id is stable per referral and package version. */
export function referralBundleOf(base: FhirBase, referral: ReferralView, now: Date): Bundle {
  const resources: Resource[] = [
    taskOf(base, { ...referral, subjectCode: referral.package.subjectCode }),
    serviceRequestOf(base, referral),
    ...(referral.consent ? [consentOf(base, referral.consent, now)] : []),
    patientOf(base, referral),
    organizationOf(base, referral.sender),
    ...(referral.receiver.id === referral.sender.id ? [] : [organizationOf(base, referral.receiver)]),
    healthcareServiceOf(base, referral.service, referral.receiver),
  ];
  return {
    resourceType: 'Bundle',
    id: `${referral.id}-${referral.package.version}-${referral.version}`,
    meta: { lastUpdated: instant(referral.updatedAt), security: SENSITIVE_LABELS },
    type: 'collection',
    timestamp: instant(now),
    entry: resources.map((resource) => ({ fullUrl: fullUrl(base, resource.resourceType, resource.id!), resource })),
  };
}
