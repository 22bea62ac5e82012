// The case authorisation matrix (issue 10): every registered /api/cases* and /api/case-* route × every role × how the
// actor stands to the case (owner; team member holding only general + psychological; same organisation outside the
// team; another organisation; a coordinator with an open break-glass) plus signed out. Each cell gets a freshly
// planted case, so a write in one cell cannot change another. Expectations come from case-access-matrix.rules.ts;
// a route missing there fails. Then IDOR: random case ids, and a record of case A under case B's path, never 2xx.
import { randomUUID } from 'node:crypto';
import type { RouteOptions } from 'fastify';
import { describe, expect, test } from 'vitest';
import type { Db } from '#server/db/db.ts';
import { member } from '#server/features/referrals/referrals.fixtures.ts';
import type { Access } from '#server/http/access.ts';
import { CASE_DATA_ROLES, ROLES, type Role } from '#shared/auth/roles.ts';
import { CASE_CATEGORIES } from '#shared/cases/case-vocabulary.ts';
import type { TestApp } from '#tests/test-app.ts';
import { CASE_ROUTES, RELATIONS, TEAM_GRANTS, expectedAllowed, type Planted, type Relation, type RouteEntry } from './case-access-matrix.rules.ts';
import { useCaseWorld, type CaseWorld, type Person } from './cases.fixtures.ts';
import { encryptBytes } from '#server/lib/crypto.ts';
import { seal, sealJson } from './vault.ts';

interface Route {
  method: string;
  url: string;
  access: Access | undefined;
}

let t: TestApp;
let w: CaseWorld;
/** Per role: an account in the case's organisation (A) and one in another organisation (B). */
const inA = new Map<Role, Person>();
const inB = new Map<Role, Person>();
let spare: Person;
let newcomerEmail: string;

useCaseWorld((app, world) => {
  [t, w] = [app, world];
});

async function people(): Promise<void> {
  if (spare) return;
  for (const role of ROLES) {
    inA.set(role, await member(t, w.ngo.organisationId, [role]));
    inB.set(role, await member(t, w.other.organisationId, [role]));
  }
  spare = await member(t, w.ngo.organisationId, ['social_worker']);
  const newcomer = await member(t, w.ngo.organisationId, ['psychologist']);
  newcomerEmail = (await t.deps.db.selectFrom('account').select('email').where('id', '=', newcomer.id).executeTakeFirstOrThrow()).email;
}

function caseRoutes(): Route[] {
  return t.app.routeList
    .filter((r: RouteOptions) => r.url.startsWith('/api/cases') || r.url.startsWith('/api/case-'))
    .flatMap((r: RouteOptions) =>
      [r.method]
        .flat()
        .filter((m) => m !== 'HEAD' && m !== 'OPTIONS')
        .map((method) => ({ method, url: r.url, access: r.config?.access })),
    );
}
const keyOf = (r: Route) => `${r.method} ${r.url}`;

