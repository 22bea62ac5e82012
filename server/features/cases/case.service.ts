// Opening a case (directly, or from an accepted referral whose package becomes its first record), the case list, the
// case page's general part and its changes. Every read of a category is audited in the transaction that reads it;
// every write checks the version the client read (409 with the current case when someone saved in between).
import type { Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { CASE_CATEGORIES, caseBandOfReferralBand, needsChildPath, type CaseAgeBand, type CaseCategory } from '#shared/cases/case-vocabulary.ts';
import type { CaseCreate, CaseDetail, CaseGeneralUpdate, CaseList, CaseListQuery, ChildProtection, SafeContact, VictimContext } from '#shared/cases/case.schema.ts';
import { auditRead, loadGrant, requireCase } from './case-access.ts';
import { mayOnCase, mayOpenCase, type CaseGrant } from './case.policy.ts';
import { codePrefixOf, findCase, listTeam, listVisibleCases, nextCaseNumber, type CaseRow } from './case.queries.ts';
import { open, openJson, sealJson } from './vault.ts';

const unprocessable = (field: string, message: string) => new AppError('unprocessable', message, { fields: { [field]: message } });

/** What the actor may do, as the interface needs it (the server still decides each call). */
export function grantView(grant: CaseGrant) {
  return {
    via: grant.via,
    isOwner: grant.isOwner,
    isCaseCoordinator: grant.isCaseCoordinator,
    categories: CASE_CATEGORIES.filter((c) => grant.categories.has(c)),
    teamCategories: CASE_CATEGORIES.filter((c) => grant.teamCategories.has(c)),
    breakGlass: grant.breakGlass,
    canManageTeam: mayOnCase(grant, { kind: 'manage_team' }),
    canChangeStatus: mayOnCase(grant, { kind: 'change_status' }),
  };
}

async function presentCase(ctx: Ctx, trx: Transaction<Database>, row: CaseRow, grant: CaseGrant): Promise<CaseDetail> {
  const team = await listTeam(trx, row.id);
  return {
    id: row.id,
    code: row.code,
    status: row.status as CaseDetail['status'],
    closureReason: row.closureReason as CaseDetail['closureReason'],
    closedAt: row.closedAt,
    traffickingStatus: row.traffickingStatus as CaseDetail['traffickingStatus'],
    statusDecidedBy: row.statusDecidedBy as CaseDetail['statusDecidedBy'],
    ageBand: row.ageBand as CaseAgeBand,
    gender: row.gender as CaseDetail['gender'],
    citizenship: row.citizenship,
    languages: row.languages,
    victimContext: row.victimContext as VictimContext,
    safeContact: openJson<SafeContact | null>(ctx.config.encryptionKeys, row.safeContact, null),
    childProtection: row.childProtection as ChildProtection | null,
    childPath: needsChildPath(row.ageBand as CaseAgeBand),
    ownerAccountId: row.ownerAccountId,
    ownerName: row.ownerName,
    openedAt: row.openedAt,
    openedFromReferral: row.openedFromReferralId && row.referralReference ? { id: row.openedFromReferralId, reference: row.referralReference } : null,
    legalHold: row.legalHold,
    anonymisedAt: row.anonymisedAt,
    updatedAt: row.updatedAt,
    version: row.version,
    grant: grantView(grant),
    team: team.map((m) => ({ accountId: m.accountId, displayName: m.displayName, organisationName: m.organisationName, roles: m.roles ?? [], isOwner: m.isOwner, grants: m.grants as CaseCategory[], version: m.version })),
  };
}

/** The case's general part, read and audited in one transaction. */
export async function getCase(ctx: Ctx, caseId: string): Promise<CaseDetail> {
  const grant = await requireCase(ctx, caseId, { kind: 'read', category: 'general' });
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findCase(trx, caseId);
    if (!row) throw new AppError('not_found', 'No such case.');
    const detail = await presentCase(ctx, trx, row, grant);
    // NOTE: the audit row last: appending locks the chain's head row until commit, so nothing else runs meanwhile.
    await auditRead(ctx, trx, grant, 'general');
    return detail;
  });
}

