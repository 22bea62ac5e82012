// The two checks before anything is shared with a receiver: the service takes referrals, and the consent allows it.
// Used when a referral is sent and when a new package version is made.
import type { Db } from '#server/db/db.ts';
import { AppError } from '#server/errors.ts';
import { consentProblem, type ReceiverFacts } from './consent.policy.ts';
import { findConsentFacts } from './consent.queries.ts';

export function findServiceFacts(db: Db, serviceId: string) {
  return db
    .selectFrom('directoryService as s')
    .innerJoin('directoryOrganization as o', 'o.id', 's.directoryOrganizationId')
    .select(['s.id', 's.name', 's.status', 's.reviewStatus', 's.acceptingReferrals', 's.directoryOrganizationId', 'o.organisationId', 'o.name as organizationName'])
    .where('s.id', '=', serviceId)
    .executeTakeFirst();
}
export type ServiceFacts = NonNullable<Awaited<ReturnType<typeof findServiceFacts>>>;

const unprocessable = (field: string, message: string) => new AppError('unprocessable', message, { fields: { [field]: message } });

/** The service exists, is approved and active, and accepts referrals now; else 422 naming serviceId. */
export async function serviceTakingReferrals(db: Db, serviceId: string): Promise<ServiceFacts> {
  const service = await findServiceFacts(db, serviceId);
  if (!service || service.reviewStatus !== 'approved') throw unprocessable('serviceId', 'Choose a service from the directory.');
  if (service.status !== 'active') throw unprocessable('serviceId', 'This service is not active: choose another one.');
  if (!service.acceptingReferrals) throw unprocessable('serviceId', 'This service does not accept referrals now: choose another one.');
  return service;
}

export const receiverOf = (s: ServiceFacts): ReceiverFacts => ({ directoryOrganizationId: s.directoryOrganizationId, organisationId: s.organisationId });

/**
 * The consent is the sender's, active, for this code and names this receiver; else 422 naming consentId. Call it
 * inside the transaction that shares (`db` a transaction): the consent is read FOR SHARE, so a withdrawal racing the
 * sharing either waits for it (and then cancels the referral) or is seen here (and the sharing is refused).
 */
export async function requireSharingConsent(
  db: Db,
  o: { consentId: string | null; senderOrganisationId: string; subjectCode: string; receiver: ReceiverFacts; now: Date },
): Promise<{ coversIdentity: boolean; caseId: string | null }> {
  const consent = o.consentId ? await findConsentFacts(db, o.consentId, { lock: true }) : undefined;
  const problem = consentProblem(consent, o);
  if (problem || !consent) throw unprocessable('consentId', problem ?? 'A referral needs a consent record naming the receiving organisation.');
  return { coversIdentity: consent.coversIdentity, caseId: consent.caseId };
}
