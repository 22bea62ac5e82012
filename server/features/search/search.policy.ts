// Who searches what: professionals-only chapters are searchable only by readers who finished signing in.
import type { Actor } from '#server/http/access.ts';

export function canSearchProfessionalChapters(actor: Actor | null): boolean {
  return actor !== null && actor.fullySignedIn;
}
