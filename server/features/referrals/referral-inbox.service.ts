// The home page's referral lines: incoming referrals waiting for an answer, those past their deadline, and outgoing
// referrals with news since the sender last looked. Counted in SQL within the actor's organisation; 0 for anyone
// without a case-data role.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Actor } from '#server/http/access.ts';
import { CASE_DATA_ROLES } from '#shared/auth/roles.ts';
import { AWAITING_ANSWER } from '#shared/referrals/task-status.ts';

const organisationFor = (actor: Actor) => (actor.organisationId && actor.roles.some((r) => CASE_DATA_ROLES.includes(r)) ? actor.organisationId : null);

async function count(query: { executeTakeFirst(): Promise<{ n: number | string | bigint } | undefined> }): Promise<number> {
  return Number((await query.executeTakeFirst())?.n ?? 0);
}

/** Incoming referrals still waiting for the first answer (overdue ones counted again on their own line). */
export async function referralsWaiting(db: Db, actor: Actor): Promise<number> {
  const organisationId = organisationFor(actor);
  if (!organisationId) return 0;
  return count(db.selectFrom('referral').select((eb) => eb.fn.countAll().as('n')).where('receiverOrganisationId', '=', organisationId).where('status', 'in', [...AWAITING_ANSWER]));
}

export async function referralsOverdue(db: Db, actor: Actor, now: Date): Promise<number> {
  const organisationId = organisationFor(actor);
  if (!organisationId) return 0;
  return count(
    db.selectFrom('referral').select((eb) => eb.fn.countAll().as('n')).where('receiverOrganisationId', '=', organisationId).where('status', 'in', [...AWAITING_ANSWER]).where('dueAt', '<', now),
  );
}

/** Outgoing referrals changed (by the receiver or the deadline) since the sending organisation last looked. */
export async function referralsWithNews(db: Db, actor: Actor): Promise<number> {
  const organisationId = organisationFor(actor);
  if (!organisationId) return 0;
  return count(
    db
      .selectFrom('referral')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('senderOrganisationId', '=', organisationId)
      .where('status', '!=', 'draft')
      .where(sql<boolean>`updated_at > coalesce(sender_seen_at, created_at)`),
  );
}
