// The URIs a Pro Health FHIR export names: code systems shared by every installation (one fixed canonical, so that a
// Romanian and a Norwegian installation agree on the codes), and identifier systems per installation (under its own
// public address, so that ids from two installations never mix). docs/fhir.md lists them.

/** Canonical base of Pro Health's own code systems and extensions: fixed, the same in every installation. */
export const PRO_HEALTH_CANONICAL = 'https://pro-health.example/fhir';

export const CODE_SYSTEMS = {
  serviceCategory: `${PRO_HEALTH_CANONICAL}/CodeSystem/service-category`,
  referralOutcome: `${PRO_HEALTH_CANONICAL}/CodeSystem/referral-outcome`,
  referralOutput: `${PRO_HEALTH_CANONICAL}/CodeSystem/referral-output`,
  referralDetail: `${PRO_HEALTH_CANONICAL}/CodeSystem/referral-detail`,
  consentPurpose: `${PRO_HEALTH_CANONICAL}/CodeSystem/consent-purpose`,
  ageBand: `${PRO_HEALTH_CANONICAL}/CodeSystem/age-band`,
  organisationType: `${PRO_HEALTH_CANONICAL}/CodeSystem/htcds-organisation-type`,
  // HL7 terminology
  taskCode: 'http://hl7.org/fhir/CodeSystem/task-code',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  confidentiality: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  bcp47: 'urn:ietf:bcp:47',
  iso3166: 'urn:iso:std:iso:3166',
} as const;

export const EXTENSIONS = {
  ageBand: `${PRO_HEALTH_CANONICAL}/StructureDefinition/age-band`,
} as const;

/** Where one installation's FHIR resources live, and the identifier systems it mints (from PUBLIC_URL). */
export interface FhirBase {
  /** e.g. https://ro.pro-health.example/fhir */
  url: string;
}

export function fhirBaseOf(publicUrl: string): FhirBase {
  return { url: `${publicUrl.replace(/\/+$/, '')}/fhir` };
}

export type IdentifierKind = 'referral' | 'subject-code' | 'organisation' | 'directory-organization' | 'directory-service' | 'consent';

/** The identifier system of one kind of id minted by this installation. */
export function identifierSystem(base: FhirBase, kind: IdentifierKind): string {
  return `${base.url}/sid/${kind}`;
}

/** The absolute, stable address of a resource: the fullUrl in every Bundle. */
export function fullUrl(base: FhirBase, resourceType: string, id: string): string {
  return `${base.url}/${resourceType}/${id}`;
}

/** meta.security of everything about the person: restricted, and about abuse or violence (standards.md §2.6). */
export const SENSITIVE_LABELS = [
  { system: CODE_SYSTEMS.confidentiality, code: 'R', display: 'restricted' },
  { system: CODE_SYSTEMS.actCode, code: 'SDV', display: 'sexual assault, abuse, or domestic violence information sensitivity' },
];
