// Break-glass (design.md §2, issue 10): a coordinator of the case's organisation opens a case outside their grants
// with a written reason (sealed), for BREAK_GLASS_HOURS; it is audited, and the owner is told by a neutral email
// (no code, no name; the news is behind sign-in) and by a banner on the case. While it is open, loadGrant gives the
// coordinator every category to read (audited as case.read_break_glass), never to write. One open break-glass per
// case and account: a unique index settles two tabs asking at once. The coordinator finds the case through the
// register: codes, status, owner, opened, team size — nothing from any category.
import { sql, type Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { queueEmail } from '#server/features/email/email.service.ts';
import { newItemEmail } from '#server/features/referrals/referral-email.ts';
import { BREAK_GLASS_HOURS, CASE_CATEGORIES } from '#shared/cases/case-vocabulary.ts';
import type { BreakGlassOpen, BreakGlassView, CaseRegister } from '#shared/cases/case-workflow.schema.ts';
import { auditRefusal, loadGrant } from './case-access.ts';
import { mayBreakGlass, mayReadRegister } from './case.policy.ts';
import { open, seal } from './vault.ts';

const HOUR = 3_600_000;

/** The case's organisation and owner, when the actor may break the glass on it; otherwise a 404, audited. */
async function caseForBreakGlass(ctx: Ctx, caseId: string) {
  const actor = actorOf(ctx);
  const row = await ctx.db.selectFrom('caseFile').select(['id', 'organisationId', 'ownerAccountId']).where('id', '=', caseId).executeTakeFirst();
  if (row && mayBreakGlass(actor, row.organisationId)) return row;
  await auditRefusal(ctx, caseId, { kind: 'read', category: 'general' });
  throw new AppError('not_found', 'No such case.');
}

/** Tells the owner, in their language, that something is new (the banner on the case says what). */
async function tellOwner(trx: Transaction<Database>, ownerAccountId: string | null, organisationId: string, publicUrl: string): Promise<void> {
  if (!ownerAccountId) return;
  const owner = await trx.selectFrom('account').select(['email', 'language']).where('id', '=', ownerAccountId).where('disabledAt', 'is', null).executeTakeFirst();
  if (owner) await queueEmail(trx, newItemEmail({ to: owner.email, language: owner.language, publicUrl, organisationId }));
}

/** Opens the case for the coordinator, with their reason, until BREAK_GLASS_HOURS from now. */
export async function openBreakGlass(ctx: Ctx, caseId: string, input: BreakGlassOpen): Promise<BreakGlassView> {
  const actor = actorOf(ctx);
  const c = await caseForBreakGlass(ctx, caseId);
  const grant = await loadGrant(ctx.db, actor, caseId, ctx.now);
  if (grant?.via === 'team' && CASE_CATEGORIES.every((cat) => grant.teamCategories.has(cat))) {
    throw new AppError('unprocessable', 'You already hold every grant on this case: no emergency access is needed.');
  }
  const expiresAt = new Date(ctx.now.getTime() + BREAK_GLASS_HOURS * HOUR);
  const id = await ctx.db.transaction().execute(async (trx) => {
    // NOTE: an opening that ran out is ended at its expiry, so the "one open" index only holds the one that counts.
    await trx.updateTable('caseBreakGlass').set({ endedAt: sql`expires_at` }).where('caseId', '=', caseId).where('accountId', '=', actor.accountId).where('endedAt', 'is', null).where('expiresAt', '<=', ctx.now).execute();
    const created = await trx
      .insertInto('caseBreakGlass')
      .values({ caseId, accountId: actor.accountId, organisationId: c.organisationId, reason: seal(ctx.config.encryptionKeys, input.reason.trim())!, openedAt: ctx.now, expiresAt })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!created) throw new AppError('conflict', 'You already have emergency access to this case.');
    await recordAudit(ctx, trx, { action: 'case.break_glass_opened', entityType: 'case', entityId: caseId, organisationId: c.organisationId, details: { breakGlassId: created.id, hours: BREAK_GLASS_HOURS } });
    await tellOwner(trx, c.ownerAccountId, c.organisationId, ctx.config.publicUrl);
    return created.id;
  });
  return { id, accountName: actor.displayName, reason: input.reason.trim(), openedAt: ctx.now, expiresAt, endedAt: null, open: true, mine: true };
}

