// The organisers' inbox line: registrations awaiting approval in the events their current organisation organises.
import type { Db } from '#server/db/db.ts';
import type { Actor } from '#server/http/access.ts';
import { isEventOrganiser } from './event.policy.ts';
import { pendingApprovals } from './participants.queries.ts';

export async function registrationsAwaitingApproval(db: Db, actor: Actor): Promise<number> {
  return isEventOrganiser(actor) ? pendingApprovals(db, actor.organisationId!) : 0;
}
