// Pure rules of API tokens: who keeps them, what state one is in, how long one may live.
import type { Actor } from '#server/http/access.ts';
import { API_TOKEN_MAX_DAYS } from '#shared/api-tokens/api-token.schema.ts';

const DAY_MS = 86_400_000;

/** The organisation whose tokens the actor keeps: its org admins' own (a platform admin acts in its active organisation). */
export function tokenKeeperOrganisation(actor: Actor): string | null {
  if (!actor.organisationId) return null;
  return actor.roles.includes('org_admin') || actor.isPlatformAdmin ? actor.organisationId : null;
}

export function tokenState(token: { expiresAt: Date; revokedAt: Date | null }, now: Date): 'active' | 'expired' | 'revoked' {
  if (token.revokedAt) return 'revoked';
  return token.expiresAt <= now ? 'expired' : 'active';
}

/** A token valid through `expiresOn` (UTC) stops at the start of the next day. */
export function expiryOf(expiresOn: string): Date {
  return new Date(Date.parse(`${expiresOn}T00:00:00Z`) + DAY_MS);
}

/** Why `expiresOn` is not acceptable today, or null: from tomorrow's date up to a year ahead. */
export function expiryProblem(expiresOn: string, now: Date): string | null {
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const day = Date.parse(`${expiresOn}T00:00:00Z`);
  if (day < today) return 'Choose a day from today on';
  if (day > today + API_TOKEN_MAX_DAYS * DAY_MS) return `Choose a day at most ${API_TOKEN_MAX_DAYS} days ahead`;
  return null;
}
