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

/**
 * What a cell should meet: passed (2xx), refused by the access rules (404 on a case), or 'declined': the access rules
 * let the actor through and the service refuses on the record's state (409 or 422 with the reason), as when a
 * coordinator who already holds every grant asks for break-glass.
 */
export type Expectation = boolean | 'declined';

export type Rule =
  /**
   * Not about one case: an organisation-wide list or form; `roles` may use it. `lists` checks the answer for leaks:
   * 'visible' holds the planted case exactly when the actor may open it (team, owner, open break-glass);
   * 'organisation' holds it exactly when the actor is of the case's organisation (the coordinator's register).
   * `settings`: the organisation's own settings, not case data, so org_admin (no CASE_DATA_ROLE) may be admitted.
   */
  | { scope: 'organisation'; roles: readonly Role[]; lists?: 'visible' | 'organisation'; settings?: true }
  | { scope: 'case'; need: 'read' | 'write'; category: CaseCategory }
  | { scope: 'case'; need: 'manage_team' | 'change_status' | 'approve' | 'data_protection' | 'legal_hold' | 'withdraw_consent' }
  /** Anything else: say who may, per role and relation. */
  | { scope: 'case'; need: 'custom'; allows: (role: Role, relation: Relation) => Expectation };

/** What the matrix plants for one cell: ids and versions a body may need. */
export interface Planted {
  caseId: string;
  caseVersion: number;
  identityVersion: number;
  /** A non-owner team member of the case's organisation (general grant only): the target of team changes. */
  spareAccountId: string;
  /** An account of the case's organisation on no team, to be added. */
  newcomerEmail: string;
  /** The stored version of the case settings of the actor's organisation (0: never saved). */
  settingsVersion: number;
}

export interface RouteEntry {
  rule: Rule;
  body?: (p: Planted) => unknown;
  query?: string;
  /** Records in the path are the actor's own (their request): a requester's action can then reach 2xx. */
  plantAsActor?: true;
}

const DUPLICATE_PROBE = { givenName: 'Matrix', familyName: 'Probe', birthDate: '1990-01-01' };
/** Days the clock has passed (a delivered service, a review, an assessment) and one it has not (a task's due day). */
const PAST = '2026-11-02';
const FUTURE = '2099-06-30';
/** The smallest file the upload sniffs as a PDF. */
const PDF_BASE64 = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
const GUIDANCE = Object.fromEntries(['interview', 'purpose', 'data_use', 'research_use', 'access_right', 'retention', 'withdrawal'].map((item) => [item, { informed: 'yes' }]));
const ASSISTANCE_FIELDS = { providerOrganisationId: null, providerRole: null, deliveryMode: null, interpreterUsed: null, interpreterLanguage: null, serviceCategory: null, outcome: null, followUpDue: null, sharedWith: [], note: null };
const CASE_ROLES: readonly Role[] = ['coordinator', 'case_manager', 'medical_professional', 'psychologist', 'social_worker', 'legal_advisor'];
const inCaseOrganisation = (relation: Relation) => relation !== 'other_organisation';

