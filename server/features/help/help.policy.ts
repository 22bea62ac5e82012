// Who may keep the help-contact registry: the same people, scoped the same way, as the library desk.
import type { Actor } from '#server/http/access.ts';
import { canWorkOn, workOrganisation } from '#server/features/library/library.policy.ts';

/**
 * NOTE: a contact belongs to an organisation as a publication does; its editors and reviewers keep it (both may
 * edit: every change is audited and must name its official source and the day it was checked), platform admins all.
 */
export function canKeepContact(actor: Actor | null, contact: { organisationId: string }): boolean {
  return canWorkOn(actor, contact);
}

/** The organisation whose contacts the actor keeps: null = every one (platform admin), undefined = none. */
export function contactScope(actor: Actor | null): string | null | undefined {
  return workOrganisation(actor);
}

/** The day a check must be newer than: `now` less the re-verification period, as YYYY-MM-DD (UTC). */
export function reverifyCutoff(now: Date, months: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

/** Due when the last check is on or before the cutoff day. */
export function isDue(verifiedOn: string, cutoff: string): boolean {
  return verifiedOn <= cutoff;
}
