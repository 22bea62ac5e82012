// The mapping alone (no database): every resource of a referral's Bundle passes the three validation layers in every
// task status and consent state, and the Bundle carries nothing that only makes sense inside our database.
import { describe, expect, test } from 'vitest';
import { TASK_STATUSES, NEEDS_REASON, type TaskStatus } from '#shared/referrals/task-status.ts';
import { fhirProblems } from '#tests/fhir-validator.ts';
import { fhirBaseOf } from './fhir-systems.ts';
import type { Resource } from './fhir-types.ts';
import { referralBundleOf } from './mapping/bundle.mapping.ts';
import { consentStatus } from './mapping/consent.mapping.ts';
import type { ReferralView } from './mapping/referral-view.ts';

const base = fhirBaseOf('https://ro.pro-health.example/');
const now = new Date('2026-12-06T18:00:00Z');

function view(overrides: Partial<ReferralView> = {}): ReferralView {
  const sender = { id: '0b9e5a53-7a55-4d2a-9d57-7b0c2ec1a001', name: 'Oslo Clinic', country: 'NO', type: 'HealthServiceOrganisation', platformId: '0b9e5a53-7a55-4d2a-9d57-7b0c2ec1a001', directoryId: null, phone: null, email: null, website: null };
  const receiver = { id: '0b9e5a53-7a55-4d2a-9d57-7b0c2ec1a002', name: 'Casa Speranța', country: 'RO', type: 'NGO', platformId: '0b9e5a53-7a55-4d2a-9d57-7b0c2ec1a002', directoryId: '0b9e5a53-7a55-4d2a-9d57-7b0c2ec1a003', phone: '+40 21 000 0000', email: 'intake@example.test', website: 'https://example.test' };
  return {
    id: '0b9e5a53-7a55-4d2a-9d57-7b0c2ec1a010',
    reference: 'R-7K2M9Q',
    status: 'requested',
    statusReason: null,
    outcome: null,
    urgency: 'urgent',
    createdAt: new Date('2026-12-05T10:00:00Z'),
    updatedAt: new Date('2026-12-05T10:05:00Z'),
    sentAt: new Date('2026-12-05T10:05:00Z'),
    dueAt: new Date('2026-12-05T14:05:00Z'),
    version: 2,
    sender,
    receiver,
    service: { id: '0b9e5a53-7a55-4d2a-9d57-7b0c2ec1a020', name: 'Shelter intake', status: 'active', categories: ['shelter'], languages: ['ro'], serviceAreas: ['RO-B'], phone: '+40 21 000 0001', email: null, url: null, acceptingReferrals: true, updatedAt: new Date('2026-11-01T00:00:00Z') },
    package: { version: 1, subjectCode: 'NO-OSL-0042', ageBand: '18-24', sex: 'female', languages: ['ro', 'en'], needs: ['shelter', 'medical'], urgency: 'urgent', safeContact: 'Text only', note: 'Needs a female doctor', createdAt: new Date('2026-12-05T10:00:00Z') },
    consent: { id: '0b9e5a53-7a55-4d2a-9d57-7b0c2ec1a030', subjectCode: 'NO-OSL-0042', recorder: sender, receiver, decision: 'given', purposes: ['assistance', 'medical-care', 'coordination', 'follow-up'], language: 'nb', withInterpreter: true, recordedAt: new Date('2026-12-05T09:50:00Z'), expiresAt: new Date('2027-03-05T09:50:00Z'), withdrawnAt: null, version: 1 },
    ...overrides,
  };
}

const entry = (bundle: { entry?: { resource: Resource }[] }, type: string) => bundle.entry!.find((e) => e.resource.resourceType === type)!.resource as Record<string, any>;

