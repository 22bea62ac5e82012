// Organisation (platform or directory listing) → FHIR R4 Organization, and a directory service → HealthcareService.
// Only what the public directory already shows: names, country, the front-gate phone and email. No Location is
// exported, so a confidential place's address or position cannot leak through FHIR (standards.md §1.5).
import { CODE_SYSTEMS, identifierSystem, type FhirBase } from '../fhir-systems.ts';
import type { ContactPoint, Identifier, Resource } from '../fhir-types.ts';
import { categoryConcept, instant, ref } from './fhir-refs.ts';
import type { OrganisationView, ServiceView } from './referral-view.ts';

function contactsOf(from: { phone: string | null; email: string | null; website?: string | null; url?: string | null }): ContactPoint[] {
  const list: ContactPoint[] = [];
  if (from.phone) list.push({ system: 'phone', value: from.phone });
  if (from.email) list.push({ system: 'email', value: from.email });
  const web = from.website ?? from.url;
  if (web) list.push({ system: 'url', value: web });
  return list;
}

export function organizationOf(base: FhirBase, org: OrganisationView): Resource {
  const identifier: Identifier[] = [];
  if (org.platformId) identifier.push({ system: identifierSystem(base, 'organisation'), value: org.platformId });
  if (org.directoryId) identifier.push({ system: identifierSystem(base, 'directory-organization'), value: org.directoryId });
  const telecom = contactsOf(org);
  return {
    resourceType: 'Organization',
    id: org.id,
    identifier,
    active: true,
    ...(org.type ? { type: [{ coding: [{ system: CODE_SYSTEMS.organisationType, code: org.type }] }] } : {}),
    name: org.name,
    ...(telecom.length > 0 ? { telecom } : {}),
    address: [{ country: org.country }],
  };
}

export function healthcareServiceOf(base: FhirBase, service: ServiceView, providedBy: OrganisationView): Resource {
  const telecom = contactsOf(service);
  return {
    resourceType: 'HealthcareService',
    id: service.id,
    meta: { lastUpdated: instant(service.updatedAt) },
    identifier: [{ system: identifierSystem(base, 'directory-service'), value: service.id }],
    active: service.status === 'active',
    providedBy: ref('Organization', providedBy.id, providedBy.name),
    ...(service.categories.length > 0 ? { category: service.categories.map(categoryConcept) } : {}),
    name: service.name,
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(service.languages.length > 0 ? { communication: service.languages.map((code) => ({ coding: [{ system: CODE_SYSTEMS.bcp47, code }] })) } : {}),
    ...(service.serviceAreas.length > 0 ? { comment: `Service area: ${service.serviceAreas.join(', ')}` } : {}),
  };
}
