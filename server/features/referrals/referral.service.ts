// Referrals between organisations: a professional sends a minimum-dataset package to one service of another
// organisation on a consent naming it; the receiver sees exactly that package, the sender sees status, outcome and
// history. Status changes go through referral-status.service.ts.
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { requireCaseConsentForReferral, requireReferringCase } from '#server/features/cases/case-referral.ts';
import type { ReferralCreate, ReferralDetail, ReferralList, ReferralListQuery, ReferralPackageInput } from '#shared/referrals/referral.schema.ts';
import type { Outcome } from '#shared/referrals/referral-vocabulary.ts';
import { isTerminal, type TaskStatus } from '#shared/referrals/task-status.ts';
import { consentState } from './consent.policy.ts';
import { organisationOf } from './consent.service.ts';
import { maySeePackage } from './package-access.ts';
import { hasIdentity, packageRow, presentPackage } from './referral-package.ts';
import { receiverOf, requireSharingConsent, serviceTakingReferrals, type ServiceFacts } from './referral-sharing.ts';
import { applyLocked, sidesOf, statusView } from './referral-status.service.ts';
import { queueReferralNotice } from './referral-notify.service.ts';
import { insertReferralEvent, lockReferral } from './referral-status.queries.ts';
import * as q from './referral.queries.ts';

const unprocessable = (field: string, message: string) => new AppError('unprocessable', message, { fields: { [field]: message } });

