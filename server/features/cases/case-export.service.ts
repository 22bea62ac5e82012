// The access-request export (GDPR art. 15): everything held about the person that the exporter may read, as JSON or
// a tagged PDF. Only the case owner holding the identity grant exports (mayOnCase data_protection); categories outside
// their grant are left out and named as left out. Every export is audited with its format and categories.
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { CASE_CATEGORIES, type CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { auditRead, requireCase } from './case-access.ts';
import { assistanceOf, attachmentsOf, commentsOf, consentsOf, plansOf, referralsOf, riskAssessmentsOf, tasksOf } from './case-export.queries.ts';
import { openIdentity } from './case-identity.service.ts';
import type { CaseGrant } from './case.policy.ts';
import { findCase } from './case.queries.ts';
import { openJson } from './vault.ts';

export const EXPORT_FORMAT = 'pro-health-case-export/1';

async function generalPart(ctx: Ctx, trx: Transaction<Database>, caseId: string) {
  const row = await findCase(trx, caseId);
  if (!row) throw new AppError('not_found', 'No such case.');
  return {
    code: row.code,
    status: row.status,
    closureReason: row.closureReason,
    closedAt: row.closedAt,
    openedAt: row.openedAt,
    traffickingStatus: row.traffickingStatus,
    statusDecidedBy: row.statusDecidedBy,
    ageBand: row.ageBand,
    gender: row.gender,
    citizenship: row.citizenship,
    languages: row.languages,
    victimContext: row.victimContext,
    childProtection: row.childProtection,
    safeContact: openJson<unknown>(ctx.config.encryptionKeys, row.safeContact, null),
    owner: row.ownerName,
    legalHold: row.legalHold,
    anonymisedAt: row.anonymisedAt,
  };
}

async function collect(ctx: Ctx, trx: Transaction<Database>, grant: CaseGrant, included: CaseCategory[]) {
  const keys = ctx.config.encryptionKeys;
  const id = grant.caseId;
  const identityRow = included.includes('identity') ? await trx.selectFrom('caseIdentity').selectAll().where('caseId', '=', id).executeTakeFirst() : undefined;
  return {
    case: await generalPart(ctx, trx, id),
    identity: included.includes('identity') ? (identityRow ? openIdentity(ctx, identityRow) : null) : undefined,
    consents: await consentsOf(trx, keys, id),
    assistance: await assistanceOf(trx, keys, id, included),
    comments: await commentsOf(trx, keys, id, included),
    plans: await plansOf(trx, keys, id, included),
    riskAssessments: await riskAssessmentsOf(trx, keys, id),
    tasks: await tasksOf(trx, keys, id, included),
    attachments: await attachmentsOf(trx, keys, id, included),
    referrals: await referralsOf(trx, id),
  };
}

export type CaseExport = { format: typeof EXPORT_FORMAT; exportedAt: Date; categoriesIncluded: CaseCategory[]; categoriesOmitted: CaseCategory[] } & Awaited<ReturnType<typeof collect>>;

/** Reads everything the exporter may read of the case, and audits the export and each category read, in one transaction. */
export async function exportCase(ctx: Ctx, caseId: string, format: 'json' | 'pdf'): Promise<CaseExport> {
  const grant = await requireCase(ctx, caseId, { kind: 'data_protection' });
  const included = CASE_CATEGORIES.filter((c) => grant.categories.has(c));
  const omitted = CASE_CATEGORIES.filter((c) => !grant.categories.has(c));
  return ctx.db.transaction().execute(async (trx) => {
    const data = await collect(ctx, trx, grant, included);
    for (const category of included) await auditRead(ctx, trx, grant, category, { part: 'export' });
    await recordAudit(ctx, trx, { action: 'case.exported', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { format, categories: included, omitted } });
    return { format: EXPORT_FORMAT, exportedAt: ctx.now, categoriesIncluded: included, categoriesOmitted: omitted, ...data };
  });
}
