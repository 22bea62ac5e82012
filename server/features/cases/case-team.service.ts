// The case team: the owner and the coordinator add members, set their grants per category, remove them, hand the
// case to a new owner. A member from another organisation is a share of the case: the consent ledger must cover it.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { CASE_CATEGORIES, type CaseCategory } from '#shared/cases/case-vocabulary.ts';
import type { CaseDetail, CaseMemberAdd, CaseMemberUpdate } from '#shared/cases/case.schema.ts';
import { CASE_DATA_ROLES } from '#shared/auth/roles.ts';
import { requireCase } from './case-access.ts';
import { findMemberByEmail } from './case.queries.ts';
import { getCase } from './case.service.ts';
import { requireShareConsent, shareConsentOf } from './case-share.ts';
import { touchCase } from './case-records.ts';

const unprocessable = (field: string, message: string) => new AppError('unprocessable', message, { fields: { [field]: message } });
const mayHoldCaseData = (roles: string[]) => roles.some((r) => (CASE_DATA_ROLES as readonly string[]).includes(r));
/** General is the minimum context every member needs; grants are stored in a fixed order. */
const normalised = (grants: CaseCategory[]) => CASE_CATEGORIES.filter((c) => c === 'general' || grants.includes(c));

/**
 * A member of another organisation may be given the identity grant only under a share consent in force that covers
 * identity (loadGrant drops the grant otherwise): a clear 422 here rather than a grant that silently does nothing.
 */
async function refuseIdentityWithoutConsent(ctx: Ctx, trx: Parameters<typeof requireShareConsent>[0], caseId: string, organisationId: string, grants: CaseCategory[]): Promise<void> {
  if (!grants.includes('identity')) return;
  // NOTE: the share record in force (the newest naming the organisation, locked FOR SHARE) must itself cover identity.
  const consentId = await shareConsentOf(trx, { caseId, organisationId, now: ctx.now });
  const covered = consentId && (await trx.selectFrom('consent').select('coversIdentity').where('id', '=', consentId).executeTakeFirst())?.coversIdentity;
  if (!covered) throw unprocessable('grants', 'The person’s consent to share with this organisation does not cover their identity: record a consent that covers it, or leave identity out.');
}

