// Who may do what in the library: pure predicates over the actor and the publication's owning organisation.
import type { Actor } from '#server/http/access.ts';

interface Owned {
  organisationId: string;
}

/** Professionals-only chapters need a fully signed-in reader; everything else is public. */
export function canReadChapter(actor: Actor | null, audience: string): boolean {
  return audience !== 'professionals' || Boolean(actor?.fullySignedIn);
}

/** The publication belongs to the actor's organisation (or the actor is a platform admin): else its editorial side is a 404. */
export function isOwnLibrary(actor: Actor | null, publication: Owned): boolean {
  if (!actor?.fullySignedIn) return false;
  return actor.isPlatformAdmin || actor.organisationId === publication.organisationId;
}

function hasRoleIn(actor: Actor | null, publication: Owned, role: 'editor' | 'reviewer'): boolean {
  if (!actor?.fullySignedIn) return false;
  if (actor.isPlatformAdmin) return true;
  return actor.organisationId === publication.organisationId && actor.roles.includes(role);
}

/** Editors of the owning organisation (and platform admins) write drafts, submit, restore, upload images. */
export function canEdit(actor: Actor | null, publication: Owned): boolean {
  return hasRoleIn(actor, publication, 'editor');
}

/** Reviewers of the owning organisation (and platform admins) publish or return texts. */
export function canReview(actor: Actor | null, publication: Owned): boolean {
  return hasRoleIn(actor, publication, 'reviewer');
}

/** Editor views (texts, revisions, diffs, reports) are open to both. */
export function canWorkOn(actor: Actor | null, publication: Owned): boolean {
  return canEdit(actor, publication) || canReview(actor, publication);
}

/** The organisations whose publications an actor works on; null = every organisation (platform admin). */
export function workOrganisation(actor: Actor | null): string | null | undefined {
  if (!actor?.fullySignedIn) return undefined;
  if (actor.isPlatformAdmin) return null;
  if (!actor.organisationId || !actor.roles.some((r) => r === 'editor' || r === 'reviewer')) return undefined;
  return actor.organisationId;
}

/** Four eyes: whoever wrote the text under review, or submitted it, cannot also publish it. */
export function whyCannotPublish(actorId: string, text: { authorAccountId: string | null; submittedBy: string | null }): string | null {
  if (text.authorAccountId === actorId) return 'You wrote this version: another reviewer must publish it.';
  if (text.submittedBy === actorId) return 'You submitted this version for review: another reviewer must publish it.';
  return null;
}

/** The organisation whose publications the actor holds `role` for; null = every one (platform admin); undefined = none. */
export function libraryRoleScope(actor: Actor | null, role: 'editor' | 'reviewer'): string | null | undefined {
  if (!actor?.fullySignedIn) return undefined;
  if (actor.isPlatformAdmin) return null;
  return actor.organisationId && actor.roles.includes(role) ? actor.organisationId : undefined;
}
