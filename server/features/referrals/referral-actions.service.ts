// What a person does to one referral from the web: change its status (through applyStatusChange) and print the
// letter for a service outside the platform.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { ReferralDetail, ReferralStatusChange } from '#shared/referrals/referral.schema.ts';
import { organisationOf } from './consent.service.ts';
import { findConsentFacts } from './consent.queries.ts';
import { renderReferralLetter } from './referral-letter.ts';
import type { LetterLanguage } from './referral-letter-words.ts';
import { applyStatusChange } from './referral-status.service.ts';
import { getReferral } from './referral.service.ts';

/** Sets the referral's status as the actor's organisation, then answers with the referral as that side sees it. */
export async function changeStatus(ctx: Ctx, id: string, input: ReferralStatusChange): Promise<ReferralDetail> {
  const organisationId = organisationOf(ctx);
  await applyStatusChange(ctx.db, { referralId: id, organisationId, by: { accountId: actorOf(ctx).accountId }, to: input.to, reason: input.reason, outcome: input.outcome, now: ctx.now, ip: ctx.ip });
  return getReferral(ctx, id);
}

/** The letter of an external referral, for its sender only, in the chosen language (else the actor's). */
export async function referralLetter(ctx: Ctx, id: string, lang: LetterLanguage | undefined): Promise<Buffer> {
  const referral = await getReferral(ctx, id);
  if (!referral.external || referral.side !== 'sender' || !referral.package) throw new AppError('not_found', 'No letter for this referral.');
  const consent = referral.consentId ? await findRecordedConsent(ctx, referral.consentId) : null;
  await ctx.db.transaction().execute((trx) => recordAudit(ctx, trx, { action: 'referral.letter_printed', entityType: 'referral', entityId: id, organisationId: organisationOf(ctx) }));
  const language = lang ?? (['en', 'ro', 'nb'].includes(actorOf(ctx).language ?? '') ? (actorOf(ctx).language as LetterLanguage) : 'en');
  return renderReferralLetter(
    {
      reference: referral.reference,
      date: referral.sentAt ?? ctx.now,
      senderName: referral.senderOrganisationName,
      serviceName: referral.serviceName,
      receiverName: referral.receiverOrganisationName,
      urgency: referral.urgency,
      package: referral.package,
      consent,
    },
    language,
  );
}

async function findRecordedConsent(ctx: Ctx, consentId: string) {
  return (await findConsentFacts(ctx.db, consentId)) ?? null;
}
