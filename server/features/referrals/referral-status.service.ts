// The one way a referral's status changes, for people (web) and systems (FHIR): lock, work out the caller's side,
// check the shared state machine, write the change, its history entry and its audit event in one transaction, and
// queue the neutral notification. Sending (draft → requested) also checks the service and the consent again.
import type { Transaction } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { AWAITING_ANSWER, checkTransition, nextStatuses, type Side, type TaskStatus } from '#shared/referrals/task-status.ts';
import type { Outcome } from '#shared/referrals/referral-vocabulary.ts';
import { CONSENT_WITHDRAWN_REASON, OUTCOME_REQUIRED, OUTCOMES_FOR, type ReferralStatusView } from '#shared/referrals/referral.schema.ts';
import { scheduleDeadline } from './referral-deadline.service.ts';
import { queueReferralNotice } from './referral-notify.service.ts';
import { receiverOf, requireSharingConsent, serviceTakingReferrals } from './referral-sharing.ts';
import { findCurrentPackage, findReferralSetting, insertReferralEvent, lockReferral, updateReferralStatus, type LockedReferral } from './referral-status.queries.ts';

export interface StatusChange {
  referralId: string;
  organisationId: string;
  by: { accountId: string } | { apiTokenId: string };
  to: TaskStatus;
  reason?: string | null;
  outcome?: Outcome | null;
  now: Date;
  /** The caller's address, for the audit trail. */
  ip?: string | null;
}

const HOUR_MS = 3_600_000;
const unprocessable = (field: string, message: string) => new AppError('unprocessable', message, { fields: { [field]: message } });

/** The sides an organisation holds on a referral: none, one, or both for a service outside the platform. */
export function sidesOf(r: Pick<LockedReferral, 'senderOrganisationId' | 'receiverOrganisationId' | 'status'>, organisationId: string): Side[] {
  if (r.senderOrganisationId === organisationId) return r.receiverOrganisationId === null ? ['sender', 'receiver'] : ['sender'];
  // NOTE: a draft is the sender's alone: the receiver learns of a referral only when it is sent.
  return r.receiverOrganisationId === organisationId && r.status !== 'draft' ? ['receiver'] : [];
}

/** The statuses the organisation may set next, over every side it holds. */
export function nextStatusesFor(status: TaskStatus, sides: Side[]): TaskStatus[] {
  return [...new Set(sides.flatMap((side) => nextStatuses(status, side)))];
}

