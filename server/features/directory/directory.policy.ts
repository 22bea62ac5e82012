// Who may keep which directory listing, set its capacity and review it: pure predicates over (actor, listing).
import type { Actor } from '#server/http/access.ts';
import type { Role } from '#shared/auth/roles.ts';

/** They change their organisation's listing (organisation, places, services). */
const EDIT_ROLES: readonly Role[] = ['org_admin', 'coordinator'];
/** They also say whether their organisation takes referrals now: the people who receive them. */
const CAPACITY_ROLES: readonly Role[] = ['org_admin', 'coordinator', 'case_manager'];

const holds = (actor: Actor, roles: readonly Role[]) => actor.roles.some((r) => roles.includes(r));

/** The actor changes their own organisation's listing. */
export function canEditOwn(actor: Actor): boolean {
  return actor.organisationId !== null && holds(actor, EDIT_ROLES);
}

/** The actor keeps listings of organisations that are not on the platform (each new service still needs another person's approval). */
export function canKeepOffPlatform(actor: Actor): boolean {
  return actor.isPlatformAdmin || actor.roles.includes('coordinator');
}

/** The actor may see this listing on the desk and set its capacity. */
export function canSeeListing(actor: Actor, listing: { organisationId: string | null }): boolean {
  if (listing.organisationId === null) return canKeepOffPlatform(actor);
  return listing.organisationId === actor.organisationId && holds(actor, CAPACITY_ROLES);
}

/** The actor may change this listing. */
export function canEditListing(actor: Actor, listing: { organisationId: string | null }): boolean {
  if (listing.organisationId === null) return canKeepOffPlatform(actor);
  return listing.organisationId === actor.organisationId && canEditOwn(actor);
}

/** Reviewers at all: platform admins and coordinators. */
export function canReviewAny(actor: Actor): boolean {
  return actor.isPlatformAdmin || actor.roles.includes('coordinator');
}

/**
 * NOTE: four eyes. A new listing is approved by someone outside the organisation that wrote it (a coordinator of a
 * different organisation, or a platform admin), and never by the person who created or last changed it.
 */
export function canReview(actor: Actor, service: { organisationId: string | null; createdBy: string | null; updatedBy: string | null }): boolean {
  if (!canReviewAny(actor)) return false;
  if (service.createdBy === actor.accountId || service.updatedBy === actor.accountId) return false;
  if (actor.isPlatformAdmin) return true;
  return service.organisationId === null || service.organisationId !== actor.organisationId;
}

/** The day a verification must be newer than: `now` less `months`, as YYYY-MM-DD (UTC). */
export function reverifyCutoff(now: Date, months: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate())).toISOString().slice(0, 10);
}

/** Due when never verified, or last verified on or before the cutoff day. */
export function isVerificationDue(assuredDate: string | null, cutoff: string): boolean {
  return assuredDate === null || assuredDate <= cutoff;
}
