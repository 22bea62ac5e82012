// The CapabilityStatement at /fhir/metadata: what this server offers, for a client (or another installation) to read.
import { FHIR_PAGE_MAX } from '#shared/fhir/fhir-api.schema.ts';
import { PRO_HEALTH_CANONICAL, type FhirBase } from './fhir-systems.ts';
import type { Resource } from './fhir-types.ts';

/** Changes when the facade changes (not with each start), so clients can cache it. */
const RELEASED = '2026-12-06';

const read = { code: 'read' };

export function capabilityStatementOf(base: FhirBase): Resource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: RELEASED,
    publisher: 'Pro Health',
    kind: 'instance',
    software: { name: 'Pro Health' },
    implementation: { description: 'Pro Health referrals (FHIR R4 facade)', url: base.url },
    fhirVersion: '4.0.1',
    format: ['json'],
    patchFormat: ['application/json-patch+json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Referrals between organisations as Task + ServiceRequest + Consent, after the HL7 Gravity SDOH Clinical Care pattern. See docs/fhir.md.',
        security: {
          cors: false,
          description: `An organisation's API token as "Authorization: Bearer <token>", with the scope referrals:read (reads) or referrals:write (PATCH of a Task). A token sees only its organisation's referrals; anything else is 404.`,
        },
        resource: [
          {
            type: 'Task',
            documentation: 'One per referral. The sender sets draft, requested, cancelled, entered-in-error; the receiver sets received, accepted, rejected, in-progress, on-hold, completed, failed, cancelled. A reason (statusReason.text) is required for rejected, cancelled, on-hold and failed.',
            interaction: [read, { code: 'search-type' }, { code: 'patch' }],
            versioning: 'versioned',
            conditionalUpdate: false,
            searchParam: [
              { name: 'owner', type: 'reference', documentation: 'The receiving organisation: Organization/<id>' },
              { name: 'requester', type: 'reference', documentation: 'The sending organisation: Organization/<id>' },
              { name: 'status', type: 'token', documentation: 'One or more task-status codes, comma-separated' },
              { name: '_lastUpdated', type: 'date', documentation: 'gt, ge, lt or le and a date-time with a time zone' },
              { name: '_count', type: 'number', documentation: `Page size, 1 to ${FHIR_PAGE_MAX}` },
            ],
            operation: [{ name: 'bundle', definition: `${PRO_HEALTH_CANONICAL}/OperationDefinition/Task-bundle`, documentation: 'GET Task/<id>/$bundle: the whole referral as a Bundle of type collection' }],
          },
          { type: 'ServiceRequest', interaction: [read], documentation: 'The referral itself (same id as its Task).' },
          { type: 'Consent', interaction: [read], documentation: 'The consent a referral relies on.' },
        ],
      },
    ],
  };
}
