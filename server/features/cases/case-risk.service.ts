// Risk assessments: individual, household and community levels, repeated over time so the team sees the change;
// general category, append-only (a new assessment, never an edit of an old one), the note sealed.
import { actorOf, type Ctx } from '#server/context.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { RiskAssessment, RiskCreate, RiskList } from '#shared/cases/follow-up.schema.ts';
import { auditRead, requireCase } from './case-access.ts';
import { dayText, todayOf, touchCase, unprocessable } from './case-records.ts';
import { open, seal } from './vault.ts';

type Level = RiskAssessment['individual'];

export async function listRiskAssessments(ctx: Ctx, caseId: string): Promise<RiskList> {
  const grant = await requireCase(ctx, caseId, { kind: 'read', category: 'general' });
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('caseRiskAssessment as r')
      .leftJoin('account as a', 'a.id', 'r.createdBy')
      .select(['r.id', dayText('r.assessedOn').as('assessedOn'), 'r.individual', 'r.household', 'r.community', 'r.note', 'a.displayName as createdByName'])
      .where('r.caseId', '=', caseId)
      .orderBy('r.assessedOn')
      .orderBy('r.createdAt')
      .limit(500)
      .execute();
    await auditRead(ctx, trx, grant, 'general', { part: 'risk', count: rows.length });
    const assessments = rows.map((r) => ({ ...r, individual: r.individual as Level, household: r.household as Level, community: r.community as Level, note: open(ctx.config.encryptionKeys, r.note) }));
    return { assessments };
  });
}

export async function assessRisk(ctx: Ctx, caseId: string, input: RiskCreate): Promise<RiskAssessment> {
  const grant = await requireCase(ctx, caseId, { kind: 'write', category: 'general' });
  if (input.assessedOn > todayOf(ctx.now)) throw unprocessable('assessedOn', 'An assessment cannot be dated in the future.');
  const actor = actorOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('caseRiskAssessment')
      .values({ caseId, assessedOn: input.assessedOn, individual: input.individual, household: input.household, community: input.community, note: seal(ctx.config.encryptionKeys, input.note), createdBy: actor.accountId, createdAt: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchCase(ctx, trx, caseId);
    const levels = { individual: input.individual, household: input.household, community: input.community };
    await recordAudit(ctx, trx, { action: 'case.risk_assessed', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { assessmentId: created.id, ...levels } });
    const author = await trx.selectFrom('account').select('displayName').where('id', '=', actor.accountId).executeTakeFirst();
    return { id: created.id, assessedOn: input.assessedOn, ...levels, note: input.note, createdByName: author?.displayName ?? null };
  });
}
