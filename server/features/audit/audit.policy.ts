// Who may check the audit trail's chain. Reading it follows adminReadScope in server/http/access.ts.
import type { Actor } from '#server/http/access.ts';

/** Only platform admins check the whole chain: it spans every organisation. */
export function canVerifyChain(actor: Actor): boolean {
  return actor.isPlatformAdmin;
}
