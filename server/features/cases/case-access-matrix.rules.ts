// The declarative map behind the case authorisation matrix (case-access-matrix.test.ts): every /api/cases* and
// /api/case-* route names what it needs from case.policy.ts, and a valid body, so a refusal can only come from the
// access rules (a body that fails validation would answer 400 and the matrix would fail, which is the point).
// A route missing here fails the matrix: whoever adds a case route classifies it here, in one line.
//
// The expectations are written out here on their own, not computed by case.policy.ts, so the matrix checks the
// policy instead of repeating it.
import type { Role } from '#shared/auth/roles.ts';
import type { CaseCategory } from '#shared/cases/case-vocabulary.ts';

/** How the actor stands to the planted case. Break-glass is a coordinator's (mayBreakGlass). */
export const RELATIONS = ['owner', 'team', 'organisation', 'other_organisation', 'break_glass'] as const;
export type Relation = (typeof RELATIONS)[number];

/** The categories of the "team" relation: a member holding only general + psychological, as a psychologist would. */
export const TEAM_GRANTS: readonly CaseCategory[] = ['general', 'psychological'];

export type Rule =
  /** Not about one case: an organisation-wide list or form; `roles` may use it (the list is checked for leaks). */
  | { scope: 'organisation'; roles: readonly Role[]; lists?: true }
  | { scope: 'case'; need: 'read' | 'write'; category: CaseCategory }
  | { scope: 'case'; need: 'manage_team' | 'change_status' | 'approve' | 'data_protection' }
  /** Anything else: say who may, per role and relation. */
  | { scope: 'case'; need: 'custom'; allows: (role: Role, relation: Relation) => boolean };

/** What the matrix plants for one cell: ids and versions a body may need. */
export interface Planted {
  caseId: string;
  caseVersion: number;
  identityVersion: number;
  /** A non-owner team member of the case's organisation (general grant only): the target of team changes. */
  spareAccountId: string;
  /** An account of the case's organisation on no team, to be added. */
  newcomerEmail: string;
}

export interface RouteEntry {
  rule: Rule;
  body?: (p: Planted) => unknown;
  query?: string;
}

const DUPLICATE_PROBE = { givenName: 'Matrix', familyName: 'Probe', birthDate: '1990-01-01' };

export const CASE_ROUTES: Record<string, RouteEntry> = {
  'GET /api/cases': { rule: { scope: 'organisation', roles: ['coordinator', 'case_manager', 'medical_professional', 'psychologist', 'social_worker', 'legal_advisor'], lists: true }, query: '?status=all' },
  'POST /api/cases': { rule: { scope: 'organisation', roles: ['coordinator', 'case_manager'] }, body: () => ({ ageBand: '24-26', gender: 'Feminine', citizenship: ['RO'] }) },
  'POST /api/cases/duplicates': { rule: { scope: 'organisation', roles: ['coordinator', 'case_manager'] }, body: () => DUPLICATE_PROBE },
  'GET /api/cases/:id': { rule: { scope: 'case', need: 'read', category: 'general' } },
  'PUT /api/cases/:id': { rule: { scope: 'case', need: 'write', category: 'general' }, body: (p) => ({ version: p.caseVersion, languages: ['ro', 'en'] }) },
  'POST /api/cases/:id/members': { rule: { scope: 'case', need: 'manage_team' }, body: (p) => ({ email: p.newcomerEmail, grants: ['general'] }) },
  'PUT /api/cases/:id/members/:accountId': { rule: { scope: 'case', need: 'manage_team' }, body: () => ({ grants: ['general', 'social'], version: 1 }) },
  'DELETE /api/cases/:id/members/:accountId': { rule: { scope: 'case', need: 'manage_team' } },
  'POST /api/cases/:id/owner': { rule: { scope: 'case', need: 'manage_team' }, body: (p) => ({ accountId: p.spareAccountId, version: p.caseVersion }) },
  'GET /api/cases/:id/identity': { rule: { scope: 'case', need: 'read', category: 'identity' } },
  'PUT /api/cases/:id/identity': { rule: { scope: 'case', need: 'write', category: 'identity' }, body: (p) => ({ version: p.identityVersion, familyName: 'Matrix-Changed' }) },
};

/** Who holds a category, by relation (the owner holds every grant; break-glass reads everything, writes nothing). */
function reads(relation: Relation, category: CaseCategory): boolean {
  if (relation === 'owner' || relation === 'break_glass') return true;
  return relation === 'team' && TEAM_GRANTS.includes(category);
}

function writes(relation: Relation, category: CaseCategory): boolean {
  return relation === 'owner' || (relation === 'team' && TEAM_GRANTS.includes(category));
}

/** Expected: may this role in this relation pass the case rule (beyond the route's role gate)? */
export function expectedAllowed(rule: Rule, role: Role, relation: Relation): boolean {
  if (rule.scope === 'organisation') return rule.roles.includes(role);
  switch (rule.need) {
    case 'read':
      return reads(relation, rule.category);
    case 'write':
      return writes(relation, rule.category);
    case 'manage_team':
    case 'change_status':
      // the owner, or a coordinator of the case's organisation who is on the team
      return relation === 'owner' || (relation === 'team' && role === 'coordinator');
    case 'approve':
      return role === 'coordinator' && (relation === 'owner' || relation === 'team' || relation === 'break_glass');
    case 'data_protection':
      return relation === 'owner';
    case 'custom':
      return rule.allows(role, relation);
  }
}