/** Records planted in a case, by the name of the path parameter that carries their id. Others get a random uuid. */
const PLANTERS: Record<string, (db: Db, caseId: string, organisationId: string, byAccountId: string) => Promise<string>> = {
  assistanceId: async (db, caseId, organisationId) =>
    (await db.insertInto('caseAssistance').values({ caseId, organisationId, type: 'medical_counselling', category: 'health', state: 'delivered', occurredOn: '2026-11-02', sharedWith: '[]' }).returning('id').executeTakeFirstOrThrow()).id,
  // NOTE: active, so that a review (active plans only) and a status step can reach 2xx where the grant allows.
  planId: async (db, caseId) => (await db.insertInto('casePlan').values({ caseId, type: 'Health', category: 'health', status: 'active' }).returning('id').executeTakeFirstOrThrow()).id,
  riskId: async (db, caseId) => (await db.insertInto('caseRiskAssessment').values({ caseId, assessedOn: '2026-11-02', individual: 'medium', household: 'low', community: 'low' }).returning('id').executeTakeFirstOrThrow()).id,
  taskId: async (db, caseId, organisationId) => (await db.insertInto('caseTask').values({ caseId, organisationId, kind: 'follow_up_contact', dueOn: '2026-12-20' }).returning('id').executeTakeFirstOrThrow()).id,
  commentId: async (db, caseId) => (await db.insertInto('caseComment').values({ caseId, category: 'general', body: seal(t.deps.config.encryptionKeys, 'matrix')! }).returning('id').executeTakeFirstOrThrow()).id,
  // NOTE: a pending closure as the status service files it (a status and a reason code), asked by `by`: approving
  // needs someone else than the requester, withdrawing the requester (plantAsActor).
  approvalId: async (db, caseId, organisationId, by) =>
    (await db.insertInto('caseApproval').values({ caseId, organisationId, kind: 'closure', request: JSON.stringify({ to: 'Closed', reason: 'goals_reached' }), requestedBy: by }).returning('id').executeTakeFirstOrThrow()).id,
  consentId: async (db, caseId, organisationId, by) =>
    (
      await db
        .insertInto('consent')
        .values({ caseId, organisationId, subjectCode: 'MATRIX', purposes: JSON.stringify([]), scopes: JSON.stringify(['services']), decision: 'given', language: 'ro', recordedBy: by, expiresAt: new Date(Date.now() + 864e8) })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  // NOTE: in health, which the "team" relation does not hold: a download must pass the attachment's own category.
  attachmentId: async (db, caseId) => {
    const sealed = encryptBytes(t.deps.config.encryptionKeys, Buffer.from('%PDF-1.4\n%%EOF\n'));
    const values = { caseId, category: 'health', mediaType: 'application/pdf', byteSize: 15, fileName: seal(t.deps.config.encryptionKeys, 'a.pdf')!, content: sealed.content, keyId: sealed.keyId };
    return (await db.insertInto('caseAttachment').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
};
PLANTERS.assessmentId = PLANTERS.riskId!;

/** A case of organisation A with an owner, a spare member, a sealed identity and the actor in `relation`. */
async function plantCase(actor: Person | null, relation: Relation | null): Promise<Planted> {
  const db = t.deps.db;
  const keys = t.deps.config.encryptionKeys;
  const organisationId = w.ngo.organisationId;
  const ownerId = relation === 'owner' && actor ? actor.id : w.ngo.owner.id;
  const c = await db.insertInto('caseFile').values({ organisationId, code: `MX-${randomUUID().slice(0, 13)}`, ownerAccountId: ownerId, ageBand: '24-26', citizenship: '["RO"]', languages: '["ro"]', victimContext: '{}' }).returning(['id', 'version']).executeTakeFirstOrThrow();
  const row = (accountId: string, isOwner: boolean, grants: readonly string[]) => ({ caseId: c.id, accountId, organisationId, caseOrganisationId: organisationId, isOwner, grants: JSON.stringify(grants) });
  const members = [row(ownerId, true, CASE_CATEGORIES), row(spare.id, false, ['general'])];
  if (relation === 'team' && actor) members.push(row(actor.id, false, TEAM_GRANTS));
  await db.insertInto('caseMember').values(members).execute();
  await db.insertInto('caseIdentity').values({ caseId: c.id, organisationId, givenName: seal(keys, 'Matrix'), familyName: seal(keys, 'Person'), contacts: sealJson(keys, [{ kind: 'phone', value: '+40 700 000 001' }]) }).execute();
  if (relation === 'break_glass' && actor) {
    await db.insertInto('caseBreakGlass').values({ caseId: c.id, accountId: actor.id, organisationId, reason: seal(keys, 'matrix')!, expiresAt: new Date(Date.now() + 3_600_000) }).execute();
  }
  const actorOrganisationId = relation === 'other_organisation' ? w.other.organisationId : organisationId;
  const settings = await db.selectFrom('caseSetting').select('version').where('organisationId', '=', actorOrganisationId).executeTakeFirst();
  return { caseId: c.id, caseVersion: c.version, identityVersion: 1, spareAccountId: spare.id, newcomerEmail, settingsVersion: settings?.version ?? 0 };
}

/**
 * The route's URL with :id = the case, :accountId = the spare member, records planted under `recordsOf` (by `by`, the
 * owner unless the route plants the actor's own); other parameters random.
 */
async function urlFor(route: Route, p: Planted, recordsOf: Planted = p, accountId = recordsOf.spareAccountId, by = w.ngo.owner.id): Promise<{ url: string; random: boolean }> {
  let random = false;
  let url = route.url.replace(':id', p.caseId);
  for (const [, name = ''] of route.url.matchAll(/:([A-Za-z0-9_]+)/g)) {
    if (name === 'id') continue;
    let value: string;
    if (name === 'accountId') value = accountId;
    else if (PLANTERS[name]) value = await PLANTERS[name](t.deps.db, recordsOf.caseId, w.ngo.organisationId, by);
    else [value, random] = [randomUUID(), true];
    url = url.replace(`:${name}`, value);
  }
  return { url: url + (CASE_ROUTES[keyOf(route)]?.query ?? ''), random };
}

function send(route: Route, url: string, who: Person | null, entry: RouteEntry, p: Planted) {
  const body = entry.body?.(p);
  return t.app.inject({ method: route.method as 'GET', url, headers: who ? { cookie: who.cookie } : {}, ...(body === undefined ? {} : { payload: body as object }) });
}

type Outcome = 'signed_out' | 'role_refused' | 'allowed' | 'refused' | 'declined';
interface Cell {
  role: Role | 'anonymous';
  relation: Relation | 'none';
  expected: Outcome;
  status: number;
  ok: boolean;
}

/** Does a status fit the expected outcome? `loose`: a parameter was a random uuid, so "allowed" cannot reach 2xx. */
function fits(expected: Outcome, status: number, scope: 'case' | 'organisation', loose: boolean): boolean {
  if (expected === 'signed_out') return status === 401;
  if (expected === 'role_refused') return status === 403;
  if (expected === 'refused') return scope === 'case' ? status === 404 : status === 403 || status === 404;
  if (expected === 'declined') return status === 409 || status === 422;
  return loose ? status < 500 && status !== 401 && status !== 403 : status >= 200 && status < 300;
}

async function runCell(route: Route, entry: RouteEntry, role: Role | null, relation: Relation | null): Promise<Cell> {
  const actor = role === null ? null : relation === 'other_organisation' ? inB.get(role)! : inA.get(role)!;
  const p = await plantCase(actor, relation);
  const { url, random } = await urlFor(route, p, p, p.spareAccountId, entry.plantAsActor && actor ? actor.id : w.ngo.owner.id);
  const admitted = route.access?.kind === 'roles' && role !== null && route.access.roles.includes(role);
  const verdict = role === null || !admitted ? false : expectedAllowed(entry.rule, role, relation!);
  const expected: Outcome = role === null ? 'signed_out' : !admitted ? 'role_refused' : verdict === 'declined' ? 'declined' : verdict ? 'allowed' : 'refused';
  const res = await send(route, url, actor, entry, p);
  let ok = fits(expected, res.statusCode, entry.rule.scope, random);
  if (ok && entry.rule.scope === 'organisation' && entry.rule.lists && expected === 'allowed') {
    // NOTE: a list must hold the planted case exactly when the actor may open it (team, owner, open break-glass); the
    // register exactly when the actor is of the case's organisation.
    const holds = entry.rule.lists === 'organisation' ? relation !== 'other_organisation' : relation === 'owner' || relation === 'team' || relation === 'break_glass';
    ok = res.body.includes(p.caseId) === holds;
  }
  return { role: role ?? 'anonymous', relation: relation ?? 'none', expected, status: res.statusCode, ok };
}

const CELLS: [Role, Relation][] = ROLES.flatMap((role) => RELATIONS.filter((r) => r !== 'break_glass' || role === 'coordinator').map((r): [Role, Relation] => [role, r]));

describe('case authorisation matrix', () => {
  test('every case route is classified and admits only roles that may hold case data', () => {
    const routes = caseRoutes();
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.map(keyOf).filter((k) => !CASE_ROUTES[k]), 'classify these routes in case-access-matrix.rules.ts').toEqual([]);
    for (const r of routes) {
      expect(r.access?.kind, keyOf(r)).toBe('roles');
      // NOTE: an organisation's case settings (code prefix, approvals, retention) hold no case data: its org_admin keeps
      // them. Only routes classified as settings may admit org_admin; no route admits any other role outside the list.
      const rule = CASE_ROUTES[keyOf(r)]?.rule;
      const extra: readonly Role[] = rule?.scope === 'organisation' && rule.settings ? ['org_admin'] : [];
      if (r.access?.kind === 'roles') expect(r.access.roles.filter((role) => !CASE_DATA_ROLES.includes(role) && !extra.includes(role)), keyOf(r)).toEqual([]);
    }
  });

  test('each route × role × relation answers as the map expects: 0 unexpected 2xx', { timeout: 600_000 }, async () => {
    await people();
    const table: string[] = [];
    const wrong: string[] = [];
    for (const route of caseRoutes()) {
      const entry = CASE_ROUTES[keyOf(route)];
      if (!entry) continue; // the test above fails for it
      const cells = [await runCell(route, entry, null, null)];
      for (const [role, relation] of CELLS) cells.push(await runCell(route, entry, role, relation));
      for (const c of cells) if (!c.ok) wrong.push(`${keyOf(route)} as ${c.role}/${c.relation}: expected ${c.expected}, got ${c.status}`);
      const allowedBy = RELATIONS.map((rel) => `${rel}: ${cells.filter((c) => c.relation === rel && c.expected === 'allowed').map((c) => c.role).join(',') || '—'}`);
      table.push(`${keyOf(route).padEnd(48)} ${allowedBy.join(' | ')}`);
    }
    expect(wrong, `expectations (who is allowed, per relation):\n${table.join('\n')}`).toEqual([]);
  });
});

/** The case manager, or the coordinator where the route admits only coordinators (a 403 would say nothing of the case). */
function admittedOf(route: Route, people: Map<Role, Person>): Person {
  const admits = (role: Role) => route.access?.kind === 'roles' && route.access.roles.includes(role);
  return people.get(admits('case_manager') ? 'case_manager' : 'coordinator')!;
}

describe('IDOR', () => {
  test('a random case id answers 404 on every case route, even to an owner-capable case manager', async () => {
    await people();
    for (const route of caseRoutes().filter((r) => r.url.includes(':id'))) {
      const who = admittedOf(route, inA);
      const p = await plantCase(who, 'owner');
      const stray = { ...p, caseId: randomUUID() };
      const { url } = await urlFor(route, stray, p);
      const res = await send(route, url, who, CASE_ROUTES[keyOf(route)] ?? { rule: { scope: 'organisation', roles: [] } }, stray);
      expect(res.statusCode, keyOf(route)).toBe(404);
    }
  });

  test("a record of case A under case B's path is never answered, even to the owner of both", async () => {
    await people();
    const owner = inA.get('case_manager')!;
    const [a, b] = [await plantCase(owner, 'owner'), await plantCase(owner, 'owner')];
    // NOTE: a team member of A only (the spare member sits on every planted case, so it is no record of A alone)
    const onlyOnA = inA.get('legal_advisor')!.id;
    await t.deps.db.insertInto('caseMember').values({ caseId: a.caseId, accountId: onlyOnA, organisationId: w.ngo.organisationId, caseOrganisationId: w.ngo.organisationId, grants: JSON.stringify(['general']) }).execute();
    const withRecords = caseRoutes().filter((r) => /:(?!id\b)[A-Za-z]/.test(r.url) && r.url.includes(':id'));
    expect(withRecords.length).toBeGreaterThan(0);
    for (const route of withRecords) {
      const { url } = await urlFor(route, b, a, onlyOnA);
      const res = await send(route, url, owner, CASE_ROUTES[keyOf(route)]!, b);
      expect(res.statusCode >= 200 && res.statusCode < 300, `${keyOf(route)} answered ${res.statusCode}`).toBe(false);
      expect(res.statusCode, keyOf(route)).toBeLessThan(500);
    }
  });

  test("another organisation's case manager, owner of its own cases, gets 404 on this organisation's case everywhere", async () => {
    await people();
    const p = await plantCase(null, null);
    for (const route of caseRoutes().filter((r) => r.url.includes(':id'))) {
      const { url } = await urlFor(route, p);
      const who = admittedOf(route, inB) === inB.get('case_manager') ? w.other.caseManager : admittedOf(route, inB);
      const res = await send(route, url, who, CASE_ROUTES[keyOf(route)]!, p);
      expect(res.statusCode, keyOf(route)).toBe(404);
    }
  });
});
