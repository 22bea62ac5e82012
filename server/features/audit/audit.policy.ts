// Who may read which part of the audit trail. Pure, so the rules can be tested as a table.
import type { Actor } from '#server/http/access.ts';

/** Every organisation, or exactly one. */
export type ReadScope = { all: true } | { all: false; organisationId: string };

/**
 * Platform admins read everything (or one organisation they ask for); organisation admins read only their own
 * organisation's entries. Null when the actor may not read the trail, or asks for another organisation.
 */
export function auditReadScope(actor: Actor, requestedOrganisationId?: string): ReadScope | null {
  if (actor.isPlatformAdmin) return requestedOrganisationId ? { all: false, organisationId: requestedOrganisationId } : { all: true };
  if (!actor.organisationId || !actor.roles.includes('org_admin')) return null;
  if (requestedOrganisationId && requestedOrganisationId !== actor.organisationId) return null;
  return { all: false, organisationId: actor.organisationId };
}

/** Only platform admins check the whole chain: it spans every organisation. */
export function canVerifyChain(actor: Actor): boolean {
  return actor.isPlatformAdmin;
}
