// Small helpers shared by the mapping functions: references, instants, codings from our own code systems.
import { createHash } from 'node:crypto';
import { CODE_SYSTEMS } from '../fhir-systems.ts';
import type { CodeableConcept, Reference } from '../fhir-types.ts';
import { CATEGORY_TERMS, SERVICE_CATEGORIES, type ServiceCategory } from '#shared/directory/taxonomy.ts';
import type { ReferralView } from './referral-view.ts';

/** A relative reference: inside a Bundle it resolves against the entry's fullUrl base, outside against ours. */
export function ref(resourceType: string, id: string, display?: string): Reference {
  return display ? { reference: `${resourceType}/${id}`, display } : { reference: `${resourceType}/${id}` };
}

export const instant = (date: Date): string => date.toISOString();

/**
 * The Patient's id: derived from the sending organisation and the person's pseudonymous code, so the referrals and
 * consents about one person share it, while the id itself says nothing the identifier does not already carry.
 */
export function patientIdOf(senderOrganisationId: string, subjectCode: string): string {
  return createHash('sha256').update(`${senderOrganisationId}:${subjectCode}`).digest('hex').slice(0, 32);
}

export function referralPatientId(referral: Pick<ReferralView, 'sender' | 'package'>): string {
  return patientIdOf(referral.sender.id, referral.package.subjectCode);
}

const isCategory = (code: string): code is ServiceCategory => (SERVICE_CATEGORIES as readonly string[]).includes(code);

/** A service category as a CodeableConcept of our code system, with its English name. */
export function categoryConcept(code: string): CodeableConcept {
  const display = isCategory(code) ? CATEGORY_TERMS[code].name : undefined;
  return { coding: [{ system: CODE_SYSTEMS.serviceCategory, code, ...(display ? { display } : {}) }] };
}

export function priorityOf(urgency: string): 'routine' | 'urgent' {
  return urgency === 'urgent' ? 'urgent' : 'routine';
}
