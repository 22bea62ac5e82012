// Whether the consent ledger covers a share of a case with another organisation: the one question every share asks
// (a team member from another organisation, an export for someone else, a referral from the case). The consent
// row is locked FOR SHARE in the caller's transaction, so a withdrawal cannot slip in before the share commits.
import { sql, type Transaction } from 'kysely';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';

export interface ShareQuestion {
  caseId: string;
  /** The platform organisation the case would be shared with. */
  organisationId: string;
  now: Date;
}

/** The id of a given, unexpired, unwithdrawn consent of the case that allows sharing with the organisation, or null. */
export async function shareConsentOf(trx: Transaction<Database>, q: ShareQuestion): Promise<string | null> {
  const row = await trx
    .selectFrom('consent')
    .select('id')
    .where('caseId', '=', q.caseId)
    .where('receiverOrganisationId', '=', q.organisationId)
    .where(sql<boolean>`scopes @> '["share"]'::jsonb`)
    .where('decision', '=', 'given')
    .where('withdrawnAt', 'is', null)
    .where('expiresAt', '>', q.now)
    .orderBy('recordedAt', 'desc')
    .limit(1)
    .forShare()
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Refuses, with the reason, a share the consent does not cover. */
export async function requireShareConsent(trx: Transaction<Database>, q: ShareQuestion): Promise<string> {
  const id = await shareConsentOf(trx, q);
  if (!id) {
    const message = 'The person has not consented to sharing this case with that organisation. Record their consent first.';
    throw new AppError('unprocessable', message, { fields: { consent: message } });
  }
  return id;
}
