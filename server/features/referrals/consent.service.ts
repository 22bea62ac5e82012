// The consent ledger: a professional records what the person agreed to (or refused), for one named receiver, for
// which purposes, until when, in which language and with or without an interpreter. Withdrawing it stops sharing at
// once: every open referral relying on it is cancelled and its receiver told to stop processing.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { ConsentCreate, ConsentList, ConsentListQuery, ConsentView } from '#shared/referrals/consent.schema.ts';
import type { ConsentPurposeSchema } from '#shared/referrals/referral-vocabulary.ts';
import { TERMINAL_STATUSES, TASK_STATUSES } from '#shared/referrals/task-status.ts';
import type { z } from 'zod';
import { consentState, namesReceiver } from './consent.policy.ts';
import { findConsent, insertConsent, listConsents, lockOpenReferralsOnConsent, markConsentWithdrawn, type ConsentRow } from './consent.queries.ts';
import { findServiceFacts, receiverOf } from './referral-sharing.ts';
import { cancelForWithdrawnConsent } from './referral-status.service.ts';

const DAY_MS = 86_400_000;
const OPEN_STATUSES = TASK_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));
const unprocessable = (field: string, message: string) => new AppError('unprocessable', message, { fields: { [field]: message } });

/** The organisation the actor works for now; consents and referrals always belong to one. */
export function organisationOf(ctx: Ctx): string {
  const organisationId = actorOf(ctx).organisationId;
  if (!organisationId) throw new AppError('forbidden', 'Choose an organisation first.');
  return organisationId;
}

export function presentConsent(c: ConsentRow, now: Date): ConsentView {
  return {
    id: c.id,
    subjectCode: c.subjectCode,
    receiverName: c.receiverName ?? '',
    receiverOrganisationId: c.receiverOrganisationId,
    receiverDirectoryOrganizationId: c.receiverDirectoryOrganizationId,
    purposes: c.purposes as z.infer<typeof ConsentPurposeSchema>[],
    decision: c.decision === 'refused' ? 'refused' : 'given',
    coversIdentity: c.coversIdentity,
    language: c.language,
    withInterpreter: c.withInterpreter,
    recordedByName: c.recordedByName,
    recordedAt: c.recordedAt,
    expiresAt: c.expiresAt,
    withdrawnAt: c.withdrawnAt,
    state: consentState(c, now),
  };
}

async function receiverColumns(ctx: Ctx, input: ConsentCreate) {
  if (input.receiverServiceId) {
    const service = await findServiceFacts(ctx.db, input.receiverServiceId);
    if (!service || service.reviewStatus !== 'approved') throw unprocessable('receiverServiceId', 'Choose a service from the directory.');
    return service.organisationId
      ? { receiverOrganisationId: service.organisationId, receiverDirectoryOrganizationId: null }
      : { receiverOrganisationId: null, receiverDirectoryOrganizationId: service.directoryOrganizationId };
  }
  if (input.receiverOrganisationId) {
    const found = await ctx.db.selectFrom('organisation').select('id').where('id', '=', input.receiverOrganisationId).executeTakeFirst();
    if (!found) throw unprocessable('receiverOrganisationId', 'Choose a receiving organisation.');
    return { receiverOrganisationId: found.id, receiverDirectoryOrganizationId: null };
  }
  const found = await ctx.db.selectFrom('directoryOrganization').select('id').where('id', '=', input.receiverDirectoryOrganizationId!).executeTakeFirst();
  if (!found) throw unprocessable('receiverDirectoryOrganizationId', 'Choose a receiving organisation.');
  return { receiverOrganisationId: null, receiverDirectoryOrganizationId: found.id };
}

/** Records a consent given or refused, by the actor, in their organisation. */
export async function recordConsent(ctx: Ctx, input: ConsentCreate): Promise<ConsentView> {
  const organisationId = organisationOf(ctx);
  // NOTE: a consent holds until the end of its last day (UTC), and must hold at least until tomorrow.
  const expiresAt = new Date(Date.parse(`${input.expiresOn}T00:00:00Z`) + DAY_MS);
  if (expiresAt.getTime() <= ctx.now.getTime()) throw unprocessable('expiresOn', 'The consent must hold beyond today.');
  const receiver = await receiverColumns(ctx, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertConsent(trx, {
      organisationId,
      subjectCode: input.subjectCode,
      ...receiver,
      purposes: [...new Set(input.purposes)],
      decision: input.decision,
      coversIdentity: input.decision === 'given' && input.coversIdentity,
      language: input.language,
      withInterpreter: input.withInterpreter,
      recordedBy: actorOf(ctx).accountId,
      recordedAt: ctx.now,
      expiresAt,
    });
    await recordAudit(ctx, trx, { action: 'consent.recorded', entityType: 'consent', entityId: created, details: { decision: input.decision, purposes: input.purposes } });
    return created;
  });
  return presentConsent((await findConsent(ctx.db, id, organisationId))!, ctx.now);
}

/** One consent of the actor's organisation; any other organisation's is not found. */
export async function getConsent(ctx: Ctx, id: string): Promise<ConsentView> {
  const consent = await findConsent(ctx.db, id, organisationOf(ctx));
  if (!consent) throw new AppError('not_found', 'No such consent.');
  return presentConsent(consent, ctx.now);
}

/** The organisation's consents, for one code and/or those naming the receiver of one service. */
export async function listOrganisationConsents(ctx: Ctx, query: ConsentListQuery): Promise<ConsentList> {
  let rows = await listConsents(ctx.db, organisationOf(ctx), query.subjectCode);
  if (query.serviceId) {
    const service = await findServiceFacts(ctx.db, query.serviceId);
    rows = service ? rows.filter((c) => namesReceiver(c, receiverOf(service))) : [];
  }
  return { consents: rows.map((c) => presentConsent(c, ctx.now)) };
}

/** Withdraws a consent and cancels, in the same transaction, every open referral relying on it. */
export async function withdrawConsent(ctx: Ctx, id: string): Promise<ConsentView> {
  const organisationId = organisationOf(ctx);
  const accountId = actorOf(ctx).accountId;
  if (!(await findConsent(ctx.db, id, organisationId))) throw new AppError('not_found', 'No such consent.');
  const cancelled = await ctx.db.transaction().execute(async (trx) => {
    if (!(await markConsentWithdrawn(trx, { id, organisationId, by: accountId, at: ctx.now }))) {
      throw new AppError('conflict', 'This consent was already withdrawn.');
    }
    const open = await lockOpenReferralsOnConsent(trx, id, OPEN_STATUSES);
    for (const r of open) await cancelForWithdrawnConsent(trx, r, { accountId, organisationId, now: ctx.now, ip: ctx.ip });
    await recordAudit(ctx, trx, { action: 'consent.withdrawn', entityType: 'consent', entityId: id, details: { cancelledReferrals: open.length } });
    return open.length;
  });
  return { ...presentConsent((await findConsent(ctx.db, id, organisationId))!, ctx.now), cancelledReferrals: cancelled };
}
