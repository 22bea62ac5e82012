// Who may see and decide access requests: pure predicates over the actor.
import type { Actor } from '#server/http/access.ts';
import type { RequestScope } from './access-request.queries.ts';

/**
 * Platform admins handle every request, "I don't know" ones included, and may place one in any organisation;
 * organisation admins handle those sent to the organisation they act for. Null: none at all.
 */
export function accessRequestScope(actor: Actor): RequestScope | null {
  if (actor.isPlatformAdmin) return { all: true };
  if (actor.organisationId && actor.roles.includes('org_admin')) return { all: false, organisationId: actor.organisationId };
  return null;
}

/** Only platform admins choose (or change) the organisation a request is approved into. */
export function canPlaceRequest(actor: Actor): boolean {
  return actor.isPlatformAdmin;
}
