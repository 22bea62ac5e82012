// Referral → FHIR R4 Task: the fulfilment workflow, its status owned per standards.md §2.3.
import { CODE_SYSTEMS, identifierSystem, SENSITIVE_LABELS, type FhirBase } from '../fhir-systems.ts';
import type { Resource } from '../fhir-types.ts';
import { instant, patientIdOf, priorityOf, ref } from './fhir-refs.ts';
import type { TaskView } from './referral-view.ts';

/** The Task of a referral. statusReason and the outcome appear only when set. */
export function taskOf(base: FhirBase, referral: TaskView): Resource {
  return {
    resourceType: 'Task',
    id: referral.id,
    meta: { versionId: String(referral.version), lastUpdated: instant(referral.updatedAt), security: SENSITIVE_LABELS },
    identifier: [{ system: identifierSystem(base, 'referral'), value: referral.reference }],
    status: referral.status,
    ...(referral.statusReason ? { statusReason: { text: referral.statusReason } } : {}),
    ...(referral.outcome ? { businessStatus: outcomeConcept(referral.outcome) } : {}),
    intent: 'order',
    priority: priorityOf(referral.urgency),
    code: { coding: [{ system: CODE_SYSTEMS.taskCode, code: 'fulfill', display: 'Fulfill the focal request' }] },
    focus: ref('ServiceRequest', referral.id),
    for: ref('Patient', patientIdOf(referral.sender.id, referral.subjectCode)),
    authoredOn: instant(referral.sentAt ?? referral.createdAt),
    lastModified: instant(referral.updatedAt),
    requester: ref('Organization', referral.sender.id, referral.sender.name),
    owner: ref('Organization', referral.receiver.id, referral.receiver.name),
    ...(referral.dueAt ? { restriction: { period: { end: instant(referral.dueAt) } } } : {}),
    ...(referral.outcome ? { output: [{ type: { coding: [{ system: CODE_SYSTEMS.referralOutput, code: 'outcome', display: 'Outcome' }] }, valueCodeableConcept: outcomeConcept(referral.outcome) }] } : {}),
  };
}

/** The plain outcome the sender sees (got help, could not be contacted, …) as a code of our own system. */
export function outcomeConcept(outcome: string) {
  return { coding: [{ system: CODE_SYSTEMS.referralOutcome, code: outcome, display: OUTCOME_NAMES[outcome] ?? outcome }] };
}

const OUTCOME_NAMES: Record<string, string> = {
  got_help: 'Got help',
  not_contacted: 'Could not be contacted',
  not_eligible: 'Not eligible',
  no_capacity: 'No capacity',
  declined: 'Declined by the person',
  referred_elsewhere: 'Referred elsewhere',
};
