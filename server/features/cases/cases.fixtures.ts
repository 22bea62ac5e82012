// Test set-up for case files: an NGO with an owner (case manager), a psychologist, a clinician, a coordinator and an
// org admin; a second NGO; helpers that open a case and call the API as someone.
import { afterAll, beforeAll } from 'vitest';
import { member, type Person } from '#server/features/referrals/referrals.fixtures.ts';
import { createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';

export type { Person };

export interface CaseWorld {
  ngo: { organisationId: string; owner: Person; colleague: Person; psychologist: Person; clinician: Person; coordinator: Person; admin: Person; trainer: Person };
  other: { organisationId: string; caseManager: Person; coordinator: Person };
}

export async function createCaseWorld(t: TestApp): Promise<CaseWorld> {
  const [a, b] = [await createOrganisation(t.deps.db), await createOrganisation(t.deps.db)];
  return {
    ngo: {
      organisationId: a.id,
      owner: await member(t, a.id, ['case_manager']),
      colleague: await member(t, a.id, ['case_manager']),
      psychologist: await member(t, a.id, ['psychologist']),
      clinician: await member(t, a.id, ['medical_professional']),
      coordinator: await member(t, a.id, ['coordinator']),
      admin: await member(t, a.id, ['org_admin']),
      trainer: await member(t, a.id, ['trainer']),
    },
    other: { organisationId: b.id, caseManager: await member(t, b.id, ['case_manager']), coordinator: await member(t, b.id, ['coordinator']) },
  };
}

export function useCaseWorld(ready: (t: TestApp, w: CaseWorld) => void): void {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    ready(app, await createCaseWorld(app));
  });
  afterAll(async () => app.close());
}

/** Calls the API as someone; the body is JSON. */
export function call(t: TestApp, who: Person, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
  return t.app.inject({ method, url, headers: { cookie: who.cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
}

/** Opens a case as `who` and returns its detail. */
export async function openCase(t: TestApp, who: Person, body: Record<string, unknown> = {}) {
  const res = await call(t, who, 'POST', '/api/cases', { ageBand: '24-26', gender: 'Feminine', citizenship: ['RO'], languages: ['ro'], ...body });
  if (res.statusCode !== 201) throw new Error(`open case: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; code: string; version: number; team: { accountId: string; grants: string[] }[] };
}

/** Adds a team member by their account's e-mail. */
export async function addToTeam(t: TestApp, owner: Person, caseId: string, who: Person, grants: string[]) {
  const email = (await t.deps.db.selectFrom('account').select('email').where('id', '=', who.id).executeTakeFirstOrThrow()).email;
  const res = await call(t, owner, 'POST', `/api/cases/${caseId}/members`, { email, grants });
  if (res.statusCode !== 200) throw new Error(`add member: ${res.statusCode} ${res.body}`);
  return res.json();
}