interface ReferralFacts {
  id: string;
  ageBand: string;
  languages: string[];
  safeContact: string | null;
}

/** An accepted referral addressed to the actor's organisation that has not opened a case yet, locked. */
async function lockAcceptedReferral(trx: Transaction<Database>, referralId: string, organisationId: string): Promise<ReferralFacts> {
  const row = await trx
    .selectFrom('referral as r')
    .innerJoin('referralPackage as p', (j) => j.onRef('p.referralId', '=', 'r.id').onRef('p.version', '=', 'r.packageVersion'))
    .select(['r.id', 'r.status', 'r.caseId', 'p.ageBand', 'p.languages', 'p.safeContact'])
    .where('r.id', '=', referralId)
    .where('r.receiverOrganisationId', '=', organisationId)
    .forUpdate('r')
    .executeTakeFirst();
  if (!row) throw unprocessable('referralId', 'Choose a referral your organisation received.');
  if (row.status !== 'accepted' && row.status !== 'in-progress') throw unprocessable('referralId', 'Accept the referral before opening a case from it.');
  if (row.caseId) throw new AppError('conflict', 'This referral has already opened a case.', { current: { caseId: row.caseId } });
  return { id: row.id, ageBand: row.ageBand, languages: row.languages, safeContact: row.safeContact };
}

/** The package's safe-contact text (sealed plain text) becomes the note of the case's safe-contact record. */
function carriedSafeContact(ctx: Ctx, referral: ReferralFacts | null): string | null {
  const note = referral?.safeContact ? open(ctx.config.encryptionKeys, referral.safeContact) : null;
  return note ? sealJson(ctx.config.encryptionKeys, { channels: [], times: null, codeWord: null, never: [], note: note.slice(0, 1000) }) : null;
}

