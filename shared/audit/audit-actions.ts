// Every action code the server records in the audit trail, and the groups (prefixes) the filter offers.
// NOTE: the web names them in audit.json under "actionNames" and "actionGroups", keyed by actionKey(): "." becomes
// "__", because i18next cannot hold both "sign_in" and "sign_in.password" as nested keys. tests/audit-actions.test.ts
// scans server/ for recorded codes and fails when one is missing here or has no name in a language.

export const AUDIT_ACTIONS = [
  'access_request.approved',
  'access_request.declined',
  'access_request.listing_changed',
  'access_request.received',
  'account.created',
  'account.locked',
  'api_token.created',
  'api_token.refused',
  'api_token.revoked',
  'audit.exported',
  'case.access_refused',
  'case.consent_recorded',
  'case.consent_withdrawn',
  'case.duplicate_check',
  'case.identity_updated',
  'case.member_added',
  'case.member_changed',
  'case.member_removed',
  'case.opened',
  'case.owner_changed',
  'case.read',
  'case.read_break_glass',
  'case.updated',
  'consent.recorded',
  'consent.withdrawn',
  'database.backed_up',
  'database.restored',
  'directory.capacity_updated',
  'directory.demo_seeded',
  'directory.location_created',
  'directory.location_updated',
  'directory.organization_created',
  'directory.organization_updated',
  'directory.service_approved',
  'directory.service_created',
  'directory.service_rejected',
  'directory.service_updated',
  'directory.service_verified',
  'email.viewed',
  'fhir.not_found',
  'fhir.read',
  'fhir.searched',
  'help_contact.created',
  'help_contact.imported',
  'help_contact.updated',
  'help_contact.verified',
  'help_contact.withdrawn',
  'hsds.exported',
  'hsds.imported',
  'invitation.accepted',
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'library.content_imported',
  'library.image_uploaded',
  'library.section_published',
  'library.section_restored',
  'library.section_returned',
  'library.section_saved',
  'library.section_submitted',
  'library.section_withdrawn',
  'membership.created',
  'membership.removed',
  'membership.roles_changed',
  'organisation.created',
  'organisation.updated',
  'password.changed',
  'password.confirm_failed',
  'password.reset',
  'password.reset_requested',
  'referral.access_refused',
  'referral.created',
  'referral.escalated',
  'referral.identity_viewed',
  'referral.letter_printed',
  'referral.package_versioned',
  'referral.reminded',
  'referral.settings_updated',
  'referral.status_changed',
  'report.closed',
  'report.created',
  'session.organisation_switched',
  'session.revoked',
  'session.revoked_all',
  'sign_in.failed',
  'sign_in.password',
  'sign_in.second_factor',
  'sign_in.second_factor_failed',
  'sign_out',
  'system.purged',
  'thesaurus.group_created',
  'thesaurus.group_deleted',
  'thesaurus.group_updated',
  'thesaurus.imported',
  'two_factor.disabled',
  'two_factor.enabled',
  'two_factor.locked',
  'two_factor.recovery_code_used',
  'two_factor.recovery_codes_regenerated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The part before the first ".": the API matches it as a prefix ("invitation" → every "invitation.*"). */
export function actionGroup(action: string): string {
  return action.split('.')[0] ?? action;
}

/** The groups that hold more than one action, in the order of AUDIT_ACTIONS. */
export const AUDIT_ACTION_GROUPS: readonly string[] = [...new Set(AUDIT_ACTIONS.map(actionGroup))].filter(
  (group) => AUDIT_ACTIONS.filter((a) => actionGroup(a) === group).length > 1,
);

/** The translation key of an action or group code: "." → "__" (flat keys, see the note above). */
export function actionKey(code: string): string {
  return code.replaceAll('.', '__');
}

export function isAuditAction(code: string): code is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(code);
}