/** The status part of a referral as the caller's sides see it; the detail view starts from it too. */
export function statusView(
  r: Pick<LockedReferral, 'id' | 'reference' | 'status' | 'statusReason' | 'outcome' | 'dueAt' | 'answeredAt' | 'updatedAt' | 'version'>,
  sides: Side[],
): ReferralStatusView {
  const status = r.status as TaskStatus;
  return {
    id: r.id,
    reference: r.reference,
    status,
    statusReason: r.statusReason,
    outcome: r.outcome as Outcome | null,
    side: sides[0]!,
    nextStatuses: nextStatusesFor(status, sides),
    dueAt: r.dueAt,
    answeredAt: r.answeredAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

/** The side whose rules allow this move; otherwise the problem to report (wrong side wins over not-from-here). */
function sideFor(r: LockedReferral, sides: Side[], to: TaskStatus, reason: string | null | undefined): Side {
  const from = r.status as TaskStatus;
  const checks = sides.map((side) => ({ side, check: checkTransition(from, to, side, reason) }));
  const ok = checks.find((c) => c.check.ok);
  if (ok) return ok.side;
  const problems = checks.map((c) => (c.check.ok ? null : c.check.problem));
  if (problems.includes('reason-required')) throw unprocessable('reason', `A reason is required to set the status ${to}.`);
  const current = { status: from, nextStatuses: nextStatusesFor(from, sides) };
  if (problems.every((p) => p === 'wrong-side')) throw new AppError('conflict', `The ${sides.join(' and ')} cannot set the status ${to}.`, { current });
  throw new AppError('conflict', `A referral cannot move from ${from} to ${to}.`, { current });
}

function outcomeFor(to: TaskStatus, outcome: Outcome | null | undefined): Outcome | null {
  const fits = OUTCOMES_FOR[to];
  if (!fits) {
    if (outcome) throw unprocessable('outcome', `An outcome is given only when a referral is completed, failed or rejected.`);
    return null;
  }
  if (!outcome) {
    if (OUTCOME_REQUIRED.includes(to)) throw unprocessable('outcome', `Choose an outcome to set the status ${to}.`);
    return 'got_help';
  }
  if (!fits.includes(outcome)) throw unprocessable('outcome', `The outcome ${outcome} does not fit the status ${to}.`);
  return outcome;
}

/** Sending: the service still takes referrals and the package's consent still allows it; the answer is due then. */
async function sendingValues(db: Db, r: LockedReferral, now: Date) {
  const service = await serviceTakingReferrals(db, r.serviceId);
  const pack = await findCurrentPackage(db, r.id);
  await requireSharingConsent(db, { consentId: pack?.consentId ?? null, senderOrganisationId: r.senderOrganisationId, subjectCode: pack?.subjectCode ?? '', receiver: receiverOf(service), now });
  if (r.receiverOrganisationId === null) return { sentAt: now, dueAt: null };
  const setting = await findReferralSetting(db, r.receiverOrganisationId);
  const hours = r.urgency === 'urgent' ? setting.urgentHours : setting.routineHours;
  return { sentAt: now, dueAt: new Date(now.getTime() + hours * HOUR_MS) };
}

export type Applied = { view: ReferralStatusView } | { refused: true; exists: boolean };

/** The same inside the caller's transaction (sending a referral as it is created). */
export async function applyLocked(trx: Transaction<Database>, change: StatusChange): Promise<Applied> {
  const r = await lockReferral(trx, change.referralId);
  const sides = r ? sidesOf(r, change.organisationId) : [];
  if (!r || sides.length === 0) return { refused: true, exists: !!r };
  const from = r.status as TaskStatus;
  const side = sideFor(r, sides, change.to, change.reason);
  const outcome = outcomeFor(change.to, change.outcome);
  const reason = change.reason?.trim() || null;
  const sending: { sentAt?: Date; dueAt?: Date | null } = change.to === 'requested' ? await sendingValues(trx, r, change.now) : {};
  const answered = AWAITING_ANSWER.includes(from) && !AWAITING_ANSWER.includes(change.to) && !r.answeredAt ? { answeredAt: change.now } : {};
  const seen = side === 'sender' ? { senderSeenAt: change.now } : {};
  await updateReferralStatus(trx, r.id, { status: change.to, statusReason: reason, outcome, ...sending, ...answered, ...seen, at: change.now });
  const by = 'accountId' in change.by ? { actorAccountId: change.by.accountId } : { apiTokenId: change.by.apiTokenId };
  const eventId = await insertReferralEvent(trx, { referralId: r.id, at: change.now, side, kind: 'status', ...by, fromStatus: from, toStatus: change.to, reason, outcome });
  await recordAudit({ now: change.now, actor: null, ip: change.ip ?? null }, trx, {
    action: 'referral.status_changed',
    entityType: 'referral',
    entityId: r.id,
    organisationId: change.organisationId,
    actorAccountId: 'accountId' in change.by ? change.by.accountId : null,
    details: { from, to: change.to, side, ...(outcome ? { outcome } : {}), ...('apiTokenId' in change.by ? { apiTokenId: change.by.apiTokenId } : {}) },
  });
  if (sending.dueAt) await scheduleDeadline(trx, r.id, change.now, sending.dueAt);
  // NOTE: the other side hears of it; an external service hears nothing (the sender keeps its status itself).
  const audience = side === 'sender' ? 'receiver' : 'sender';
  if (audience === 'sender' || r.receiverOrganisationId) await queueReferralNotice(trx, { referralId: r.id, audience, eventId, at: change.now });
  const after = (await lockReferral(trx, r.id))!;
  return { view: statusView(after, sides) };
}

/**
 * Changes a referral's status as `organisationId` (sender or receiver side). An organisation that is neither gets
 * not_found (404, audited); a move its side may not make gets conflict (409, with the current status); a missing
 * reason or outcome gets unprocessable (422), as does sending without a valid consent or to a closed service.
 */
export async function applyStatusChange(db: Db, change: StatusChange): Promise<ReferralStatusView> {
  const applied = await db.transaction().execute((trx) => applyLocked(trx, change));
  if ('view' in applied) return applied.view;
  await db.transaction().execute((trx) =>
    recordAudit({ now: change.now, actor: null, ip: change.ip ?? null }, trx, {
      action: 'referral.access_refused',
      entityType: 'referral',
      entityId: applied.exists ? change.referralId : null,
      organisationId: change.organisationId,
      actorAccountId: 'accountId' in change.by ? change.by.accountId : null,
      details: { attempted: 'status', ...('apiTokenId' in change.by ? { apiTokenId: change.by.apiTokenId } : {}) },
    }),
  );
  throw new AppError('not_found', 'No such referral.');
}

export { CONSENT_WITHDRAWN_REASON };

/**
 * A withdrawn consent stops every open referral relying on it: cancelled with the reason "consent withdrawn", in the
 * withdrawal's transaction, each with its history entry, audit event and a notice to the receiver (stop processing).
 */
export async function cancelForWithdrawnConsent(
  trx: Transaction<Database>,
  r: { id: string; status: string; receiverOrganisationId: string | null },
  o: { accountId: string; organisationId: string; now: Date; ip: string | null },
): Promise<void> {
  await updateReferralStatus(trx, r.id, { status: 'cancelled', statusReason: CONSENT_WITHDRAWN_REASON, outcome: null, senderSeenAt: o.now, at: o.now });
  const eventId = await insertReferralEvent(trx, {
    referralId: r.id,
    at: o.now,
    side: 'sender',
    kind: 'consent-withdrawn',
    actorAccountId: o.accountId,
    fromStatus: r.status,
    toStatus: 'cancelled',
    reason: CONSENT_WITHDRAWN_REASON,
  });
  await recordAudit({ now: o.now, actor: null, ip: o.ip }, trx, {
    action: 'referral.status_changed',
    entityType: 'referral',
    entityId: r.id,
    organisationId: o.organisationId,
    actorAccountId: o.accountId,
    details: { from: r.status, to: 'cancelled', side: 'sender', cause: 'consent_withdrawn' },
  });
  if (r.receiverOrganisationId && r.status !== 'draft') await queueReferralNotice(trx, { referralId: r.id, audience: 'receiver', eventId, at: o.now });
}
