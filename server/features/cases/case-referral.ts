// Referring from a case: the sender is on the case's team (general grant, case open), the package carries the case
// code, and the consent is the case's record in force for the receiver. And the other way round: a consent recorded
// in a case is used only by a referral made from that case, so no one outside its team can share on it.
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { requireCase } from './case-access.ts';
import { requireConsent } from './case-share.ts';

const unprocessable = (field: string, message: string) => new AppError('unprocessable', message, { fields: { [field]: message } });

/** The case a referral is made from: 404 outside its team; the actor's organisation owns it; the code is the case's. */
export async function requireReferringCase(ctx: Ctx, caseId: string, o: { organisationId: string; subjectCode: string }): Promise<string> {
  const grant = await requireCase(ctx, caseId, { kind: 'write', category: 'general' });
  if (grant.organisationId !== o.organisationId) throw unprocessable('caseId', 'Only the organisation that holds the case refers from it.');
  if (o.subjectCode !== grant.code) throw unprocessable('package.subjectCode', `Use the case code ${grant.code}.`);
  return grant.caseId;
}

export interface ReferralConsentCheck {
  consentId: string;
  /** The case the consent was recorded in (null: a consent of the referral feature alone). */
  consentCaseId: string | null;
  /** The case the referral is made from (null: not from a case). */
  caseId: string | null;
  receiver: { organisationId: string | null; directoryOrganizationId: string };
  now: Date;
}

/** In the sharing transaction, after the consent row is locked: the consent belongs to the case and is in force. */
export async function requireCaseConsentForReferral(trx: Transaction<Database>, c: ReferralConsentCheck): Promise<void> {
  if (!c.caseId) {
    if (c.consentCaseId) throw unprocessable('consentId', 'This consent was recorded in a case: start the referral from the case.');
    return;
  }
  if (c.consentCaseId !== c.caseId) throw unprocessable('consentId', 'Choose a consent recorded in this case.');
  const inForce = await requireConsent(trx, { caseId: c.caseId, scope: 'share', organisationId: c.receiver.organisationId, directoryOrganizationId: c.receiver.directoryOrganizationId, now: c.now }, 'consentId');
  if (inForce !== c.consentId) throw unprocessable('consentId', 'A newer consent record for this organisation replaced this one: choose the current one.');
}
