// The one policy of case files: every read and write of a case, a category or the team is decided here, from
// (actor, action, case, category). Pure functions over a CaseGrant that case-access.ts loads in one SQL query; the
// list filter in case-access.ts asks SQL the same questions (team membership in the actor's current organisation, or
// an open break-glass), so a list never holds a case its reader could not open.
import type { Actor } from '#server/http/access.ts';
import { CLOSED_STATUSES, type CaseCategory, type CaseStatus } from '#shared/cases/case-vocabulary.ts';

/** What the actor holds on one case, as loaded from the team and break-glass tables. */
export interface CaseGrant {
  caseId: string;
  /** The case's organisation. */
  organisationId: string;
  code: string;
  status: CaseStatus;
  version: number;
  ownerAccountId: string | null;
  /** 'team': a member row in the actor's current organisation; 'break_glass': an open, unexpired break-glass. */
  via: 'team' | 'break_glass';
  isOwner: boolean;
  /** The categories the actor may read: the team grants, or every category while a break-glass is open. */
  categories: ReadonlySet<CaseCategory>;
  /** The categories the actor may write: the team grants only (break-glass never writes). */
  teamCategories: ReadonlySet<CaseCategory>;
  /** An open break-glass of the actor on this case (reads outside the team grants are audited as such). */
  breakGlass: boolean;
  /** The coordinator of the case's own organisation (may manage the team, approve, open break-glass). */
  isCaseCoordinator: boolean;
}

export type CaseAction =
  | { kind: 'read'; category: CaseCategory }
  | { kind: 'write'; category: CaseCategory }
  /** Add, change or remove team members and their grants; hand the case to a new owner. */
  | { kind: 'manage_team' }
  /** Change the case status (follow-up, closure, reopening). */
  | { kind: 'change_status' }
  /** Decide a pending approval (closure, support plan). */
  | { kind: 'approve' }
  /** Export everything held about the person, erase or anonymise. */
  | { kind: 'data_protection' }
  /**
   * Set or clear a legal hold (it stops every purge of the case): the owner or the case's coordinator on the team —
   * a hold protects evidence, so the coordinator need not hold the identity grant that exports and erasures need.
   */
  | { kind: 'legal_hold' }
  /**
   * Record that the person withdrew a consent. Unlike other writes it stays open on a closed case: a withdrawal must
   * stop sharing at once whatever the case's status (a team member holding the general grant; never break-glass).
   */
  | { kind: 'withdraw_consent' };

/** True when the grant allows the action. Writes on a closed case are refused here too (reopen first). */
export function mayOnCase(grant: CaseGrant, action: CaseAction): boolean {
  const closed = CLOSED_STATUSES.includes(grant.status);
  switch (action.kind) {
    case 'read':
      return grant.categories.has(action.category);
    case 'write':
      return grant.via === 'team' && !closed && grant.teamCategories.has(action.category);
    case 'manage_team':
      return grant.via === 'team' && (grant.isOwner || grant.isCaseCoordinator);
    case 'change_status':
      return grant.via === 'team' && (grant.isOwner || grant.isCaseCoordinator);
    case 'approve':
      return grant.isCaseCoordinator;
    case 'data_protection':
      return grant.via === 'team' && grant.isOwner && grant.teamCategories.has('identity');
    case 'legal_hold':
      return grant.via === 'team' && (grant.isOwner || grant.isCaseCoordinator);
    case 'withdraw_consent':
      return grant.via === 'team' && grant.teamCategories.has('general');
  }
}

/** Who may open a new case in their organisation, and own it. */
export function mayOpenCase(actor: Actor): boolean {
  return actor.organisationId !== null && (actor.roles.includes('case_manager') || actor.roles.includes('coordinator'));
}

/** Who may see the organisation's case register (codes, status, owner, team size; no category data) to assign work. */
export function mayReadRegister(actor: Actor, organisationId: string): boolean {
  return actor.organisationId === organisationId && actor.roles.includes('coordinator');
}

/**
 * Who may decide a pending approval (closure, support plan) of a case: a coordinator of the case's own organisation,
 * on the team or not (approving reads no category; a grant is not needed, so loadGrant's isCaseCoordinator is not).
 */
export function mayApprove(actor: Actor, caseOrganisationId: string): boolean {
  return actor.organisationId === caseOrganisationId && actor.roles.includes('coordinator');
}

/** Who may open a case outside their grants, with a written reason (design.md §2). */
export function mayBreakGlass(actor: Actor, caseOrganisationId: string): boolean {
  return actor.organisationId === caseOrganisationId && actor.roles.includes('coordinator');
}

/** The categories a grant reads: what the interface shows and an export contains. */
export function readableCategories(grant: CaseGrant): CaseCategory[] {
  return [...grant.categories];
}
