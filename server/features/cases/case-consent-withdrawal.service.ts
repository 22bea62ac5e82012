// Withdrawing a consent of a case: one action that stops sharing at once. In the transaction that marks it withdrawn
// it cancels every open referral relying on it (the receiver is told to stop), removes the team members of the
// organisation it named when no other consent in force covers them, and answers where the consent was relied on:
// referrals, members removed, assistance records citing it. Before withdrawing, the same reliance can be read.
import type { Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { lockOpenReferralsOnConsent } from '#server/features/referrals/consent.queries.ts';
import { cancelForWithdrawnConsent } from '#server/features/referrals/referral-status.service.ts';
import type { CaseConsentDetail, CaseConsentView, CaseConsentWithdrawal, ConsentReliance } from '#shared/cases/case-consent.schema.ts';
import type { AssistanceType } from '#shared/cases/case-vocabulary.ts';
import { TASK_STATUSES, TERMINAL_STATUSES, type TaskStatus } from '#shared/referrals/task-status.ts';
import { auditRead, requireCase } from './case-access.ts';
import type { CaseGrant } from './case.policy.ts';
import { requireCaseConsent } from './case-consent.service.ts';
import { assistanceOnConsent, membersOfOrganisation, referralsOnConsent, removeMembersOfOrganisation } from './case-consent.queries.ts';
import { consentCovers, shareConsentOf } from './case-share.ts';

const OPEN_STATUSES = TASK_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));

/** The organisation whose members joined by this consent: a share naming a platform organisation other than the case's. */
function sharedOrganisation(consent: CaseConsentView, grant: CaseGrant): string | null {
  if (!consent.scopes.includes('share') || !consent.receiverOrganisationId) return null;
  return consent.receiverOrganisationId === grant.organisationId ? null : consent.receiverOrganisationId;
}

/** Where the consent is relied on now; members only while it is the consent in force for their organisation. */
async function relianceOf(ctx: Ctx, trx: Transaction<Database>, grant: CaseGrant, consent: CaseConsentView): Promise<ConsentReliance> {
  const referrals = await referralsOnConsent(trx, consent.id);
  const organisationId = sharedOrganisation(consent, grant);
  const answer = organisationId ? await consentCovers(trx, { caseId: grant.caseId, scope: 'share', organisationId, now: ctx.now, lock: false }) : null;
  const inForce = answer !== null && 'consentId' in answer && answer.consentId === consent.id;
  return {
    referrals: referrals.map((r) => ({ ...r, status: r.status as TaskStatus })),
    members: inForce && organisationId ? await membersOfOrganisation(trx, grant.caseId, organisationId) : [],
    assistance: (await assistanceOnConsent(trx, grant.caseId, consent.id)).map((a) => ({ ...a, type: a.type as AssistanceType })),
  };
}

/** One record and where it is relied on: what a withdrawal would stop. */
export async function getCaseConsent(ctx: Ctx, caseId: string, consentId: string): Promise<CaseConsentDetail> {
  const grant = await requireCase(ctx, caseId, { kind: 'read', category: 'general' });
  return ctx.db.transaction().execute(async (trx) => {
    const consent = await requireCaseConsent(ctx, trx, caseId, consentId);
    await auditRead(ctx, trx, grant, 'general', { part: 'consents', consentId });
    return { consent, reliance: await relianceOf(ctx, trx, grant, consent) };
  });
}

/** Marks the consent withdrawn, or says why not (refused: nothing to withdraw; already withdrawn: 409). */
async function markWithdrawn(ctx: Ctx, trx: Transaction<Database>, caseId: string, consentId: string): Promise<void> {
  const locked = await trx.selectFrom('consent').select(['decision', 'withdrawnAt']).where('id', '=', consentId).where('caseId', '=', caseId).forUpdate().executeTakeFirst();
  if (!locked) throw new AppError('not_found', 'No such consent.');
  if (locked.decision !== 'given') throw new AppError('unprocessable', 'The person refused this consent: there is nothing to withdraw.', { fields: { consent: 'refused' } });
  if (locked.withdrawnAt) {
    const current = await requireCaseConsent(ctx, trx, caseId, consentId);
    throw new AppError('conflict', 'This consent was already withdrawn.', { current });
  }
  await trx
    .updateTable('consent')
    .set((eb) => ({ withdrawnAt: ctx.now, withdrawnBy: actorOf(ctx).accountId, version: eb('version', '+', 1) }))
    .where('id', '=', consentId)
    .execute();
}

export async function withdrawCaseConsent(ctx: Ctx, caseId: string, consentId: string): Promise<CaseConsentWithdrawal> {
  const grant = await requireCase(ctx, caseId, { kind: 'withdraw_consent' });
  const accountId = actorOf(ctx).accountId;
  return ctx.db.transaction().execute(async (trx) => {
    // NOTE: the case row is not touched here: a recorder holds it while reading consents, and a share holding the
    // consent FOR SHARE may update it; taking it after the consent could wait on them in a circle.
    // NOTE: open referrals are locked before the consent (a new package version locks its referral, then the
    // consent), so the two never wait on each other in a circle. The consent's row lock then waits for any share
    // holding it FOR SHARE; a share starting now waits for us and then sees the withdrawal. Referrals and members
    // are looked up again after it, so what was shared meanwhile is stopped too.
    const before = await lockOpenReferralsOnConsent(trx, consentId, OPEN_STATUSES);
    await markWithdrawn(ctx, trx, caseId, consentId);
    const consent = await requireCaseConsent(ctx, trx, caseId, consentId);
    const referrals = await referralsOnConsent(trx, consentId);
    const after = await lockOpenReferralsOnConsent(trx, consentId, OPEN_STATUSES);
    const open = [...new Map([...before, ...after].map((r) => [r.id, r])).values()];
    for (const r of open) await cancelForWithdrawnConsent(trx, r, { accountId, organisationId: grant.organisationId, now: ctx.now, ip: ctx.ip });
    const cancelled = new Set(open.map((r) => r.id));
    const organisationId = sharedOrganisation(consent, grant);
    const stillCovered = organisationId ? await shareConsentOf(trx, { caseId, organisationId, now: ctx.now }) : null;
    const members = organisationId && !stillCovered ? await membersOfOrganisation(trx, caseId, organisationId) : [];
    if (organisationId && !stillCovered) await removeMembersOfOrganisation(trx, caseId, organisationId);
    for (const m of members) {
      await recordAudit(ctx, trx, { action: 'case.member_removed', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { accountId: m.accountId, cause: 'consent_withdrawn', consentId } });
    }
    const assistance = await assistanceOnConsent(trx, caseId, consentId);
    await recordAudit(ctx, trx, {
      action: 'case.consent_withdrawn',
      entityType: 'case',
      entityId: caseId,
      organisationId: grant.organisationId,
      details: { consentId, cancelledReferrals: open.length, removedMembers: members.length },
    });
    return {
      consent,
      affected: {
        referrals: referrals.map((r) => ({ id: r.id, reference: r.reference, status: (cancelled.has(r.id) ? 'cancelled' : r.status) as TaskStatus, open: cancelled.has(r.id) })),
        members,
        assistance: assistance.map((a) => ({ ...a, type: a.type as AssistanceType })),
      },
    };
  });
}
