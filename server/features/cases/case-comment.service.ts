// Case comments (HTCDS cco_CaseComment): a worker's formal update in one category, sealed, append-only. A reader
// sees the comments of the categories their grant holds, filtered in SQL, each category's read audited.
import { actorOf, type Ctx } from '#server/context.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { RECORD_CATEGORIES, type CaseComment, type CommentCreate, type CommentList } from '#shared/cases/assistance.schema.ts';
import type { CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { requireCase } from './case-access.ts';
import { auditListRead, readableOf, touchCase } from './case-records.ts';
import { open, seal } from './vault.ts';

export async function listComments(ctx: Ctx, caseId: string): Promise<CommentList> {
  const grant = await requireCase(ctx, caseId, { kind: 'read', category: 'general' });
  const covered = readableOf(grant, RECORD_CATEGORIES);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('caseComment as cc')
      .leftJoin('account as a', 'a.id', 'cc.createdBy')
      .select(['cc.id', 'cc.category', 'cc.body', 'cc.createdAt', 'a.displayName as createdByName'])
      .where('cc.caseId', '=', caseId)
      .where('cc.category', 'in', covered)
      .orderBy('cc.createdAt', 'desc')
      .limit(500)
      .execute();
    await auditListRead(ctx, trx, grant, 'comments', covered, rows);
    const comments: CaseComment[] = rows.map((r) => ({ id: r.id, category: r.category as CaseCategory, body: open(ctx.config.encryptionKeys, r.body) ?? '', createdByName: r.createdByName, createdAt: r.createdAt }));
    return { comments, categories: covered };
  });
}

export async function addComment(ctx: Ctx, caseId: string, input: CommentCreate): Promise<CaseComment> {
  const grant = await requireCase(ctx, caseId, { kind: 'write', category: input.category });
  const actor = actorOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('caseComment')
      .values({ caseId, category: input.category, body: seal(ctx.config.encryptionKeys, input.body)!, createdBy: actor.accountId, createdAt: ctx.now })
      .returning(['id', 'createdAt'])
      .executeTakeFirstOrThrow();
    await touchCase(ctx, trx, caseId);
    await recordAudit(ctx, trx, { action: 'case.comment_added', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { commentId: created.id, category: input.category } });
    const author = await trx.selectFrom('account').select('displayName').where('id', '=', actor.accountId).executeTakeFirst();
    return { id: created.id, category: input.category, body: input.body, createdByName: author?.displayName ?? null, createdAt: created.createdAt };
  });
}
