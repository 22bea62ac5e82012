// Who may import and export the directory as HSDS: platform admins and coordinators (the people who approve listings).
import type { Actor } from '#server/http/access.ts';

export function canImportDirectory(actor: Actor | null): boolean {
  return !!actor && actor.fullySignedIn && (actor.isPlatformAdmin || actor.roles.includes('coordinator'));
}
