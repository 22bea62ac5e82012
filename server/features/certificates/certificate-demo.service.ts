// Demo certificates: attendance certificates for a few checked-in people of the demo events (the demo participant's
// first), issued inside the demo seed's transaction. Events or registrations that are not there are skipped quietly.
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { issueAttendanceIn } from './certificate-issue.service.ts';
import { demoCandidates, eventExists } from './certificate.queries.ts';
import { signingKeyIn } from './issuer-key.ts';

/** Issues up to `perEvent` certificates per event; answers how many it issued. */
export async function issueDemoCertificates(ctx: Ctx, trx: Transaction<Database>, eventIds: readonly string[], accountId: string | null, perEvent: number): Promise<number> {
  let issued = 0;
  for (const eventId of eventIds) {
    if (!(await eventExists(trx, eventId))) continue;
    const candidates = await demoCandidates(trx, eventId, accountId, perEvent);
    if (candidates.length === 0) continue;
    // NOTE: read through the seed's transaction, and not kept: the key row may be new in it.
    const key = await signingKeyIn(trx, ctx.config);
    for (const c of candidates) {
      const result = await issueAttendanceIn(ctx, trx, { id: c.id }, { via: 'organiser', key });
      if (result.created) issued++;
    }
  }
  return issued;
}