/** Ends the actor's own open break-glass on the case before it runs out. */
export async function endBreakGlass(ctx: Ctx, caseId: string): Promise<void> {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('caseBreakGlass')
      .set({ endedAt: ctx.now })
      .where('caseId', '=', caseId)
      .where('accountId', '=', actor.accountId)
      .where('endedAt', 'is', null)
      .where('expiresAt', '>', ctx.now)
      .returning(['id', 'organisationId'])
      .executeTakeFirst();
    if (!ended) throw new AppError('not_found', 'You have no open emergency access to this case.');
    await recordAudit(ctx, trx, { action: 'case.break_glass_ended', entityType: 'case', entityId: caseId, organisationId: ended.organisationId, details: { breakGlassId: ended.id } });
  });
}

/** The case's openings, newest first, for its readers (the reason is about the access, not the person). */
export async function breakGlassOfCase(ctx: Ctx, trx: Transaction<Database>, caseId: string, accountId: string): Promise<BreakGlassView[]> {
  const rows = await trx
    .selectFrom('caseBreakGlass as b')
    .innerJoin('account as a', 'a.id', 'b.accountId')
    .select(['b.id', 'b.accountId', 'a.displayName', 'b.reason', 'b.openedAt', 'b.expiresAt', 'b.endedAt'])
    .where('b.caseId', '=', caseId)
    .orderBy('b.openedAt', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    accountName: r.displayName,
    reason: open(ctx.config.encryptionKeys, r.reason) ?? '',
    openedAt: r.openedAt,
    expiresAt: r.expiresAt,
    endedAt: r.endedAt,
    open: r.endedAt === null && r.expiresAt > ctx.now,
    mine: r.accountId === accountId,
  }));
}

const REGISTER_LIMIT = 100;

/** The organisation's cases for its coordinators: codes, status, owner, opened, team size; no category data. */
export async function readRegister(ctx: Ctx, code: string | undefined): Promise<CaseRegister> {
  const actor = actorOf(ctx);
  const organisationId = actor.organisationId;
  if (!organisationId || !mayReadRegister(actor, organisationId)) throw new AppError('forbidden', 'The case register is for the organisation’s coordinators.');
  let q = ctx.db
    .selectFrom('caseFile as c')
    .leftJoin('account as o', 'o.id', 'c.ownerAccountId')
    .select(['c.id', 'c.code', 'c.status', 'c.openedAt', 'o.displayName as ownerName'])
    .select((eb) => [
      eb.selectFrom('caseMember as m').select(eb.fn.countAll<string>().as('n')).whereRef('m.caseId', '=', 'c.id').as('teamSize'),
      eb.exists(eb.selectFrom('caseMember as m').select(sql`1`.as('one')).whereRef('m.caseId', '=', 'c.id').where('m.accountId', '=', actor.accountId)).as('onTeam'),
      eb
        .exists(eb.selectFrom('caseBreakGlass as b').select(sql`1`.as('one')).whereRef('b.caseId', '=', 'c.id').where('b.accountId', '=', actor.accountId).where('b.endedAt', 'is', null).where('b.expiresAt', '>', ctx.now))
        .as('breakGlass'),
    ])
    .where('c.organisationId', '=', organisationId);
  if (code) q = q.where(sql<boolean>`upper(c.code) like ${`%${code.toUpperCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  const rows = await q.orderBy('c.openedAt', 'desc').orderBy('c.id', 'desc').limit(REGISTER_LIMIT + 1).execute();
  await ctx.db.transaction().execute((trx) => recordAudit(ctx, trx, { action: 'case.register_read', entityType: 'organisation', entityId: organisationId, details: { filtered: Boolean(code), rows: Math.min(rows.length, REGISTER_LIMIT) } }));
  return {
    cases: rows.slice(0, REGISTER_LIMIT).map((r) => ({
      id: r.id,
      code: r.code,
      status: r.status as CaseRegister['cases'][number]['status'],
      ownerName: r.ownerName,
      openedAt: r.openedAt,
      teamSize: Number(r.teamSize ?? 0),
      access: r.onTeam ? 'team' : r.breakGlass ? 'break_glass' : 'none',
    })),
    more: rows.length > REGISTER_LIMIT,
  };
}