/** Opens a case; the actor owns it with every grant. From a referral, the package's minimum dataset carries over. */
export async function openCase(ctx: Ctx, input: CaseCreate): Promise<CaseDetail> {
  const actor = actorOf(ctx);
  if (!mayOpenCase(actor)) throw new AppError('forbidden', 'Only case managers and coordinators open cases.');
  const organisationId = actor.organisationId!;
  const caseId = await ctx.db.transaction().execute(async (trx) => {
    const referral = input.referralId ? await lockAcceptedReferral(trx, input.referralId, organisationId) : null;
    const year = ctx.now.getUTCFullYear();
    const number = await nextCaseNumber(trx, organisationId, year);
    const code = `${await codePrefixOf(trx, organisationId)}-${year}-${String(number).padStart(4, '0')}`;
    const ageBand = referral && input.ageBand === 'unknown' ? caseBandOfReferralBand(referral.ageBand) : input.ageBand;
    const languages = input.languages.length === 0 && referral ? referral.languages : input.languages;
    const safeContact = input.safeContact ? sealJson(ctx.config.encryptionKeys, input.safeContact) : null;
    const created = await trx
      .insertInto('caseFile')
      .values({
        organisationId,
        code,
        ageBand,
        gender: input.gender,
        citizenship: JSON.stringify(input.citizenship),
        languages: JSON.stringify(languages),
        traffickingStatus: input.traffickingStatus,
        statusDecidedBy: input.statusDecidedBy,
        victimContext: JSON.stringify(input.victimContext),
        childProtection: input.childProtection ? JSON.stringify(input.childProtection) : null,
        safeContact: safeContact ?? carriedSafeContact(ctx, referral),
        ownerAccountId: actor.accountId,
        openedFromReferralId: referral?.id ?? null,
        openedAt: ctx.now,
        createdBy: actor.accountId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('caseMember')
      .values({ caseId: created.id, accountId: actor.accountId, organisationId, caseOrganisationId: organisationId, isOwner: true, grants: JSON.stringify(CASE_CATEGORIES), addedBy: actor.accountId, addedAt: ctx.now })
      .execute();
    if (referral) await trx.updateTable('referral').set({ caseId: created.id }).where('id', '=', referral.id).execute();
    await recordAudit(ctx, trx, { action: 'case.opened', entityType: 'case', entityId: created.id, details: { fromReferral: referral?.id ?? null } });
    return created.id;
  });
  return getCase(ctx, caseId);
}

/** Cases the actor may open, newest change first. */
export async function listCases(ctx: Ctx, query: CaseListQuery): Promise<CaseList> {
  const actor = actorOf(ctx);
  if (!actor.organisationId) return { cases: [], nextBefore: null };
  const limit = query.limit ?? 50;
  const before = query.before ? { at: new Date(query.before.slice(0, query.before.lastIndexOf('_'))), id: query.before.slice(query.before.lastIndexOf('_') + 1) } : undefined;
  if (before && Number.isNaN(before.at.getTime())) throw new AppError('invalid', 'Not a cursor.', { fields: { before: 'Not a cursor' } });
  const rows = await listVisibleCases(ctx.db, actor, ctx.now, { status: query.status, mine: query.mine === 'true', code: query.code, before, limit });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    cases: page.map((r) => ({
      id: r.id,
      code: r.code,
      status: r.status as CaseList['cases'][number]['status'],
      ageBand: r.ageBand as CaseAgeBand,
      gender: r.gender as CaseList['cases'][number]['gender'],
      ownerName: r.ownerName,
      openedAt: r.openedAt,
      updatedAt: r.updatedAt,
      isOwner: r.ownerAccountId === actor.accountId,
      viaBreakGlass: !r.onTeam,
    })),
    nextBefore: rows.length > limit && last ? `${last.updatedAt.toISOString()}_${last.id}` : null,
  };
}

/** Changes the general part; a stale version gets 409 with the case as it is now, and nothing is written. */
export async function updateCase(ctx: Ctx, caseId: string, input: CaseGeneralUpdate): Promise<CaseDetail> {
  const { organisationId } = await requireCase(ctx, caseId, { kind: 'write', category: 'general' });
  const { version, ...fields } = input;
  const values: Record<string, unknown> = {};
  if (fields.ageBand !== undefined) values.ageBand = fields.ageBand;
  if (fields.gender !== undefined) values.gender = fields.gender;
  if (fields.citizenship !== undefined) values.citizenship = JSON.stringify(fields.citizenship);
  if (fields.languages !== undefined) values.languages = JSON.stringify(fields.languages);
  if (fields.traffickingStatus !== undefined) values.traffickingStatus = fields.traffickingStatus;
  if (fields.statusDecidedBy !== undefined) values.statusDecidedBy = fields.statusDecidedBy;
  if (fields.victimContext !== undefined) values.victimContext = JSON.stringify(fields.victimContext);
  if (fields.childProtection !== undefined) values.childProtection = fields.childProtection ? JSON.stringify(fields.childProtection) : null;
  if (fields.safeContact !== undefined) values.safeContact = sealJson(ctx.config.encryptionKeys, fields.safeContact);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('caseFile')
      .set({ ...values, updatedAt: ctx.now, version: (eb) => eb('version', '+', 1) })
      .where('id', '=', caseId)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) {
      const grant = (await loadGrant(trx, actorOf(ctx), caseId, ctx.now))!;
      throw new AppError('conflict', 'Someone else saved this case in the meantime. Your changes were not saved: review the current version.', {
        current: await presentCase(ctx, trx, (await findCase(trx, caseId))!, grant),
      });
    }
    await recordAudit(ctx, trx, { action: 'case.updated', entityType: 'case', entityId: caseId, organisationId, details: { fields: Object.keys(values) } });
  });
  return getCase(ctx, caseId);
}