export const CASE_ROUTES: Record<string, RouteEntry> = {
  'GET /api/cases': { rule: { scope: 'organisation', roles: CASE_ROLES, lists: 'visible' }, query: '?status=all' },
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

  // The workflow: status, break-glass, the register, approvals, settings (case-workflow.routes.ts).
  'GET /api/cases/:id/workflow': { rule: { scope: 'case', need: 'read', category: 'general' } },
  'POST /api/cases/:id/status': { rule: { scope: 'case', need: 'change_status' }, body: (p) => ({ to: 'FollowUp', version: p.caseVersion }) },
  // mayBreakGlass: any coordinator of the case's organisation; the owner already holds every grant (422) and an open
  // break-glass cannot be opened twice (409).
  'POST /api/cases/:id/break-glass': {
    rule: { scope: 'case', need: 'custom', allows: (role, relation) => role === 'coordinator' && inCaseOrganisation(relation) && (relation === 'owner' || relation === 'break_glass' ? 'declined' : true) },
    body: () => ({ reason: 'The owner is away and the person asked for help tonight.' }),
  },
  // Ends the actor's own open break-glass: nobody else has one to end (404).
  'POST /api/cases/:id/break-glass/end': { rule: { scope: 'case', need: 'custom', allows: (role, relation) => role === 'coordinator' && relation === 'break_glass' } },
  'GET /api/cases/register': { rule: { scope: 'organisation', roles: ['coordinator'], lists: 'organisation' } },
  'GET /api/cases/approvals': { rule: { scope: 'organisation', roles: ['coordinator'] } },
  // mayApprove: a coordinator of the case's organisation, on the team or not (deciding reads no category); the planted
  // request is someone else's (nobody decides their own).
  'POST /api/cases/approvals/:approvalId/approve': { rule: { scope: 'case', need: 'custom', allows: (role, relation) => role === 'coordinator' && inCaseOrganisation(relation) }, body: () => ({}) },
  'POST /api/cases/approvals/:approvalId/reject': {
    rule: { scope: 'case', need: 'custom', allows: (role, relation) => role === 'coordinator' && inCaseOrganisation(relation) },
    body: () => ({ note: 'Not yet: the support plan is still open.' }),
  },
  // The requester withdraws their own request, wherever they now stand in their organisation.
  'POST /api/cases/approvals/:approvalId/withdraw': { rule: { scope: 'case', need: 'custom', allows: (_role, relation) => inCaseOrganisation(relation) }, body: () => ({}), plantAsActor: true },
  'GET /api/case-settings': { rule: { scope: 'organisation', roles: ['org_admin', 'coordinator'], settings: true } },
  'PUT /api/case-settings': {
    rule: { scope: 'organisation', roles: ['org_admin', 'coordinator'], settings: true },
    // NOTE: the defaults again, so that no other cell starts to need approvals.
    body: (p) => ({ codePrefix: 'PH', closureNeedsApproval: false, planNeedsApproval: false, retention: {}, version: p.settingsVersion }),
  },

  // Assistance (planted: medical counselling, health), comments, plans (planted: an active Health plan), risk, tasks.
  // Lists answer every team member, holding only the categories their grant reads.
  'GET /api/cases/:id/assistance': { rule: { scope: 'case', need: 'read', category: 'general' } },
  'POST /api/cases/:id/assistance': { rule: { scope: 'case', need: 'write', category: 'psychological' }, body: () => ({ type: 'psychological', state: 'offered', occurredOn: PAST }) },
  'GET /api/cases/:id/assistance/:assistanceId': { rule: { scope: 'case', need: 'read', category: 'health' } },
  'PUT /api/cases/:id/assistance/:assistanceId': { rule: { scope: 'case', need: 'write', category: 'health' }, body: () => ({ ...ASSISTANCE_FIELDS, state: 'offered', occurredOn: PAST, version: 1 }) },
  'GET /api/cases/:id/comments': { rule: { scope: 'case', need: 'read', category: 'general' } },
  'POST /api/cases/:id/comments': { rule: { scope: 'case', need: 'write', category: 'general' }, body: () => ({ category: 'general', body: 'Matrix update' }) },
  'GET /api/cases/:id/plans': { rule: { scope: 'case', need: 'read', category: 'general' } },
  'POST /api/cases/:id/plans': { rule: { scope: 'case', need: 'write', category: 'psychological' }, body: () => ({ type: 'SexualExploitationRehabilitation' }) },
  'PUT /api/cases/:id/plans/:planId': { rule: { scope: 'case', need: 'write', category: 'health' }, body: () => ({ objectives: 'Matrix', version: 1 }) },
  'POST /api/cases/:id/plans/:planId/status': { rule: { scope: 'case', need: 'write', category: 'health' }, body: () => ({ status: 'completed', version: 1 }) },
  'GET /api/cases/:id/plans/:planId/reviews': { rule: { scope: 'case', need: 'read', category: 'health' } },
  'POST /api/cases/:id/plans/:planId/reviews': { rule: { scope: 'case', need: 'write', category: 'health' }, body: () => ({ reviewedOn: PAST, progress: 'on_track' }) },
  'GET /api/cases/:id/risk-assessments': { rule: { scope: 'case', need: 'read', category: 'general' } },
  'POST /api/cases/:id/risk-assessments': { rule: { scope: 'case', need: 'write', category: 'general' }, body: () => ({ assessedOn: PAST, individual: 'medium', household: 'low', community: 'low' }) },
  'GET /api/cases/:id/tasks': { rule: { scope: 'case', need: 'read', category: 'general' } },
  'POST /api/cases/:id/tasks': { rule: { scope: 'case', need: 'write', category: 'general' }, body: (p) => ({ kind: 'follow_up_contact', dueOn: FUTURE, assigneeAccountId: p.spareAccountId }) },
  'POST /api/cases/:id/tasks/:taskId/done': { rule: { scope: 'case', need: 'write', category: 'general' }, body: () => ({ version: 1 }) },
  'GET /api/cases/my-work': { rule: { scope: 'organisation', roles: CASE_ROLES } },

  // Data protection (planted attachment: health).
  'POST /api/cases/:id/attachments': { rule: { scope: 'case', need: 'write', category: 'psychological' }, query: '?category=psychological', body: () => ({ fileName: 'matrix.pdf', dataBase64: PDF_BASE64 }) },
  'GET /api/cases/:id/attachments': { rule: { scope: 'case', need: 'read', category: 'general' } },
  'GET /api/cases/:id/attachments/:attachmentId': { rule: { scope: 'case', need: 'read', category: 'health' } },
  'GET /api/cases/:id/export.json': { rule: { scope: 'case', need: 'data_protection' } },
  'GET /api/cases/:id/export.pdf': { rule: { scope: 'case', need: 'data_protection' }, query: '?lang=en' },
  'GET /api/cases/:id/assistance.csv': { rule: { scope: 'case', need: 'read', category: 'general' } },
  'GET /api/cases/:id/assistance.xlsx': { rule: { scope: 'case', need: 'read', category: 'general' } },
  'POST /api/cases/:id/legal-hold': { rule: { scope: 'case', need: 'legal_hold' }, body: (p) => ({ hold: true, reason: 'A court asked to keep the records.', version: p.caseVersion }) },
  'POST /api/cases/:id/erase': { rule: { scope: 'case', need: 'data_protection' }, body: (p) => ({ scope: 'identity', reason: 'Her written request of 1 December.', version: p.caseVersion }) },

  // The consent ledger (planted: a consent to services, given).
  'GET /api/cases/:id/consents': { rule: { scope: 'case', need: 'read', category: 'general' } },
  'POST /api/cases/:id/consents': {
    rule: { scope: 'case', need: 'write', category: 'general' },
    body: () => ({ scopes: ['statistics'], decision: 'given', guidance: GUIDANCE, language: 'ro', withInterpreter: false, lastSeenId: null }),
  },
  'GET /api/cases/:id/consents/:consentId': { rule: { scope: 'case', need: 'read', category: 'general' } },
  'POST /api/cases/:id/consents/:consentId/withdraw': { rule: { scope: 'case', need: 'withdraw_consent' } },
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
export function expectedAllowed(rule: Rule, role: Role, relation: Relation): Expectation {
  if (rule.scope === 'organisation') return rule.roles.includes(role);
  switch (rule.need) {
    case 'read':
      return reads(relation, rule.category);
    case 'write':
      return writes(relation, rule.category);
    case 'manage_team':
    case 'change_status':
    case 'legal_hold':
      // the owner, or a coordinator of the case's organisation who is on the team
      return relation === 'owner' || (relation === 'team' && role === 'coordinator');
    case 'approve':
      return role === 'coordinator' && (relation === 'owner' || relation === 'team' || relation === 'break_glass');
    case 'data_protection':
      return relation === 'owner';
    case 'withdraw_consent':
      // a team member holding the general grant (every team relation here holds it); never break-glass
      return relation === 'owner' || relation === 'team';
    case 'custom':
      return rule.allows(role, relation);
  }
}
