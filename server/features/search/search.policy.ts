// Who searches what: professionals-only chapters are searchable only by readers who finished signing in.
import type { Actor } from '#server/http/access.ts';

export function canSearchProfessionalChapters(actor: Actor | null): boolean {
  return actor !== null && actor.fullySignedIn;
}

/**
 * Who keeps the search thesaurus: editors and reviewers of any organisation, and platform admins. NOTE: the thesaurus
 * is platform-wide (search is per language, not per organisation), so it cannot be scoped like a publication; the
 * people who write and review the library know its words, and every change is audited and can be undone in the desk.
 */
export function canKeepThesaurus(actor: Actor | null): boolean {
  if (!actor?.fullySignedIn) return false;
  return actor.isPlatformAdmin || (Boolean(actor.organisationId) && actor.roles.some((r) => r === 'editor' || r === 'reviewer'));
}
