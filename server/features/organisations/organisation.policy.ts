// Who may manage organisations and their members: pure predicates over the actor.
import type { Actor } from '#server/http/access.ts';
import type { Role } from '#shared/auth/roles.ts';

/** Creating and listing organisations is the platform operator's job. */
export function canManageOrganisations(actor: Actor): boolean {
  return actor.isPlatformAdmin;
}

/** Members, invitations and the profile of the organisation the actor currently acts for. */
export function canAdministerOwnOrganisation(actor: Actor): actor is Actor & { organisationId: string } {
  return actor.organisationId !== null && (actor.isPlatformAdmin || actor.roles.includes('org_admin'));
}

/** An organisation must always keep one organisation admin, or nobody could manage its members again. */
export function removesLastAdmin(currentRoles: readonly string[], nextRoles: readonly Role[] | null, otherAdmins: number): boolean {
  const wasAdmin = currentRoles.includes('org_admin');
  const staysAdmin = nextRoles?.includes('org_admin') ?? false;
  return wasAdmin && !staysAdmin && otherAdmins === 0;
}
