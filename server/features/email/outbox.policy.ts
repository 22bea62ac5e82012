// Who may read which emails in the outbox. Pure predicates.
import type { Actor } from '#server/http/access.ts';

export type OutboxScope = { all: true } | { all: false; organisationId: string };

/** Platform admins read every email (or one organisation's); organisation admins only their organisation's. */
export function outboxReadScope(actor: Actor, requestedOrganisationId?: string): OutboxScope | null {
  if (actor.isPlatformAdmin) return requestedOrganisationId ? { all: false, organisationId: requestedOrganisationId } : { all: true };
  if (!actor.organisationId || !actor.roles.includes('org_admin')) return null;
  if (requestedOrganisationId && requestedOrganisationId !== actor.organisationId) return null;
  return { all: false, organisationId: actor.organisationId };
}

/**
 * Bodies hold single-use links (invitations, password resets) meant for the recipient alone. They are shown only
 * while no mail server delivers them, i.e. when the outbox is the delivery channel (the demo).
 */
export function canReadBody(mailerDelivers: boolean): boolean {
  return !mailerDelivers;
}
