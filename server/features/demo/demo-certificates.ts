// Demo certificates (issue 11): the demo participant's certificate for the April 2016 conference, and a few more for
// the 2015 training and the conference, so /certificates and the organiser's list are not empty. Runs after the demo
// registrations; when the events or check-ins are not there (a branch without them), it does nothing.
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { issueDemoCertificates } from '#server/features/certificates/certificate-demo.service.ts';
import type { DemoOrganisationKey } from './demo-data.ts';
import { DEMO_EVENT_IDS } from './demo-event-ids.ts';

export async function seedDemoCertificates(ctx: Ctx, trx: Transaction<Database>, _ids: Record<DemoOrganisationKey, string>, accountIds: Map<string, string>): Promise<number> {
  const participant = accountIds.get('participant') ?? null;
  return issueDemoCertificates(ctx, trx, [DEMO_EVENT_IDS.conference2016, DEMO_EVENT_IDS.training2015], participant, 4);
}