/** A short reference people can read out on the phone; random, so it says nothing about the person or the order. */
function newReference(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]);
  return `R-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/**
 * The consent allows this package to go to this service's receiver; identity only where the consent covers it.
 * `db` is the transaction that writes the package: the consent stays locked (FOR SHARE) until it commits.
 */
async function checkPackage(ctx: Ctx, db: Transaction<Database>, organisationId: string, service: ServiceFacts, p: ReferralPackageInput, caseId: string | null): Promise<void> {
  const receiver = receiverOf(service);
  const { coversIdentity, caseId: consentCaseId } = await requireSharingConsent(db, { consentId: p.consentId, senderOrganisationId: organisationId, subjectCode: p.subjectCode, receiver, now: ctx.now });
  await requireCaseConsentForReferral(db, { consentId: p.consentId, consentCaseId, caseId, receiver, now: ctx.now });
  if (hasIdentity(p) && !coversIdentity) throw unprocessable('package.identity', 'The consent does not cover identity: leave the identity out or record a consent that covers it.');
}

/** Creates a referral as a draft, or sends it at once (send: true), in one transaction with its package and audit. */
export async function createReferral(ctx: Ctx, input: ReferralCreate): Promise<ReferralDetail> {
  const organisationId = organisationOf(ctx);
  const actor = actorOf(ctx);
  const service = await serviceTakingReferrals(ctx.db, input.serviceId);
  if (service.organisationId === organisationId) throw unprocessable('serviceId', 'Choose a service of another organisation.');
  const caseId = input.caseId ? await requireReferringCase(ctx, input.caseId, { organisationId, subjectCode: input.package.subjectCode }) : null;
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkPackage(ctx, trx, organisationId, service, input.package, caseId);
    const referralId = await q.insertReferral(trx, {
      reference: newReference(),
      senderOrganisationId: organisationId,
      senderAccountId: actor.accountId,
      serviceId: service.id,
      receiverOrganisationId: service.organisationId,
      consentId: input.package.consentId,
      urgency: input.package.urgency,
      at: ctx.now,
      sourceCaseId: caseId,
    });
    await q.insertPackage(trx, packageRow(ctx.config.encryptionKeys, input.package, { referralId, version: 1, createdBy: actor.accountId, at: ctx.now }));
    await insertReferralEvent(trx, { referralId, at: ctx.now, side: 'sender', kind: 'package', actorAccountId: actor.accountId, toStatus: 'draft' });
    await recordAudit(ctx, trx, { action: 'referral.created', entityType: 'referral', entityId: referralId, details: { serviceId: service.id, external: service.organisationId === null, urgency: input.package.urgency, fromCase: caseId !== null } });
    if (input.send) await applyLocked(trx, { referralId, organisationId, by: { accountId: actor.accountId }, to: 'requested', now: ctx.now, ip: ctx.ip });
    return referralId;
  });
  return getReferral(ctx, id);
}

/** A new package version: only the sender, only while open, and only on a consent that allows it now. */
export async function newPackageVersion(ctx: Ctx, id: string, input: ReferralPackageInput): Promise<ReferralDetail> {
  const organisationId = organisationOf(ctx);
  const actor = actorOf(ctx);
  const row = await q.findReferralFor(ctx.db, id, organisationId, ctx.now);
  if (!row || row.senderOrganisationId !== organisationId) throw new AppError('not_found', 'No such referral.');
  const closed = (status: string) => new AppError('conflict', 'This referral is closed: its package cannot change.', { current: { status } });
  if (isTerminal(row.status as TaskStatus)) throw closed(row.status);
  const service = await serviceTakingReferrals(ctx.db, row.serviceId);
  const caseId = row.sourceCaseId ? await requireReferringCase(ctx, row.sourceCaseId, { organisationId, subjectCode: input.subjectCode }) : null;
  await ctx.db.transaction().execute(async (trx) => {
    // NOTE: a withdrawal of a consent may cancel this referral meanwhile: lock it, look again, and check the new
    // consent in this transaction (FOR SHARE), so the withdrawal either waits and then cancels it, or is seen here.
    const locked = await lockReferral(trx, id);
    if (!locked) throw new AppError('not_found', 'No such referral.');
    if (isTerminal(locked.status as TaskStatus)) throw closed(locked.status);
    await checkPackage(ctx, trx, organisationId, service, input, caseId);
    const version = locked.packageVersion + 1;
    await q.insertPackage(trx, packageRow(ctx.config.encryptionKeys, input, { referralId: id, version, createdBy: actor.accountId, at: ctx.now }));
    await q.bumpPackageVersion(trx, id, { version, consentId: input.consentId, urgency: input.urgency, at: ctx.now });
    const eventId = await insertReferralEvent(trx, { referralId: id, at: ctx.now, side: 'sender', kind: 'package', actorAccountId: actor.accountId });
    await recordAudit(ctx, trx, { action: 'referral.package_versioned', entityType: 'referral', entityId: id, details: { version } });
    if (locked.receiverOrganisationId && locked.status !== 'draft') await queueReferralNotice(trx, { referralId: id, audience: 'receiver', eventId, at: ctx.now });
  });
  return getReferral(ctx, id);
}

/** The referral as the actor's side sees it; not found (and audited) for an organisation that is neither side. */
export async function getReferral(ctx: Ctx, id: string): Promise<ReferralDetail> {
  const organisationId = organisationOf(ctx);
  const row = await q.findReferralFor(ctx.db, id, organisationId, ctx.now);
  if (!row) {
    await ctx.db.transaction().execute((trx) => recordAudit(ctx, trx, { action: 'referral.access_refused', entityType: 'referral', entityId: null, details: { attempted: 'read' } }));
    throw new AppError('not_found', 'No such referral.');
  }
  const sides = sidesOf(row, organisationId);
  const isSender = sides.includes('sender');
  const state = row.consentDecision ? consentState({ decision: row.consentDecision, expiresAt: row.consentExpiresAt!, withdrawnAt: row.consentWithdrawnAt }, ctx.now) : null;
  const stored = await q.findPackage(ctx.db, id, row.packageVersion);
  // NOTE: once consent is withdrawn the receiver no longer sees the package: sharing stops at once.
  const showPackage = stored && maySeePackage({ isSender, status: row.status, consentWithdrawnAt: row.consentWithdrawnAt });
  const pack = showPackage ? presentPackage(ctx.config.encryptionKeys, stored) : null;
  if (pack?.identity && !isSender) {
    await ctx.db.transaction().execute((trx) => recordAudit(ctx, trx, { action: 'referral.identity_viewed', entityType: 'referral', entityId: id, details: { version: pack.version } }));
  }
  if (isSender) await q.markSenderSeen(ctx.db, id, ctx.now);
  const history = await q.listEvents(ctx.db, id);
  return {
    ...statusView(row, sides),
    serviceId: row.serviceId,
    serviceName: row.serviceName,
    senderOrganisationName: row.senderName,
    receiverOrganisationName: row.receiverName ?? '',
    external: row.receiverOrganisationId === null,
    urgency: row.urgency as ReferralDetail['urgency'],
    sentAt: row.sentAt,
    overdue: row.overdue,
    escalatedAt: row.escalatedAt,
    packageVersion: row.packageVersion,
    consentId: isSender ? row.consentId : null,
    consentState: state,
    package: pack,
    history: history.map((e) => ({ ...e, side: e.side as 'sender' | 'receiver' | 'system', fromStatus: e.fromStatus as TaskStatus | null, toStatus: e.toStatus as TaskStatus | null, outcome: e.outcome as Outcome | null })),
    caseId: isSender ? null : row.caseId,
    sourceCaseId: isSender ? row.sourceCaseId : null,
  };
}

/** The organisation's incoming or outgoing referrals, overdue first. */
export async function listOrganisationReferrals(ctx: Ctx, query: ReferralListQuery): Promise<ReferralList> {
  const organisationId = organisationOf(ctx);
  const rows = await q.listReferrals(ctx.db, { organisationId, ...query, now: ctx.now });
  const referrals = rows.slice(0, q.LIST_LIMIT).map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status as TaskStatus,
    outcome: r.outcome as Outcome | null,
    urgency: r.urgency as ReferralDetail['urgency'],
    serviceName: r.serviceName,
    counterpartName: query.box === 'incoming' ? r.senderName : (r.receiverName ?? ''),
    external: r.receiverOrganisationId === null,
    sentAt: r.sentAt,
    dueAt: r.dueAt,
    overdue: r.overdue,
    consentWithdrawn: !!r.consentWithdrawnAt,
    updatedAt: r.updatedAt,
  }));
  return { referrals, limited: rows.length > q.LIST_LIMIT };
}
