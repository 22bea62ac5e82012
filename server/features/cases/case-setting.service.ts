// Each organisation's case settings: the code prefix of new cases, whether closure and support plans wait for a
// coordinator's approval, and how many months after closure each category is kept (the data-protection purge reads
// `retention`; this only stores and validates it). Kept by the organisation's admins and coordinators.
import type { Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { CASE_CATEGORIES } from '#shared/cases/case-vocabulary.ts';
import type { CaseSettings, CaseSettingsUpdate, Retention } from '#shared/cases/case-workflow.schema.ts';

type Reader = Db | Transaction<Database>;

const DEFAULTS: CaseSettings = { codePrefix: 'PH', closureNeedsApproval: false, planNeedsApproval: false, retention: {}, version: 0 };

/** Only whole months 1–600 per known category survive a read: the column is jsonb and may predate a rule. */
function cleanRetention(stored: Record<string, unknown>): Retention {
  const out: Retention = {};
  for (const c of CASE_CATEGORIES) {
    const months = stored[c];
    if (typeof months === 'number' && Number.isInteger(months) && months >= 1 && months <= 600) out[c] = months;
  }
  return out;
}

/** An organisation's case settings (the defaults, version 0, until first saved). */
export async function findCaseSettings(db: Reader, organisationId: string): Promise<CaseSettings> {
  const row = await db.selectFrom('caseSetting').selectAll().where('organisationId', '=', organisationId).executeTakeFirst();
  if (!row) return DEFAULTS;
  return {
    codePrefix: row.codePrefix,
    closureNeedsApproval: row.closureNeedsApproval,
    planNeedsApproval: row.planNeedsApproval,
    retention: cleanRetention(row.retention as Record<string, unknown>),
    version: row.version,
  };
}

function organisationOf(ctx: Ctx): string {
  const organisationId = actorOf(ctx).organisationId;
  if (!organisationId) throw new AppError('forbidden', 'Choose an organisation first.');
  return organisationId;
}

export async function getCaseSettings(ctx: Ctx): Promise<CaseSettings> {
  return findCaseSettings(ctx.db, organisationOf(ctx));
}

/** Saves the settings; a stale version gets 409 with the settings as they are now. They apply from now on. */
export async function updateCaseSettings(ctx: Ctx, input: CaseSettingsUpdate): Promise<CaseSettings> {
  const organisationId = organisationOf(ctx);
  const values = {
    codePrefix: input.codePrefix,
    closureNeedsApproval: input.closureNeedsApproval,
    planNeedsApproval: input.planNeedsApproval,
    retention: JSON.stringify(cleanRetention(input.retention)),
    updatedAt: ctx.now,
    updatedBy: actorOf(ctx).accountId,
  };
  await ctx.db.transaction().execute(async (trx) => {
    // NOTE: version 0 means "never saved": the insert wins once; any later save must name the stored version.
    const written = await trx
      .insertInto('caseSetting')
      .values({ organisationId, ...values, version: 1 })
      .onConflict((oc) => oc.column('organisationId').doUpdateSet((eb) => ({ ...values, version: eb('caseSetting.version', '+', 1) })).where('caseSetting.version', '=', input.version))
      .returning('version')
      .executeTakeFirst();
    if (!written || (input.version === 0 && written.version !== 1)) {
      throw new AppError('conflict', 'Someone else changed these settings in the meantime. Review them and save again.', { current: await findCaseSettings(trx, organisationId) });
    }
    await recordAudit(ctx, trx, { action: 'case.settings_updated', entityType: 'organisation', entityId: organisationId, details: { fields: ['codePrefix', 'closureNeedsApproval', 'planNeedsApproval', 'retention'] } });
  });
  return findCaseSettings(ctx.db, organisationId);
}