export async function addMember(ctx: Ctx, caseId: string, input: CaseMemberAdd): Promise<CaseDetail> {
  const grant = await requireCase(ctx, caseId, { kind: 'manage_team' });
  const candidates = (await findMemberByEmail(ctx.db, input.email)).filter((m) => mayHoldCaseData(m.roles));
  // NOTE: a member of the case's own organisation first; otherwise the one other organisation the account works for.
  const chosen = candidates.find((m) => m.organisationId === grant.organisationId) ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (!chosen) throw unprocessable('email', 'No professional account with this e-mail address can join a case team.');
  await ctx.db.transaction().execute(async (trx) => {
    if (chosen.organisationId !== grant.organisationId) {
      await requireShareConsent(trx, { caseId, organisationId: chosen.organisationId, now: ctx.now });
      await refuseIdentityWithoutConsent(ctx, trx, caseId, chosen.organisationId, input.grants);
    }
    const inserted = await trx
      .insertInto('caseMember')
      .values({ caseId, accountId: chosen.id, organisationId: chosen.organisationId, caseOrganisationId: grant.organisationId, grants: JSON.stringify(normalised(input.grants)), addedBy: actorOf(ctx).accountId, addedAt: ctx.now })
      .onConflict((oc) => oc.columns(['caseId', 'accountId']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('conflict', 'This person is already on the team.');
    await touchCase(ctx, trx, caseId);
    await recordAudit(ctx, trx, { action: 'case.member_added', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { accountId: chosen.id, grants: normalised(input.grants), otherOrganisation: chosen.organisationId !== grant.organisationId } });
  });
  return getCase(ctx, caseId);
}

/**
 * Nobody widens their own access: a coordinator on the team with a narrow grant could otherwise give themselves the
 * identity grant, or the case, without a reason, a time limit or the owner being told — what break-glass is for.
 */
function refuseSelfGrant(ctx: Ctx, accountId: string): void {
  if (accountId === actorOf(ctx).accountId) {
    throw unprocessable('accountId', 'Someone else on the team must change your own access. For urgent access, use emergency access.');
  }
}

export async function updateMember(ctx: Ctx, caseId: string, accountId: string, input: CaseMemberUpdate): Promise<CaseDetail> {
  const grant = await requireCase(ctx, caseId, { kind: 'manage_team' });
  refuseSelfGrant(ctx, accountId);
  await ctx.db.transaction().execute(async (trx) => {
    const member = await trx.selectFrom('caseMember').select(['isOwner', 'version', 'organisationId']).where('caseId', '=', caseId).where('accountId', '=', accountId).executeTakeFirst();
    if (!member) throw new AppError('not_found', 'This person is not on the team.');
    if (member.isOwner) throw unprocessable('grants', 'The owner holds every grant. Hand the case to someone else first.');
    if (member.organisationId !== grant.organisationId) await refuseIdentityWithoutConsent(ctx, trx, caseId, member.organisationId, input.grants);
    const updated = await trx
      .updateTable('caseMember')
      .set({ grants: JSON.stringify(normalised(input.grants)), version: (eb) => eb('version', '+', 1) })
      .where('caseId', '=', caseId)
      .where('accountId', '=', accountId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('conflict', 'Someone else changed this member in the meantime.', { current: { version: member.version } });
    await touchCase(ctx, trx, caseId);
    await recordAudit(ctx, trx, { action: 'case.member_changed', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { accountId, grants: normalised(input.grants) } });
  });
  return getCase(ctx, caseId);
}

export async function removeMember(ctx: Ctx, caseId: string, accountId: string): Promise<void> {
  const grant = await requireCase(ctx, caseId, { kind: 'manage_team' });
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('caseMember').where('caseId', '=', caseId).where('accountId', '=', accountId).where('isOwner', '=', false).returning('id').executeTakeFirst();
    if (!removed) throw unprocessable('accountId', 'Only a team member who is not the owner can be removed.');
    await touchCase(ctx, trx, caseId);
    await recordAudit(ctx, trx, { action: 'case.member_removed', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { accountId } });
  });
}

/** Hands the case to another team member of the case's organisation, who becomes owner with every grant. */
export async function changeOwner(ctx: Ctx, caseId: string, input: { accountId: string; version: number }): Promise<CaseDetail> {
  const grant = await requireCase(ctx, caseId, { kind: 'manage_team' });
  refuseSelfGrant(ctx, input.accountId);
  await ctx.db.transaction().execute(async (trx) => {
    const member = await trx.selectFrom('caseMember').select('organisationId').where('caseId', '=', caseId).where('accountId', '=', input.accountId).executeTakeFirst();
    if (!member || member.organisationId !== grant.organisationId) throw unprocessable('accountId', "Choose a team member of the case's organisation.");
    const moved = await trx
      .updateTable('caseFile')
      .set({ ownerAccountId: input.accountId, updatedAt: ctx.now, version: (eb) => eb('version', '+', 1) })
      .where('id', '=', caseId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) throw new AppError('conflict', 'Someone else saved this case in the meantime.', { current: { version: grant.version } });
    await trx.updateTable('caseMember').set({ isOwner: false }).where('caseId', '=', caseId).execute();
    await trx.updateTable('caseMember').set({ isOwner: true, grants: JSON.stringify(CASE_CATEGORIES), version: (eb) => eb('version', '+', 1) }).where('caseId', '=', caseId).where('accountId', '=', input.accountId).execute();
    await recordAudit(ctx, trx, { action: 'case.owner_changed', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { accountId: input.accountId } });
  });
  return getCase(ctx, caseId);
}

