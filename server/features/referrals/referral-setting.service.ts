// Each organisation's answer times for incoming referrals (routine and urgent hours), kept by its admins.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { ReferralSettings, ReferralSettingsUpdate } from '#shared/referrals/referral.schema.ts';
import { organisationOf } from './consent.service.ts';
import { findReferralSetting } from './referral-status.queries.ts';

/** The actor's organisation's answer times (the defaults, version 0, until first saved). */
export async function getReferralSettings(ctx: Ctx): Promise<ReferralSettings> {
  return findReferralSetting(ctx.db, organisationOf(ctx));
}

/** Saves the answer times; they apply to referrals sent from now on. */
export async function updateReferralSettings(ctx: Ctx, input: ReferralSettingsUpdate): Promise<ReferralSettings> {
  const organisationId = organisationOf(ctx);
  const values = { routineHours: input.routineHours, urgentHours: input.urgentHours, updatedAt: ctx.now, updatedBy: actorOf(ctx).accountId };
  await ctx.db.transaction().execute(async (trx) => {
    const written = await trx
      .insertInto('referralSetting')
      .values({ organisationId, ...values, version: 1 })
      .onConflict((oc) => oc.column('organisationId').doUpdateSet((eb) => ({ ...values, version: eb('referralSetting.version', '+', 1) })).where('referralSetting.version', '=', input.version))
      .returning('version')
      .executeTakeFirst();
    if (!written || (input.version === 0 && written.version !== 1)) {
      throw new AppError('conflict', 'Someone else changed these settings in the meantime.', { current: await findReferralSetting(trx, organisationId) });
    }
    await recordAudit(ctx, trx, { action: 'referral.settings_updated', entityType: 'organisation', entityId: organisationId, details: { fields: ['routineHours', 'urgentHours'] } });
  });
  return findReferralSetting(ctx.db, organisationId);
}
