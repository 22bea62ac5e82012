// Test set-up for referrals: a sending and a receiving organisation with signed-in professionals, a directory listing
// of the receiver (and one outside the platform), and helpers that record consents and send referrals via the API.
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '#server/db/db.ts';
import type { Role } from '#shared/auth/roles.ts';
import { signIn } from '#tests/auth-helpers.ts';
import { createAccount, createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';

export async function createDirectoryService(db: Db, o: { organisationId: string | null; accepting?: boolean; status?: string; reviewStatus?: string; name?: string }) {
  const dir = await db
    .insertInto('directoryOrganization')
    .values({ organisationId: o.organisationId, name: `Directory ${o.name ?? 'listing'}`, descriptions: '{}', country: 'RO', updatedAt: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const service = await db
    .insertInto('directoryService')
    .values({
      directoryOrganizationId: dir.id,
      name: o.name ?? 'Counselling service',
      summaries: '{}',
      status: o.status ?? 'active',
      reviewStatus: o.reviewStatus ?? 'approved',
      acceptingReferrals: o.accepting ?? true,
      categories: '["mental-health"]',
      languages: '["ro","en"]',
      serviceAreas: '["RO-B"]',
      sexes: '[]',
      requiredDocuments: '[]',
      schedules: '[]',
      updatedAt: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { serviceId: service.id, directoryOrganizationId: dir.id };
}

export interface Person {
  id: string;
  cookie: string;
}

export async function member(t: TestApp, organisationId: string, roles: Role[], language = 'en'): Promise<Person> {
  const account = await createAccount(t.deps.db, { organisationId, roles, withTotp: true, language });
  return { id: account.id, cookie: await signIn(t.app, { ...account, now: t.deps.now() }) };
}

export interface World {
  sender: { organisationId: string; clinician: Person; coordinator: Person };
  receiver: { organisationId: string; caseManager: Person; coordinator: Person; admin: Person };
  outsider: { organisationId: string; clinician: Person };
  serviceId: string;
  directoryOrganizationId: string;
  externalServiceId: string;
}

export async function createWorld(t: TestApp): Promise<World> {
  const db = t.deps.db;
  const [a, b, c] = [await createOrganisation(db), await createOrganisation(db), await createOrganisation(db)];
  const service = await createDirectoryService(db, { organisationId: b.id });
  const external = await createDirectoryService(db, { organisationId: null, name: 'Clinic outside' });
  return {
    sender: { organisationId: a.id, clinician: await member(t, a.id, ['medical_professional']), coordinator: await member(t, a.id, ['coordinator']) },
    receiver: { organisationId: b.id, caseManager: await member(t, b.id, ['case_manager'], 'ro'), coordinator: await member(t, b.id, ['coordinator']), admin: await member(t, b.id, ['org_admin']) },
    outsider: { organisationId: c.id, clinician: await member(t, c.id, ['medical_professional']) },
    serviceId: service.serviceId,
    directoryOrganizationId: service.directoryOrganizationId,
    externalServiceId: external.serviceId,
  };
}

/** Registers the file's set-up: a fresh test app and world before all tests, handed to `ready`; the app closed after. */
export function useWorld(ready: (t: TestApp, w: World) => void): void {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    ready(app, await createWorld(app));
  });
  afterAll(async () => app.close());
}

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

export async function recordConsent(t: TestApp, who: Person, body: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/consents',
    headers: { cookie: who.cookie },
    payload: { subjectCode: 'P-1', purposes: ['assistance'], decision: 'given', coversIdentity: false, language: 'ro', withInterpreter: false, expiresOn: inAYear(), ...body },
  });
  if (res.statusCode !== 201) throw new Error(`consent: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>();
}

export function packageOf(consentId: string, extra: Record<string, unknown> = {}) {
  return { subjectCode: 'P-1', ageBand: '25-34', sex: 'female', languages: ['ro'], needs: ['mental-health'], urgency: 'routine', safeContact: 'Only by text, after 18:00', note: 'Met at the emergency room', consentId, ...extra };
}

export async function sendReferral(t: TestApp, w: World, o: { send?: boolean; urgency?: string; serviceId?: string; consentId?: string } = {}) {
  const serviceId = o.serviceId ?? w.serviceId;
  const consentId = o.consentId ?? (await recordConsent(t, w.sender.clinician, { receiverServiceId: serviceId })).id;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/referrals',
    headers: { cookie: w.sender.clinician.cookie },
    payload: { serviceId, package: packageOf(consentId, { urgency: o.urgency ?? 'routine' }), send: o.send ?? true },
  });
  if (res.statusCode !== 201) throw new Error(`referral: ${res.statusCode} ${res.body}`);
  return { ...res.json<{ id: string; status: string; reference: string }>(), consentId };
}

export async function setStatus(t: TestApp, who: Person, id: string, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: `/api/referrals/${id}/status`, headers: { cookie: who.cookie }, payload: body });
}