describe('a referral as a FHIR R4 Bundle', () => {
  test.each(TASK_STATUSES.map((s) => [s]))('valid in status %s', (status: TaskStatus) => {
    const reason = NEEDS_REASON.includes(status) ? 'No places left' : null;
    const outcome = status === 'completed' ? 'got_help' : status === 'rejected' ? 'no_capacity' : null;
    const bundle = referralBundleOf(base, view({ status, statusReason: reason, outcome }), now);
    expect(fhirProblems(bundle)).toEqual([]);
    expect(entry(bundle, 'Task').status).toBe(status);
  });

  test.each([
    ['given', null, 'active'],
    ['given', new Date('2026-12-06T12:00:00Z'), 'inactive'],
    ['refused', null, 'rejected'],
  ] as const)('consent %s (withdrawn %s) → %s, and valid', (decision, withdrawnAt, status) => {
    const v = view();
    const bundle = referralBundleOf(base, view({ consent: { ...v.consent!, decision, withdrawnAt } }), now);
    expect(fhirProblems(bundle)).toEqual([]);
    expect(entry(bundle, 'Consent').status).toBe(status);
  });

  test('an expired consent is inactive', () => {
    const v = view();
    expect(consentStatus({ ...v.consent!, expiresAt: new Date('2026-12-01T00:00:00Z') }, now)).toBe('inactive');
  });

  test('valid with the least data: no consent, no needs, no safe contact, receiver outside the platform', () => {
    const v = view();
    const listing = { ...v.receiver, id: v.receiver.directoryId!, platformId: null, type: null };
    const bundle = referralBundleOf(base, view({ consent: null, receiver: listing, package: { ...v.package, needs: [], sex: null, languages: [], safeContact: null, note: null }, dueAt: null, sentAt: null, status: 'draft' }), now);
    expect(fhirProblems(bundle)).toEqual([]);
  });

  test('stable absolute fullUrls and identifier systems under the installation, shared code systems', () => {
    const bundle = referralBundleOf(base, view(), now);
    for (const e of bundle.entry!) expect(e.fullUrl).toBe(`https://ro.pro-health.example/fhir/${e.resource.resourceType}/${e.resource.id}`);
    expect(referralBundleOf(base, view(), new Date()).entry!.map((e) => e.fullUrl)).toEqual(bundle.entry!.map((e) => e.fullUrl));
    const task = entry(bundle, 'Task');
    expect(task.identifier[0].system).toBe('https://ro.pro-health.example/fhir/sid/referral');
    const sr = entry(bundle, 'ServiceRequest');
    expect(sr.category[0].coding[0].system).toBe('https://pro-health.example/fhir/CodeSystem/service-category');
    // every reference resolves inside the Bundle
    const inside = new Set(bundle.entry!.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
    const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g)!.map((m) => m.slice(13, -1));
    expect(refs.filter((r) => !inside.has(r))).toEqual([]);
  });

  test('the Patient is pseudonymous: the code, sex, age band and languages only', () => {
    const patient = entry(referralBundleOf(base, view(), now), 'Patient');
    expect(Object.keys(patient).sort()).toEqual(['communication', 'extension', 'gender', 'id', 'identifier', 'managingOrganization', 'meta', 'resourceType']);
    expect(patient.identifier[0].value).toBe('NO-OSL-0042');
    expect(JSON.stringify(patient)).not.toMatch(/Needs a female doctor|Text only/);
  });

  test('Task carries the deadline, the reason and the plain outcome', () => {
    const task = entry(referralBundleOf(base, view({ status: 'rejected', statusReason: 'No places', outcome: 'no_capacity' }), now), 'Task');
    expect(task.restriction.period.end).toBe('2026-12-05T14:05:00.000Z');
    expect(task.statusReason.text).toBe('No places');
    expect(task.businessStatus.coding[0].code).toBe('no_capacity');
    expect(task.output[0].valueCodeableConcept.coding[0].code).toBe('no_capacity');
    expect(task.focus.reference).toBe(`ServiceRequest/${view().id}`);
  });

  test('the validator catches what the profile forbids', () => {
    const bundle = referralBundleOf(base, view(), now);
    const task = { ...entry(bundle, 'Task'), status: 'ready' };
    expect(fhirProblems(task).join('\n')).toMatch(/never ready/);
    const rejected = { ...entry(bundle, 'Task'), status: 'rejected' };
    expect(fhirProblems(rejected).join('\n')).toMatch(/statusReason/);
    const named = { ...entry(bundle, 'Patient'), name: [{ text: 'X' }] };
    expect(fhirProblems(named).join('\n')).toMatch(/must not have name/);
    const { policyRule: _p, ...noPolicy } = entry(bundle, 'Consent');
    expect(fhirProblems(noPolicy).join('\n')).toMatch(/ppc-1/);
    expect(fhirProblems({ ...entry(bundle, 'Task'), status: 'bogus' }).join('\n')).toMatch(/schema: Task\/status/);
  });
});
